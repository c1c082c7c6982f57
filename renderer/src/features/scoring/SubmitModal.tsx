import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { codeList } from './format';
import { newOpId } from './save-queue';
import type { SheetEditor } from './useSheetEditor';

/**
 * Submitting: the completeness check first (with a way straight to the first criterion left),
 * then the total and a clear warning that the sheet locks; a re-scoring round asks why.
 */
export function SubmitModal(props: {
  opened: boolean;
  onClose: () => void;
  view: SheetView;
  editor: SheetEditor;
  onGoTo: (code: string) => void;
  onSubmitted: () => void;
}) {
  const { t } = useT();
  const { view, editor } = props;
  const e = editor.evaluation;
  const [reason, setReason] = useState('');
  const [submitOpId] = useState(newOpId);
  const revision = view.sheet.rescoringRound > 0;
  const submit = useApiMutation('scoring:submit', {
    onSuccess: () => {
      toastDone(t('scoring:submit.done'));
      props.onSubmitted();
    },
  });
  // Only what is on the host counts: submit once every change has been stored there.
  const go = async () => {
    const settled = await editor.flush();
    if (settled.kind !== 'idle') return;
    // The same key for every attempt on this sheet: pressed again after a lost answer, it does not submit twice.
    submit.mutate({ sheetId: view.sheet.id, opId: submitOpId, ...(revision ? { revisionReason: reason } : {}) });
  };
  const unsent = editor.save.kind === 'waiting' || editor.save.kind === 'error' ? editor.save.pending : 0;
  const blocked = !e.complete || unsent > 0;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('scoring:submit.title')} size="lg" centered>
      <Stack>
        {e.missing.length > 0 && !e.disqualified ? (
          <Alert color="yellow" data-testid="submit-incomplete">
            <Stack gap="xs">
              <Text>{t('scoring:submit.incomplete', { count: e.missing.length, codes: codeList(e.missing) })}</Text>
              <Button variant="light" color="yellow" w="fit-content" onClick={() => props.onGoTo(e.missing[0]!)} data-autofocus>
                {t('scoring:submit.goToFirst')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <>
            <Text size="lg">{t('scoring:submit.confirmText', { total: e.total, max: e.max })}</Text>
            {e.disqualified && <Alert color="red">{t('scoring:submit.disqualified')}</Alert>}
            {revision && (
              <Textarea
                label={t('scoring:submit.revisionReason')}
                placeholder={t('scoring:submit.revisionPlaceholder')}
                value={reason}
                onChange={(ev) => setReason(ev.currentTarget.value)}
                required
                autosize
                minRows={2}
                data-autofocus
              />
            )}
          </>
        )}
        {unsent > 0 && (
          <Alert color="orange" data-testid="submit-unsent">
            {t('scoring:submit.unsent', { count: unsent })}
          </Alert>
        )}
        {editor.save.kind === 'error' && <ErrorAlert error={editor.save.error} />}
        {submit.isError && <ErrorAlert error={submit.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            onClick={() => void go()}
            disabled={blocked || (revision && reason.trim() === '')}
            loading={submit.isPending}
            data-testid="submit-confirm"
            data-autofocus={!revision && e.complete ? true : undefined}
          >
            {t('scoring:submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
