import { Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import {
  IssueKind,
  type RegisterEntry,
  type RegisterFileOutput,
  type RegisterQuery,
} from '../../../../shared/api/channels/document-register';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBytes } from '../../components/file-io';
import { SimpleTable } from '../../components/SimpleTable';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { vnDateTime } from '../../../../shared/ocop/vn-time';
import type { PrintedPdf } from './pdf-blob';
import { PrintedPreview } from './PrintedPreview';

const PAGE = 50;

/** An issued file, read in chunks (a session's batch of sheets can be 100+ MB). */
async function openIssued(e: RegisterEntry): Promise<PrintedPdf> {
  const parts: Uint8Array[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const c: RegisterFileOutput = await call('documents:registerFile', { id: e.id, offset });
    parts.push(base64ToBytes(c.chunkBase64));
    offset = c.nextOffset;
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, fileName: e.fileName, pages: e.pages };
}

/** "Sổ văn bản": every document issued from a finalized session, newest first, with filters; each file opens. */
export function RegisterPage() {
  const { t } = useT();
  const sessions = useApiQuery('sessions:list', {});
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<'all' | 'current' | 'superseded'>('all');
  const [q, setQ] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [opened, setOpened] = useState<PrintedPdf | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const query: RegisterQuery = {
    ...(sessionId ? { sessionId: Number(sessionId) } : {}),
    ...(kind ? { kind: kind as IssueKind } : {}),
    ...(status !== 'all' ? { current: status === 'current' } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit,
  };
  const list = useApiQuery('documents:register', query);
  const filtered = Boolean(sessionId || kind || status !== 'all' || q.trim() || from || to);
  const open = (e: RegisterEntry) => {
    setOpening(e.id);
    setOpenError(null);
    openIssued(e)
      .then(setOpened, setOpenError)
      .finally(() => setOpening(null));
  };
  return (
    <Stack gap="lg">
      <Title order={2}>{t('documents:register.title')}</Title>
      <Text>{t('documents:register.intro')}</Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('documents:register.session')}
          placeholder={t('documents:register.allSessions')}
          data={(sessions.data ?? []).map((s) => ({
            value: String(s.id),
            label: `${dateText(s.date)} — ${s.title || s.number}`,
          }))}
          value={sessionId}
          onChange={setSessionId}
          clearable
          searchable
          size="md"
          w={340}
        />
        <Select
          label={t('documents:register.kind')}
          placeholder={t('documents:register.allKinds')}
          data={IssueKind.options.map((k) => ({ value: k, label: t(`documents:register.kinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          size="md"
          w={220}
        />
        <TextInput
          label={t('documents:register.search')}
          leftSection={<IconSearch size={18} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          size="md"
          w={280}
        />
      </Group>
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text fw={500}>{t('documents:register.status')}</Text>
          <SegmentedControl
            aria-label={t('documents:register.status')}
            size="md"
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: 'all', label: t('documents:register.statusAll') },
              { value: 'current', label: t('documents:register.statusCurrent') },
              { value: 'superseded', label: t('documents:register.statusSuperseded') },
            ]}
          />
        </Stack>
        <DateField
          label={t('documents:register.from')}
          value={from}
          onChange={(v) => setFrom(v || null)}
          clearable
          size="md"
          w={200}
        />
        <DateField label={t('documents:register.to')} value={to} onChange={(v) => setTo(v || null)} clearable size="md" w={200} />
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && (
        <Text c="gray.8" fz="lg">
          {t(filtered ? 'documents:register.noMatch' : 'documents:register.empty')}
        </Text>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <Text fw={600} role="status">
            {t('documents:register.count', { total: list.data.total })}
          </Text>
          <SimpleTable
            fz="md"
            data-testid="register-table"
            headers={[
              t('documents:register.colNo'),
              t('documents:register.colIssued'),
              t('documents:register.colKind'),
              t('documents:register.colNumber'),
              t('documents:register.colTitle'),
              t('documents:register.colSession'),
              t('documents:register.colStatus'),
              t('documents:register.colFile'),
            ]}
          >
            {list.data.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>
                  <Text fz="md">{vnDateTime(e.issuedAt)}</Text>
                  <Text fz="sm" c="gray.8">
                    {t('documents:register.by', { by: e.issuedBy })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(`documents:register.kinds.${e.kind}`)}
                  {e.variant === 'signed' && (
                    <Text fz="sm" fw={600} c="blue.9">
                      {t('documents:register.signed')}
                    </Text>
                  )}
                  {e.correctionOf !== null && (
                    <Text fz="sm" fw={600} c="orange.9">
                      {t('documents:register.correctionOf', { id: e.correctionOf })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.number ?? '—'}
                  {e.date ? ` · ${dateText(e.date)}` : ''}
                </Table.Td>
                <Table.Td maw={360}>{e.title}</Table.Td>
                <Table.Td>{t('documents:register.sessionVersion', { session: e.sessionId, version: e.version })}</Table.Td>
                <Table.Td>
                  <Text fz="md" fw={700} c={e.current ? '#1a5c2a' : 'gray.8'} style={{ whiteSpace: 'nowrap' }}>
                    {t(e.current ? 'documents:register.current' : 'documents:register.superseded')}
                  </Text>
                  {e.replacedBy !== null && (
                    <Text fz="sm" c="gray.8">
                      {t('documents:register.replacedBy', { id: e.replacedBy })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="sm"
                    fz="md"
                    variant="default"
                    leftSection={<IconExternalLink size={18} />}
                    loading={opening === e.id}
                    aria-label={t('documents:register.openLabel', { name: e.fileName })}
                    onClick={() => open(e)}
                  >
                    {t('documents:register.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </SimpleTable>
          {list.data.entries.length < list.data.total && (
            <Button variant="default" size="md" w="fit-content" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
              {t('documents:register.more')}
            </Button>
          )}
        </>
      )}
      {openError !== null && <ErrorAlert error={openError} />}
      {opened && <PrintedPreview printed={opened} />}
    </Stack>
  );
}
