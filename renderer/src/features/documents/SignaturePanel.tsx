import { Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPaperclip, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentSignatureState, SessionSignatures } from '../../../../shared/api/channels/signatures';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64, fileToBase64 } from '../../components/file-io';
import { useT } from '../../i18n/useT';
import { SignDialog } from './SignDialog';

const STATE_KEY: Record<DocumentSignatureState, 'unsigned' | 'secretarySigned' | 'complete' | 'scanned'> = {
  unsigned: 'unsigned',
  'secretary-signed': 'secretarySigned',
  complete: 'complete',
  scanned: 'scanned',
};
const STATE_COLOR: Record<DocumentSignatureState, string> = {
  unsigned: 'gray',
  'secretary-signed': 'yellow',
  complete: 'green',
  scanned: 'blue',
};

/** The minutes' digital signatures on the Văn bản screen: state, who signed when, "Ký" for the next signer, download, scan. */
export function SignaturePanel({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const state = useApiQuery('signatures:sessionState', { sessionId });
  const attach = useApiMutation('signatures:attachScan');
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const s: SessionSignatures | undefined = state.data;
  if (state.isError) return <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  if (!s) return null;
  const m = s.minutes;
  const download = async () => {
    setError(null);
    try {
      const f = await call('signatures:sessionFile', { sessionId, kind: 'minutes' });
      downloadBase64(f.fileName, 'application/pdf', f.pdfBase64);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signatures-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="signatures-title">
            {t('signatures:panel.title')}
          </Title>
          <Badge size="lg" color={STATE_COLOR[m.state]} variant="light" data-testid="signature-state">
            {t(`signatures:state.${STATE_KEY[m.state]}`)}
          </Badge>
        </Group>
        <Text>{s.finalized ? t('signatures:panel.intro') : t('signatures:panel.notFinalized')}</Text>
        {m.steps.length > 0 && (
          <Stack gap={4} component="ul" style={{ margin: 0, paddingLeft: 20 }}>
            {m.steps.map((st) => (
              <Text component="li" key={st.sha256}>
                {t('signatures:panel.step', {
                  role: t(`signatures:roles.${st.role}`),
                  name: st.signerName,
                  at: st.signedAt.replace('T', ' '),
                })}
              </Text>
            ))}
          </Stack>
        )}
        {m.next && s.finalized && (
          <Text fw={600}>{t('signatures:panel.next', { role: t(`signatures:roles.${m.next.role}`), name: m.next.name })}</Text>
        )}
        <Group gap="sm">
          {m.next && s.finalized && (
            <Button size="md" leftSection={<IconSignature />} onClick={() => setSigning(true)}>
              {t('signatures:panel.signAs', { role: t(`signatures:roles.${m.next.role}`) })}
            </Button>
          )}
          {m.latestSha256 && (
            <Button size="md" variant="light" leftSection={<IconDownload />} onClick={() => void download()}>
              {t('signatures:panel.download')}
            </Button>
          )}
          {s.finalized && (m.state === 'unsigned' || m.state === 'secretary-signed') && (
            <FileButton
              accept="application/pdf"
              onChange={(file) => {
                if (!file) return;
                void fileToBase64(file).then((pdfBase64) => attach.mutate({ sessionId, kind: 'minutes', pdfBase64 }));
              }}
            >
              {(props) => (
                <Button {...props} size="md" variant="default" leftSection={<IconPaperclip />} loading={attach.isPending}>
                  {t('signatures:panel.attachScan')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {attach.isError && <ErrorAlert error={attach.error} />}
        {error !== null && <ErrorAlert error={error} />}
        {signing && m.next && (
          <SignDialog sessionId={sessionId} role={m.next.role} name={m.next.name} onClose={() => setSigning(false)} />
        )}
      </Stack>
    </Paper>
  );
}
