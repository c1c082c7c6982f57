import { Alert, FileInput, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import type { VerifyReport } from '../../../../shared/api/channels/document-register';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../components/file-io';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { vnDateTime } from '../../../../shared/ocop/vn-time';
import type { SignaturesReport } from '../../../../shared/api/channels/signatures';
import { SignaturesView } from './SignaturesView';

/**
 * "Kiểm tra văn bản": choose a PDF, or a photo or scan of a printed page, and read what can be
 * said about it — issued (in the register), matching the data page by page, which words differ,
 * superseded, or not one of the council's documents — and what "verified" does not mean; for a
 * PDF, its digital signatures beside that verdict (SignaturesView).
 */
export function VerifyPage() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signatures, setSignatures] = useState<SignaturesReport | null>(null);
  const [signaturesError, setSignaturesError] = useState<unknown>(null);
  const check = (f: File | null) => {
    setFile(f);
    setReport(null);
    setError(null);
    setSignatures(null);
    setSignaturesError(null);
    if (!f) return;
    setBusy(true);
    void fileToBase64(f)
      .then((fileBase64) =>
        Promise.all([
          call('documents:verify', { fileBase64 }).then(setReport, setError),
          // A PDF's digital signatures are read beside the content check (a photo has none).
          isPdf(f) ? call('signatures:verify', { pdfBase64: fileBase64 }).then(setSignatures, setSignaturesError) : null,
        ]),
      )
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="lg">
      <Title order={2}>{t('documents:verify.title')}</Title>
      <Text>{t('documents:verify.intro')}</Text>
      <FileInput
        label={`${t('documents:verify.choose')} (${t('documents:verify.chooseHelp')})`}
        clearButtonProps={{ 'aria-label': t('documents:verify.clear') }}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        value={file}
        onChange={check}
        clearable
        size="md"
        w={520}
        data-testid="verify-file"
      />
      {busy && <Text role="status">{t('documents:verify.checking')}</Text>}
      {error !== null && <ErrorAlert error={error} />}
      {report && <ReportView report={report} />}
      {report && report.source === 'pdf' && signatures && <SignaturesView report={signatures} contentOk={report.ok} />}
      {signaturesError !== null && <ErrorAlert error={signaturesError} />}
      <Alert color="blue" variant="light" styles={{ message: { fontSize: 16 } }}>
        {t('documents:verify.meaning')}
      </Alert>
    </Stack>
  );
}

const isPdf = (f: File) => f.type === 'application/pdf' || /\.pdf$/iu.test(f.name);

function ReportView({ report: r }: { report: VerifyReport }) {
  const { t } = useT();
  const session = r.anchor?.sessionId ?? r.issued?.sessionId ?? r.session?.id ?? '—';
  const version = r.finalization?.version ?? r.anchor?.version ?? r.issued?.version ?? '—';
  let text: string;
  switch (r.outcome) {
    case 'issued':
      text = t('documents:verify.outcomes.issued', {
        title: r.issued!.title,
        number: r.issued!.number ? ` (${r.issued!.number}${r.issued!.date ? `, ${dateText(r.issued!.date)}` : ''})` : '',
        at: vnDateTime(r.issued!.issuedAt),
        by: r.issued!.issuedBy,
        session,
        version,
      });
      break;
    case 'matches':
      text = t('documents:verify.outcomes.matches', { pages: r.comparedPages, session, version });
      break;
    case 'current-code':
      text = t('documents:verify.outcomes.current-code', { session, version });
      break;
    case 'differs':
      text = t('documents:verify.outcomes.differs', { session, version, count: r.differences.length });
      break;
    case 'superseded':
      text = t('documents:verify.outcomes.superseded', {
        session,
        version,
        at: vnDateTime(r.finalization?.reopenedAt),
        reason: r.finalization?.reopenReason ?? '—',
        current:
          r.finalization?.currentVersion != null
            ? t('documents:verify.currentVersion', { version: r.finalization.currentVersion })
            : t('documents:verify.notFinalizedNow'),
      });
      break;
    case 'code-mismatch':
      text = t('documents:verify.outcomes.code-mismatch');
      break;
    case 'no-anchor':
      text = t(r.source === 'pdf' ? 'documents:verify.outcomes.no-anchor' : 'documents:verify.outcomes.no-anchor-image');
      break;
  }
  return (
    <Paper withBorder p="lg" radius="md" data-testid="verify-report" data-outcome={r.outcome}>
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon color={r.ok ? 'green' : 'red'} size="xl" radius="xl" variant="light" aria-hidden>
            {r.ok ? <IconCircleCheck /> : <IconCircleX />}
          </ThemeIcon>
          <Title order={3} c={r.ok ? 'green.9' : 'red.9'}>
            {t(r.ok ? 'documents:verify.verified' : 'documents:verify.notVerified')}
          </Title>
        </Group>
        <Text fz="lg">{text}</Text>
        {r.differences.map((d, i) => (
          <Paper key={i} withBorder p="md" bg="gray.0">
            <Stack gap={6}>
              <Text fw={700}>{d.page ? t('documents:verify.page', { page: d.page }) : t('documents:verify.pageMissing')}</Text>
              <Text fw={600}>{t('documents:verify.expected')}</Text>
              {(d.expected.length ? d.expected : [t('documents:verify.nothing')]).map((l, k) => (
                <Text key={`e${k}`} ff="monospace" fz="md" c="#1a5c2a">
                  {l}
                </Text>
              ))}
              <Text fw={600}>{t('documents:verify.found')}</Text>
              {(d.found.length ? d.found : [t('documents:verify.nothing')]).map((l, k) => (
                <Text key={`f${k}`} ff="monospace" fz="md" c="#9b1c1c">
                  {l}
                </Text>
              ))}
            </Stack>
          </Paper>
        ))}
        <Text fz="sm" c="gray.8" style={{ wordBreak: 'break-all' }}>
          {t('documents:verify.sha', { sha: r.sha256 })}
        </Text>
      </Stack>
    </Paper>
  );
}
