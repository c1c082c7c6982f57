import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { RegistryEntryDetail } from '../../../../shared/api/channels/registry';
import { formatDateVi, formatScaled } from '../../../../shared/ocop/format-vi';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64 } from '../../components/file-io';
import { QueryFallback } from '../../components/QueryFallback';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { CorrectDecisionModal, DecisionModal, EditModal, RevokeModal, WithdrawModal } from './EntryModals';
import { nhomKey, PDF_MIME, STATUS_COLOR, WRAPPING_BADGE } from './labels';
import { todayInVietnam } from './today';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

type Open = 'decision' | 'correct' | 'revoke' | 'withdraw' | 'edit' | null;

/** One entry of the registry with the product's whole history and what the office can do next. */
export function EntryPage() {
  const { t, i18n } = useT();
  const roundName = useRoundName();
  const id = Number(useParams().id);
  const q = useApiQuery('registry:get', { id });
  const [open, setOpen] = useState<Open>(null);
  const [printError, setPrintError] = useState<unknown>(null);
  const [today] = useState(todayInVietnam);
  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  const e = q.data;
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const yesNo = (v: boolean | null) =>
    v === null ? t('registry:entry.notRecorded') : v ? t('registry:entry.yes') : t('registry:entry.no');
  const reprint = async () => {
    setPrintError(null);
    try {
      const f = await call('registry:certificate', { id: e.id });
      downloadBase64(f.fileName, PDF_MIME, f.contentBase64);
    } catch (err) {
      setPrintError(err);
    }
  };
  const decided = e.state === 'recognised' || e.state === 'superseded' || e.state === 'revoked';

  return (
    <Stack gap="md" maw={1180}>
      <BackLink to="/registry" label={t('registry:entry.back')} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{e.productName}</Title>
          <Text size="lg">{e.producerName}</Text>
        </div>
        <Group gap="xs">
          <Badge size="xl" variant="filled" color={e.star && e.star >= 3 ? 'red.8' : 'gray'}>
            {e.star ? t('registry:entry.stars', { count: e.star }) : t('registry:entry.noStar')}
          </Badge>
          <Badge size="xl" variant="light" color={STATUS_COLOR[e.status]}>
            {t(`registry:status.${e.status}`)}
          </Badge>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Group gap="sm" aria-label={t('registry:entry.actions')}>
          {e.state === 'proposed' && <Button onClick={() => setOpen('decision')}>{t('registry:entry.recordDecision')}</Button>}
          {e.state === 'proposed' && (
            <Button variant="default" onClick={() => setOpen('withdraw')}>
              {t('registry:entry.withdraw')}
            </Button>
          )}
          {(e.state === 'recognised' || e.state === 'superseded') && (
            <Button variant="default" onClick={() => setOpen('correct')}>
              {t('registry:entry.correctDecision')}
            </Button>
          )}
          {e.state === 'recognised' && (
            <Button color="red" variant="light" onClick={() => setOpen('revoke')}>
              {t('registry:entry.revoke')}
            </Button>
          )}
          {decided && (
            <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void reprint()}>
              {t('registry:entry.certificate_print')}
            </Button>
          )}
          <Button variant="default" onClick={() => setOpen('edit')}>
            {t('registry:entry.edit')}
          </Button>
          {e.sessionId !== null && (
            <Anchor component={Link} to={`/results/${e.sessionId}`}>
              {t('registry:entry.sessionLink')}
            </Anchor>
          )}
        </Group>
        {printError !== null && <ErrorAlert error={printError} />}
      </Paper>

      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Field label={t('registry:entry.kind')}>
            {e.producerKind ? t(`dossiers:producerKinds.${e.producerKind}`) : t('registry:entry.kindUnknown')}
          </Field>
          <Field label={t('registry:entry.communeNow')}>{e.communeCode ? `${e.communeName} (${e.communeCode})` : '—'}</Field>
          <Field label={t('registry:entry.communeOld')}>
            {[e.communeText, e.districtText].filter(Boolean).join(', ') || '—'}
          </Field>
          <Field label={t('registry:entry.address')}>{e.addressText || '—'}</Field>
          <Field label={t('registry:entry.sector')}>{e.sectorText || '—'}</Field>
          <Field label={t('registry:entry.classified')}>
            {e.nganhNo
              ? `${e.nganhNo}. ${t(`stats:sectors.${e.nganhNo}`)}${e.nhom ? ` › ${nhomKey(e.nhom) ? t(nhomKey(e.nhom) as 'stats:nhom.n1') : e.nhom}` : ''}`
              : '—'}
          </Field>
          <Field label={t('registry:entry.basis')}>{e.legalBasis}</Field>
          <Field label={t('registry:entry.year')}>
            {e.year}
            {e.roundNo ? ` · ${t('registry:entry.round')} ${e.roundNo}` : ''}
          </Field>
          <Field label={t('registry:entry.evaluation')}>
            {t(`registry:kinds.${e.kind}`)}
            {e.starChange ? ` (${t(`registry:change.${e.starChange}`)})` : ''}
          </Field>
          <Field label={t('registry:entry.score')}>
            {e.scoreCenti === null ? '—' : formatScaled(e.scoreCenti, 2, { locale })}
          </Field>
          <Field label={t('registry:entry.decision')}>
            {e.decisionNo ? `${e.decisionNo} · ${formatDateVi(e.decisionDate!)}` : t('registry:entry.decisionNone')}
          </Field>
          <Field label={t('registry:entry.authority')}>{e.authority ? t(`registry:authority.${e.authority}`) : '—'}</Field>
          <Field label={t('registry:entry.signer')}>{e.decisionSigner || '—'}</Field>
          <Field label={t('registry:entry.certificate')}>{e.certificateNo ?? '—'}</Field>
          <Field label={t('registry:entry.validity')}>
            {e.validFrom && e.validTo
              ? t('registry:entry.validityText', { from: formatDateVi(e.validFrom), to: formatDateVi(e.validTo) })
              : '—'}
          </Field>
          <Field label={t('registry:entry.window')}>
            {e.windowOpensOn && e.windowClosesOn
              ? t('registry:entry.windowText', { from: formatDateVi(e.windowOpensOn), to: formatDateVi(e.windowClosesOn) })
              : '—'}
          </Field>
          <Field label={`${t('registry:entry.inclusion')}: ${t('registry:entry.womenLed')}`}>{yesNo(e.womenLed)}</Field>
          <Field label={`${t('registry:entry.inclusion')}: ${t('registry:entry.ethnicMinority')}`}>
            {yesNo(e.ethnicMinority)}
          </Field>
          <Field label={t('registry:entry.origin')}>{t(`registry:origins.${e.origin}`)}</Field>
        </SimpleGrid>
        {e.revokedOn && (
          <Text mt="md" c="red.8" fw={600}>
            {t('registry:entry.revoked')}:{' '}
            {t('registry:entry.revokedText', {
              date: formatDateVi(e.revokedOn),
              no: e.revokeDecisionNo ?? '',
              ground: e.revokeGround ? t(`registry:grounds.${e.revokeGround}`) : '',
            })}
            {e.revokeNote ? ` — ${e.revokeNote}` : ''}
          </Text>
        )}
        {e.pendingRegistration && (
          <Text mt="md">
            <Anchor component={Link} to={`/dossiers/registrations/${e.pendingRegistration.id}`}>
              {t('registry:entry.pending', {
                kind: t(`registry:kinds.${e.pendingRegistration.kind as 'reevaluation'}`),
                no: e.pendingRegistration.registrationNo,
                round: roundName(e.pendingRegistration.roundName),
              })}
            </Anchor>
          </Text>
        )}
        {e.note && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {t('registry:entry.note')}: {e.note}
          </Text>
        )}
        {e.corrections.length > 0 && (
          <Stack mt="md" gap={4}>
            <Text fw={600}>{t('registry:corrections.title')}</Text>
            {e.corrections.map((c) => (
              <Text key={c.id}>
                {t('registry:corrections.item', {
                  date: formatDateVi(vnToday(new Date(c.correctedAt))),
                  by: c.correctedBy,
                  changes: c.changes
                    .map((x) => `${t(`registry:corrections.fields.${x.field}`)} ${x.from || '—'} → ${x.to || '—'}`)
                    .join('; '),
                  reason: c.reason,
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>

      <History entry={e} />

      {open === 'decision' && <DecisionModal opened onClose={() => setOpen(null)} ids={[e.id]} today={today} />}
      {open === 'correct' && <CorrectDecisionModal opened onClose={() => setOpen(null)} entry={e} today={today} />}
      {open === 'revoke' && <RevokeModal opened onClose={() => setOpen(null)} entry={e} today={today} />}
      {open === 'withdraw' && <WithdrawModal opened onClose={() => setOpen(null)} entry={e} />}
      {open === 'edit' && <EditModal opened onClose={() => setOpen(null)} entry={e} />}
    </Stack>
  );
}

function History({ entry }: { entry: RegistryEntryDetail }) {
  const { t } = useT();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t('registry:entry.history')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('registry:entry.historyHint')}
      </Text>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry:list.colYear')}</Table.Th>
            <Table.Th>{t('registry:entry.evaluation')}</Table.Th>
            <Table.Th>{t('registry:list.colStar')}</Table.Th>
            <Table.Th>{t('registry:list.colDecision')}</Table.Th>
            <Table.Th>{t('registry:entry.validity')}</Table.Th>
            <Table.Th>{t('registry:list.colStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.history.map((h) => (
            <Table.Tr key={h.id} aria-current={h.id === entry.id ? 'true' : undefined} fw={h.id === entry.id ? 700 : undefined}>
              <Table.Td>{h.year}</Table.Td>
              <Table.Td>
                {h.id === entry.id ? (
                  `${t(`registry:kinds.${h.kind}`)} (${t('registry:entry.current')})`
                ) : (
                  <Anchor component={Link} to={`/registry/${h.id}`}>
                    {t(`registry:kinds.${h.kind}`)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{h.star ? `${h.star}★` : '–'}</Table.Td>
              <Table.Td>{h.decisionNo ? `${h.decisionNo} · ${formatDateVi(h.decisionDate!)}` : '—'}</Table.Td>
              <Table.Td>{h.validFrom && h.validTo ? `${formatDateVi(h.validFrom)} – ${formatDateVi(h.validTo)}` : '—'}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[h.status]} variant="light" styles={WRAPPING_BADGE}>
                  {t(`registry:status.${h.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
