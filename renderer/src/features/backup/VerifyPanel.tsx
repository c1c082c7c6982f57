import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { LongWork } from './LongWork';

/** "Kiểm tra toàn vẹn": the whole state against the audit log; the first difference named. */
export function VerifyPanel() {
  const { t } = useT();
  const verify = useApiMutation('integrity:verify', {});
  const r = verify.data;
  const compared = r ? r.checks.reduce((n, c) => n + c.checked, 0) : 0;
  const first = r?.differences[0];
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>{t('backup:verify')}</Title>
        <Text>{t('backup:verifyHelp')}</Text>
        <div>
          <Button leftSection={<IconShieldCheck size={18} />} loading={verify.isPending} onClick={() => verify.mutate({})}>
            {t('backup:verifyNow')}
          </Button>
        </div>
        {verify.isPending && <LongWork label={t('backup:working.verify')} />}
        {verify.isError && <ErrorAlert error={verify.error} />}
        {r?.ok && (
          <Alert color="green" icon={<IconShieldCheck size={18} />} data-testid="verify-ok">
            {t('backup:verifyOk', { events: r.audit.count, rows: compared })}
          </Alert>
        )}
        {r && !r.ok && first && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="verify-bad">
            <Stack gap="xs">
              <Text fw={700}>{t('backup:verifyBad', { count: r.differenceCount })}</Text>
              <Table withTableBorder>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={140}>{t('backup:verifyTable')}</Table.Th>
                    <Table.Td>{first.table}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup:verifyKey')}</Table.Th>
                    <Table.Td>{first.key}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup:verifyExpected')}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{first.expected}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup:verifyFound')}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{first.found}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Text size="sm">{t('backup:verifyWhat')}</Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
