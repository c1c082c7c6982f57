import { Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPaperclip, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import type { RegisterFileOutput } from '../../../../shared/api/channels/document-register';
import type { DocumentSignatures, DocumentSignatureState } from '../../../../shared/api/channels/signatures';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBlob, base64ToBytes, fileToBase64 } from '../../components/file-io';
import { useT } from '../../i18n/useT';
import { SignDialog } from './SignDialog';

const STATE_COLOR: Record<DocumentSignatureState, string> = {
  unsigned: 'gray',
  partial: 'yellow',
  complete: 'green',
  scanned: 'blue',
};

/** "Chưa ký", "Thư ký đã ký" (the last signer so far), "Đủ chữ ký", "Bản giấy đã ký (bản quét)". */
export function useSignatureStateText() {
  const { t } = useT();
  return (d: Pick<DocumentSignatures, 'state' | 'steps'>): string => {
    if (d.state !== 'partial') return t(`signatures:state.${d.state}`);
    const last = d.steps.at(-1);
    return last && last.role !== 'scan'
      ? t('signatures:state.partial', { role: t(`signatures:roles.${last.role}`) })
      : t('signatures:state.unsigned');
  };
}

/** The latest file of a document (its last signed copy, else the original), read from the register in chunks. */
async function downloadLatest(d: DocumentSignatures): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const c: RegisterFileOutput = await call('documents:registerFile', { id: d.latest.issueId, offset });
    parts.push(base64ToBytes(c.chunkBase64));
    offset = c.nextOffset;
  }
  downloadBlob(d.latest.fileName, new Blob(parts), 'application/pdf');
}

/**
 * The digital signatures of the documents issued from the session (Văn bản screen): per document
 * its state, who signed when, "Ký (…)" for the next signer, the latest file, a hand-signed scan.
 * Who signs which document in which order is the core's (shared/ocop/signing-flow.ts).
 */
export function SignaturePanel({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const stateText = useSignatureStateText();
  const q = useApiQuery('signatures:documents', { sessionId });
  const attach = useApiMutation('signatures:attachScan');
  const [signing, setSigning] = useState<DocumentSignatures | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  const docs = q.data.documents.filter((d) => d.flow !== null);
  const download = async (d: DocumentSignatures) => {
    setError(null);
    try {
      await downloadLatest(d);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signatures-title">
      <Stack gap="sm">
        <Title order={3} id="signatures-title">
          {t('signatures:panel.title')}
        </Title>
        <Text>{q.data.finalized ? t('signatures:panel.intro') : t('signatures:panel.notFinalized')}</Text>
        {q.data.finalized && docs.length === 0 && <Text fw={600}>{t('signatures:panel.noDocuments')}</Text>}
        {docs.length > 0 && (
          <Table striped verticalSpacing="sm" fz="md" data-testid="signature-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('signatures:panel.document')}</Table.Th>
                <Table.Th w={190}>{t('signatures:panel.stateColumn')}</Table.Th>
                <Table.Th>{t('signatures:panel.signedColumn')}</Table.Th>
                <Table.Th>{t('signatures:panel.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {docs.map((d) => (
                <Table.Tr key={d.issueId} data-testid={`signature-row-${d.kind}`}>
                  <Table.Td>
                    <Text fw={600}>{d.title}</Text>
                    {d.number && <Text c="gray.8">{d.number}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="lg"
                      color={STATE_COLOR[d.state]}
                      variant="light"
                      c="dark.8"
                      tt="none"
                      styles={{ label: { overflow: 'visible' } }}
                      data-testid="signature-state"
                    >
                      {stateText(d)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {d.steps.length > 0 && (
                      <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
                        {d.steps.map((st) => (
                          <Text component="li" key={st.issueId}>
                            {t('signatures:panel.step', {
                              role: t(`signatures:roles.${st.role}`),
                              name: st.signerName,
                              at: st.signedAt.replace('T', ' ').slice(0, 19),
                            })}
                          </Text>
                        ))}
                      </Stack>
                    )}
                    {d.next && (
                      <Text fw={600}>
                        {t('signatures:panel.next', { role: t(`signatures:roles.${d.next.role}`), name: d.next.name })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" role="group" aria-label={t('signatures:panel.actionsOf', { title: d.title })}>
                      {d.next && (
                        <Button size="md" leftSection={<IconSignature />} onClick={() => setSigning(d)}>
                          {t('signatures:panel.signAs', { role: t(`signatures:roles.${d.next.role}`) })}
                        </Button>
                      )}
                      <Button size="md" variant="light" leftSection={<IconDownload />} onClick={() => void download(d)}>
                        {d.steps.length > 0 ? t('signatures:panel.download') : t('signatures:panel.downloadOriginal')}
                      </Button>
                      {d.scanAllowed && (
                        <FileButton
                          accept="application/pdf"
                          onChange={(file) => {
                            if (!file) return;
                            void fileToBase64(file).then((pdfBase64) => attach.mutate({ issueId: d.issueId, pdfBase64 }));
                          }}
                        >
                          {(props) => (
                            <Button
                              {...props}
                              size="md"
                              variant="default"
                              leftSection={<IconPaperclip />}
                              loading={attach.isPending}
                              title={t('signatures:panel.attachScanHint')}
                            >
                              {t('signatures:panel.attachScan')}
                            </Button>
                          )}
                        </FileButton>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {attach.isError && <ErrorAlert error={attach.error} />}
        {error !== null && <ErrorAlert error={error} />}
        {signing?.next && (
          <SignDialog
            issueId={signing.issueId}
            document={signing.title}
            role={signing.next.role}
            name={signing.next.name}
            onClose={() => setSigning(null)}
          />
        )}
      </Stack>
    </Paper>
  );
}
