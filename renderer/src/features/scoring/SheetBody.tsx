import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { IconFileDescription, IconLock } from '@tabler/icons-react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { useT } from '../../i18n/useT';
import { CriteriaList } from './CriteriaList';
import { timeOf } from './format';
import type { SheetScreenState } from './useSheetScreen';

/** The sheet itself, the same on every screen: why it is read-only, banners, criteria, opinion, submit. */
export function SheetBody({
  view,
  set,
  screen,
  keyboardHelp = true,
}: {
  view: SheetView;
  set: CriteriaSet;
  screen: SheetScreenState;
  keyboardHelp?: boolean;
}) {
  const { t } = useT();
  const { editor } = screen;
  const sessionOpen = view.sheet.status === 'draft';
  const readOnlyReason =
    view.sheet.status === 'submitted'
      ? t('scoring:sheet.submitted', { time: timeOf(view.sheet.submittedAt) })
      : view.sheet.status === 'superseded'
        ? t('scoring:sheet.superseded')
        : null;
  return (
    <>
      {readOnlyReason && (
        <Alert color="gray" icon={<IconLock />} data-testid="sheet-locked">
          {readOnlyReason}
        </Alert>
      )}
      {!readOnlyReason && !sessionOpen && <Alert color="gray">{t('scoring:sheet.readOnlySession')}</Alert>}
      {view.sheet.source === 'paper' && (
        <Alert color="blue" variant="light" icon={<IconFileDescription />}>
          {t('scoring:sheet.paperSource', { names: view.sheet.enteredBy ?? '' })}
        </Alert>
      )}
      {view.sheet.rescoringRound > 0 && view.sheet.status === 'draft' && (
        <Alert color="orange" variant="light">
          {t('scoring:sheet.revisionBanner', { round: view.sheet.rescoringRound })}
        </Alert>
      )}
      {editor.evaluation.disqualified && (
        <Alert color="red" variant="light" data-testid="sheet-disqualified">
          {t('scoring:sheet.disqualifiedBanner', {
            reason: editor.evaluation.disqualifiedBy.map((d) => d.reason ?? '').join('; '),
          })}
        </Alert>
      )}
      {keyboardHelp && (
        <Text size="sm" c="dimmed">
          {t('scoring:sheet.keyboardHelp')}
        </Text>
      )}
      <CriteriaList
        set={set}
        editor={editor}
        previous={view.previous}
        active={screen.active}
        onActive={screen.setActive}
        registerFocus={screen.registerFocus}
        notice={screen.notice}
        onChoose={screen.chooseByPointer}
      />
      <Textarea
        label={t('scoring:sheet.opinion')}
        description={t('scoring:sheet.opinionHelp')}
        value={editor.local.opinion}
        onChange={(e) => editor.setOpinion(e.currentTarget.value)}
        onBlur={() => void editor.flush()}
        readOnly={!editor.editable}
        autosize
        minRows={3}
        size="md"
      />
      {editor.editable && (
        <Group justify="flex-end" pb="xl">
          <Button size="lg" onClick={() => screen.setSubmitOpen(true)}>
            {t('scoring:sheet.submit')}
          </Button>
        </Group>
      )}
    </>
  );
}
