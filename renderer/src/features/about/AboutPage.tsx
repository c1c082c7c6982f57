import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/useT';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BUILT_AT } from '../../app/build-info';
import { buildAge } from '../../../../shared/app/build-age';
import { formatDateText } from '../../components/date-text';
import { OldBuildNotice } from './OldBuildNotice';

export function AboutPage() {
  const { t } = useT();
  const info = useApiQuery('app:info', {});
  const settings = useApiQuery('settings:get', {});
  const builtOn = buildAge(BUILT_AT, new Date(), 0).builtOn;
  if (info.isError) return <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />;
  const i = info.data;
  const rows: [string, React.ReactNode][] = i
    ? [
        [t('about:version'), i.version],
        [
          t('about:builtOn'),
          <span key="b" data-testid="about-built-on">
            {builtOn ? formatDateText(builtOn) : t('about:builtFromSource')}
          </span>,
        ],
        [t('about:dataDir'), <Code key="d">{i.dataDir}</Code>],
        [
          t('about:databasePath'),
          <Code key="p" data-testid="about-database-path">
            {i.databasePath}
          </Code>,
        ],
        [t('about:schemaVersion'), `${i.schemaVersion} / ${i.latestSchemaVersion}`],
        [t('about:host'), t(`about:hosts.${i.host}`)],
      ]
    : [];
  return (
    <Stack maw={860} gap="lg">
      <Title order={2}>{t('about:title')}</Title>
      {settings.data && <OldBuildNotice months={settings.data.oldBuildNoticeMonths} />}
      <Paper withBorder p="lg">
        <Stack>
          <Text size="lg" fw={600}>
            {t('common:appName')}
          </Text>
          <Text>{t('about:description')}</Text>
          <Text size="sm" c="dimmed">
            {t('about:legalBasis')}
          </Text>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={260}>{k}</Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
    </Stack>
  );
}
