import { Alert, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCirclePlus, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportAction, ImportPreview } from '../../../../shared/api/channels/scoring';
import type { ImportRowError } from '../../../../shared/api/fields';
import { vnDateTime } from '../../../../shared/ocop/vn-time';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';

/** Icon and colour back up the words; the action is always written out in full. */
const ACTION_LOOK: Record<ImportAction, { color: string; Icon: typeof IconCirclePlus }> = {
  new: { color: 'green.9', Icon: IconCirclePlus },
  update: { color: 'blue.9', Icon: IconPencil },
  same: { color: 'gray.8', Icon: IconCircleCheck },
  rejected: { color: 'red.9', Icon: IconAlertTriangle },
};

/** What an import would do: the file, counts, problems (where and what to fix), sheets, rounds. */
export function ImportPreviewView({ preview: p }: { preview: ImportPreview }) {
  const { t, i18n } = useT();
  const when = (iso: string | null) => vnDateTime(iso, { seconds: true });
  const problem = (e: ImportRowError) => {
    const key = `scoringExchange:issues.${e.code ?? ''}`;
    return e.code && i18n.exists(key)
      ? (i18n.t as (k: string, o: Record<string, unknown>) => string)(key, {
          interpolation: { escapeValue: false },
          ...(e.params ?? {}),
        })
      : e.message;
  };
  const place = (e: ImportRowError) =>
    e.sheet === 'sheets' || e.sheet === 'rounds'
      ? t(`scoringExchange:place.${e.sheet}`, { row: e.row ?? 0 })
      : t('scoringExchange:place.file');
  const round = (n: number) => (n === 0 ? t('scoringExchange:round0') : t('scoringExchange:roundN', { n }));
  const action = (a: ImportAction) => {
    const { color, Icon } = ACTION_LOOK[a];
    return (
      <Group gap={6} wrap="nowrap" c={color}>
        <Icon size={18} aria-hidden />
        <Text fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
          {t(`scoringExchange:action.${a}`)}
        </Text>
      </Group>
    );
  };
  const count = (a: ImportAction) => p.sheets.filter((s) => s.action === a).length;
  // Sheets already here are the bulk of a re-import; the ones that change something come first.
  const [showSame, setShowSame] = useState(false);
  const shownSheets = showSame ? p.sheets : p.sheets.filter((s) => s.action !== 'same');

  return (
    <Stack gap="md">
      {p.session && (
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('scoringExchange:previewTitle', {
              number: p.session.number,
              council: p.session.councilName,
              date: dateText(p.session.date),
            })}
          </Title>
          <Text c="dimmed">{t('scoringExchange:previewMeta', { at: when(p.exportedAt), version: p.formatVersion ?? '—' })}</Text>
        </Stack>
      )}
      {p.formatVersion === 1 && <Alert color="yellow">{t('scoringExchange:oldVersion')}</Alert>}

      {p.sheets.length + p.rounds.length > 0 && (
        <List size="md" spacing={2} data-testid="exchange-summary">
          <List.Item>{t('scoringExchange:summary.new', { count: count('new') })}</List.Item>
          {count('update') > 0 && <List.Item>{t('scoringExchange:summary.update', { count: count('update') })}</List.Item>}
          <List.Item>{t('scoringExchange:summary.same', { count: count('same') })}</List.Item>
          {count('rejected') > 0 && <List.Item>{t('scoringExchange:summary.rejected', { count: count('rejected') })}</List.Item>}
          <List.Item>
            {t('scoringExchange:summary.rounds', {
              new: p.rounds.filter((r) => r.action === 'new').length,
              same: p.rounds.filter((r) => r.action === 'same').length,
            })}
          </List.Item>
          {p.superseded.length > 0 && (
            <List.Item>{t('scoringExchange:summary.superseded', { count: p.superseded.length })}</List.Item>
          )}
        </List>
      )}

      {p.errors.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5" c="red.9">
            {t('scoringExchange:errorsTitle', { count: p.errors.length })}
          </Title>
          <Table withTableBorder striped fz="md" verticalSpacing="xs" data-testid="exchange-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoringExchange:col.place')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.field')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{place(e)}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {/* "(sheet)", "(round)", "(document)": the whole item, no single field */}
                      {!e.column || e.column.startsWith('(') ? '—' : e.column}
                    </Text>
                  </Table.Td>
                  <Table.Td>{problem(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {p.sheets.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('scoringExchange:sheetsTitle', { count: p.sheets.length })}
          </Title>
          {shownSheets.length > 0 && (
            <Table withTableBorder fz="md" verticalSpacing="xs" data-testid="exchange-sheets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scoringExchange:col.row')}</Table.Th>
                  <Table.Th>{t('scoringExchange:col.product')}</Table.Th>
                  <Table.Th>{t('scoringExchange:col.member')}</Table.Th>
                  <Table.Th>{t('scoringExchange:col.round')}</Table.Th>
                  <Table.Th>{t('scoringExchange:col.source')}</Table.Th>
                  <Table.Th ta="right">{t('scoringExchange:col.total')}</Table.Th>
                  <Table.Th>{t('scoringExchange:col.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shownSheets.map((s) => (
                  <Table.Tr key={s.row}>
                    <Table.Td>{s.row}</Table.Td>
                    <Table.Td>{s.productName}</Table.Td>
                    <Table.Td>{s.memberName}</Table.Td>
                    <Table.Td>
                      {round(s.rescoringRound)}
                      {s.revisionReason && (
                        <Text size="sm" c="dimmed">
                          {s.revisionReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`scoringExchange:source.${s.source}`)}</Table.Td>
                    <Table.Td ta="right">{s.totalPoints}</Table.Td>
                    <Table.Td>{action(s.action)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {count('same') > 0 && (
            <Button variant="subtle" size="md" w="fit-content" onClick={() => setShowSame((v) => !v)} aria-expanded={showSame}>
              {showSame
                ? t('scoringExchange:hideSame', { count: count('same') })
                : t('scoringExchange:showSame', { count: count('same') })}
            </Button>
          )}
        </Stack>
      )}

      {p.rounds.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('scoringExchange:roundsTitle', { count: p.rounds.length })}
          </Title>
          <Table withTableBorder fz="md" verticalSpacing="xs" data-testid="exchange-rounds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoringExchange:col.row')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.product')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.round')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.reason')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.openedBy')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.openedAt')}</Table.Th>
                <Table.Th>{t('scoringExchange:col.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.rounds.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.productName}</Table.Td>
                  <Table.Td>{round(r.roundNo)}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                  <Table.Td>{r.openedByName}</Table.Td>
                  <Table.Td>{when(r.openedAt)}</Table.Td>
                  <Table.Td>{action(r.action)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {p.superseded.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('scoringExchange:supersededTitle')}
          </Title>
          <List size="md">
            {p.superseded.map((s) => (
              <List.Item key={s.sheetId}>
                {t('scoringExchange:supersededItem', {
                  member: s.memberName,
                  product: s.productName,
                  registrationNo: s.registrationNo,
                  round: round(s.rescoringRound),
                  points: s.totalPoints,
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
