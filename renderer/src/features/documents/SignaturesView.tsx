import { Alert, Group, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconSignature } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ChangeKind, SignatureReport, SignaturesReport } from '../../../../shared/api/channels/signatures';
import { signatureBroken, signaturesVerdict, type SignaturesVerdict } from '../../../../shared/ocop/signature-verdict';
import { useT } from '../../i18n/useT';

/** What was appended after a signature, the most serious first (a later signature is the normal case). */
const CHANGE_ORDER: readonly ChangeKind[] = ['page-content', 'form-field', 'annotation', 'metadata', 'other', 'signature'];

const VERDICT_COLOR: Record<SignaturesVerdict, string> = {
  none: 'gray',
  valid: 'green',
  untrusted: 'orange',
  broken: 'red',
};

/**
 * "Chữ ký số trong tệp" on the Kiểm tra văn bản screen (issue 15): the conclusion — the content
 * check's verdict beside the signatures' — then every signature of the PDF with who signed, the
 * issuer, the serial, the claimed time (ISO 8601 +07:00, as signed), whether what it covers is intact,
 * whether it covers the whole file or what was appended after it, the certificate, trust and
 * revocation. Words, not codes: the readers are council officials.
 */
export function SignaturesView({ report, contentOk }: { report: SignaturesReport; contentOk: boolean }) {
  const { t } = useT();
  const verdict = signaturesVerdict(report);
  const count = report.signatures.length;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="signatures-report" data-verdict={verdict}>
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon color={VERDICT_COLOR[verdict]} size="xl" radius="xl" variant="light" aria-hidden>
            <IconSignature />
          </ThemeIcon>
          <Title order={3}>{t('signatures:verify.title')}</Title>
        </Group>
        <Table
          withTableBorder
          verticalSpacing="sm"
          fz="md"
          aria-label={t('signatures:verify.summary')}
          data-testid="verify-summary"
        >
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" w={240}>
                {t('signatures:verify.contentRow')}
              </Table.Th>
              <Table.Td>
                <Mark ok={contentOk}>{t(contentOk ? 'signatures:verify.content.ok' : 'signatures:verify.content.bad')}</Mark>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('signatures:verify.signaturesRow')}</Table.Th>
              <Table.Td data-testid="signatures-verdict">
                <Mark ok={verdict === 'valid' ? true : verdict === 'broken' ? false : null}>
                  {t(`signatures:verify.verdict.${verdict}`, { count })}
                </Mark>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {count > 0 && report.trustStoreSize === 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} styles={{ message: { fontSize: 16 } }}>
            {t('signatures:verify.emptyTrustStore')}
          </Alert>
        )}
        {report.signatures.map((s) => (
          <SignatureCard key={s.index} s={s} />
        ))}
      </Stack>
    </Paper>
  );
}

/** A verdict with its icon, so the meaning never rests on colour alone; null = neither good nor bad. */
function Mark({ ok, children }: { ok: boolean | null; children: ReactNode }) {
  // Dark enough for WCAG AA on the cards' grey background (Mantine's orange.9 is not).
  const color = ok === null ? '#8a3a00' : ok ? '#1a5c2a' : '#9b1c1c';
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text c={color} fw={700} fz="md" lh={1} aria-hidden mt={2}>
        {ok === null ? <IconAlertTriangle size={18} /> : ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      </Text>
      <Text c={color} fw={600} fz="md">
        {children}
      </Text>
    </Group>
  );
}

function SignatureCard({ s }: { s: SignatureReport }) {
  const { t } = useT();
  const name = s.signer
    ? `${s.signer.commonName}${s.signer.organization ? ` — ${s.signer.organization}` : ''}`
    : t('signatures:verify.unknownSigner');
  const list = (keys: readonly string[], ns: 'problems' | 'changes' | 'certificateProblems') =>
    keys.map((k) => t(`signatures:verify.${ns}.${k}` as 'signatures:verify.problems.unreadable')).join('; ');
  const certProblems = s.certificate.problemsAtSigningTime;
  const rev = s.revocation;
  const rows: [string, ReactNode, string][] = [
    [t('signatures:verify.signer'), name, 'signer'],
    [t('signatures:verify.issuer'), s.signer?.issuer ?? '—', 'issuer'],
    [
      t('signatures:verify.serial'),
      <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{s.signer?.serialHex ?? '—'}</span>,
      'serial',
    ],
    [
      t('signatures:verify.time'),
      s.signingTime ? t('signatures:verify.timeNote', { time: s.signingTime }) : t('signatures:verify.noTime'),
      'time',
    ],
    [
      t('signatures:verify.intact'),
      <Mark ok={s.intact}>
        {s.intact
          ? t('signatures:verify.intactYes')
          : t('signatures:verify.intactNo', { problems: list(s.problems, 'problems') })}
      </Mark>,
      'intact',
    ],
    [
      t('signatures:verify.coverage'),
      <Mark ok={!signatureBroken(s)}>
        {s.coversWholeDocument
          ? t('signatures:verify.whole')
          : t('signatures:verify.partial', {
              changes: list(
                [...s.laterChanges].sort((a, b) => CHANGE_ORDER.indexOf(a) - CHANGE_ORDER.indexOf(b)),
                'changes',
              ),
            })}
      </Mark>,
      'coverage',
    ],
    [
      t('signatures:verify.certificate'),
      <Mark ok={certProblems.length === 0}>
        {certProblems.length === 0
          ? t('signatures:verify.certificateOk')
          : t('signatures:verify.certificateBad', { problems: list(certProblems, 'certificateProblems') })}
      </Mark>,
      'certificate',
    ],
    [
      t('signatures:verify.trust'),
      <Mark ok={s.certificate.chain === 'trusted' ? true : s.certificate.chain === 'invalid' ? false : null}>
        {t(`signatures:verify.chain.${s.certificate.chain}`, { anchor: s.certificate.trustAnchor ?? '' })}
      </Mark>,
      'trust',
    ],
    [
      t('signatures:verify.revocation'),
      <Mark ok={rev.status === 'good' ? true : rev.status === 'revoked' ? false : null}>
        {rev.status === 'good'
          ? t('signatures:verify.revocationState.good', { at: rev.crlThisUpdate })
          : rev.status === 'revoked'
            ? t('signatures:verify.revocationState.revoked', {
                at: rev.revokedAt,
                when: t(
                  rev.beforeSigning
                    ? 'signatures:verify.revocationState.revokedBefore'
                    : 'signatures:verify.revocationState.revokedAfter',
                ),
              })
            : t(`signatures:verify.revocationState.${rev.status}`)}
      </Mark>,
      'revocation',
    ],
  ];
  const title = t('signatures:verify.signature', { index: s.index, name });
  return (
    <Paper
      withBorder
      p="md"
      bg="gray.0"
      data-testid={`signature-${s.index}`}
      data-intact={s.intact}
      data-whole={s.coversWholeDocument}
    >
      <Stack gap="xs">
        <Title order={4} fz="lg">
          {title}
        </Title>
        <Table verticalSpacing={6} fz="md" aria-label={title} layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value, key]) => (
              <Table.Tr key={key} data-row={key}>
                <Table.Th scope="row" w={240} style={{ verticalAlign: 'top' }}>
                  {label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
