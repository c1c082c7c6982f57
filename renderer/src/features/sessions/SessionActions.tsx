import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconPlayerPlay, IconPlayerStop, IconRotate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { CloseChecksWarning, useCloseChecks } from './MissingSheetsWarning';
import { useSessionMutation } from './useSessionMutation';
import { TimeField } from '../../components/TimeField';
import { vnTime } from '../../../../shared/ocop/vn-time';

type Step = 'open' | 'close' | 'reopen' | 'delete' | null;

/** The status buttons a secretary needs at this point, each confirmed in a dialog that says what it changes. */
export function SessionActions({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  const navigate = useNavigate();
  const s = detail.session;
  const [step, setStep] = useState<Step>(null);
  // The end time is usually "now": prefilled (Vietnam time), still editable.
  const [endTime, setEndTime] = useState(s.endTime ?? vnTime(new Date().toISOString(), { seconds: false }));
  const [reason, setReason] = useState('');
  const [closeAnyway, setCloseAnyway] = useState(false);
  const checks = useCloseChecks(s.id, step === 'close');
  const unresolved = checks.missing.length + checks.overLimit.length;
  const done = (key: 'opened' | 'closed' | 'reopened') => () => {
    toastDone(t(`sessions:actions.${key}`));
    setStep(null);
    setReason('');
    setCloseAnyway(false);
  };
  const open = useSessionMutation('sessions:transition', done('opened'));
  const close = useSessionMutation('sessions:transition', done('closed'));
  const reopen = useSessionMutation('sessions:transition', done('reopened'));
  const del = useApiMutation('sessions:delete', {
    onSuccess: () => {
      toastDone(t('sessions:detail.deleted'));
      void navigate('/sessions');
    },
  });
  const written = s.kind === 'written_opinion';
  const current = step === 'open' ? open : step === 'close' ? close : step === 'reopen' ? reopen : null;
  return (
    <>
      <Group>
        {s.status === 'preparing' && (
          <Button leftSection={<IconPlayerPlay size={18} />} disabled={!detail.readiness.canOpen} onClick={() => setStep('open')}>
            {written ? t('sessions:actions.openWritten') : t('sessions:actions.open')}
          </Button>
        )}
        {s.status === 'in_progress' && (
          <Button leftSection={<IconPlayerStop size={18} />} onClick={() => setStep('close')}>
            {t('sessions:actions.close')}
          </Button>
        )}
        {s.status === 'closed' && (
          <Button variant="light" leftSection={<IconRotate size={18} />} onClick={() => setStep('reopen')}>
            {t('sessions:actions.reopen')}
          </Button>
        )}
        {detail.allowed.delete && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={() => setStep('delete')}>
            {t('sessions:detail.delete')}
          </Button>
        )}
      </Group>
      <Modal
        size={step === 'close' ? 'lg' : 'md'}
        opened={step !== null}
        onClose={() => {
          setStep(null);
          setCloseAnyway(false);
        }}
        title={
          step === 'open'
            ? t('sessions:actions.open')
            : step === 'close'
              ? t('sessions:actions.close')
              : step === 'reopen'
                ? t('sessions:actions.reopen')
                : t('sessions:detail.delete')
        }
      >
        <Stack>
          <Text>
            {step === 'open'
              ? t('sessions:actions.openConfirm')
              : step === 'close'
                ? t('sessions:actions.closeConfirm')
                : step === 'reopen'
                  ? t('sessions:actions.reopenConfirm')
                  : t('sessions:detail.deleteConfirm')}
          </Text>
          {step === 'close' && !written && (
            <TimeField label={t('sessions:form.endTime')} required value={endTime} onChange={setEndTime} />
          )}
          {step === 'close' && (
            <CloseChecksWarning
              detail={detail}
              missing={checks.missing}
              overLimit={checks.overLimit}
              acknowledged={closeAnyway}
              onAcknowledge={setCloseAnyway}
            />
          )}
          {step === 'reopen' && (
            <Textarea
              label={t('sessions:actions.reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
          )}
          {current?.isError && <ErrorAlert error={current.error} />}
          {step === 'delete' && del.isError && <ErrorAlert error={del.error} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setStep(null);
                setCloseAnyway(false);
              }}
            >
              {t('common:cancel')}
            </Button>
            <Button
              color={step === 'delete' ? 'red' : undefined}
              loading={current?.isPending || del.isPending}
              disabled={
                (step === 'reopen' && !reason.trim()) ||
                (step === 'close' && ((!written && !endTime) || checks.loading || (unresolved > 0 && !closeAnyway)))
              }
              onClick={() => {
                if (step === 'open') open.mutate({ id: s.id, to: 'in_progress' });
                else if (step === 'close') close.mutate({ id: s.id, to: 'closed', ...(endTime ? { endTime } : {}) });
                else if (step === 'reopen') reopen.mutate({ id: s.id, to: 'in_progress', reason });
                else if (step === 'delete') del.mutate({ id: s.id });
              }}
            >
              {t('common:confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
