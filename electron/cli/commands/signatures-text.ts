import type { SignatureReport, SignaturesReport } from '../../../shared/api/channels/signatures';
import { signaturesVerdict } from '../../../shared/ocop/signature-verdict';

const CHANGES: Record<SignatureReport['laterChanges'][number], string> = {
  signature: 'later signatures',
  'page-content': 'PAGE CONTENT CHANGED',
  annotation: 'annotations added or changed',
  'form-field': 'form fields changed',
  metadata: 'document properties changed',
  other: 'other changes',
};

const CHAIN: Record<SignatureReport['certificate']['chain'], string> = {
  trusted: 'chains to a certificate in the app’s trust store',
  'untrusted-root': 'NOT TRUSTED: its root is not in the app’s trust store (import it with "trust import")',
  incomplete: 'NOT TRUSTED: the issuing CA certificate is missing (import it with "trust import")',
  invalid: 'INVALID certificate path',
};

/** Whether a report must make `verify` fail: a broken signature or content changed after signing. */
export const signaturesBroken = (r: SignaturesReport): boolean => signaturesVerdict(r) === 'broken';

/** The signatures part of `verify`'s text output. */
export function signaturesText(r: SignaturesReport): string {
  if (r.signatures.length === 0) return 'Signatures: none (the file is not digitally signed)';
  const lines = [
    `Signatures: ${r.signatures.length}${r.trustStoreSize === 0 ? ' (the trust store is empty: no signature can be trusted yet)' : ''}`,
  ];
  for (const s of r.signatures) {
    const who = s.signer
      ? `${s.signer.commonName}${s.signer.organization ? `, ${s.signer.organization}` : ''}`
      : '(unknown signer)';
    lines.push(`  #${s.index} ${s.fieldName}: ${who}`);
    if (s.signer) lines.push(`     issuer ${s.signer.issuer}; serial ${s.signer.serialHex}`);
    lines.push(`     signed at ${s.signingTime ?? '(no time given)'} (claimed by the signer; no timestamp)`);
    lines.push(s.intact ? '     bytes intact, signature valid' : `     SIGNATURE BROKEN: ${s.problems.join(', ')}`);
    lines.push(
      s.coversWholeDocument
        ? '     covers the whole document'
        : `     covers the document as it was when signed; appended after it: ${s.laterChanges.map((k) => CHANGES[k]).join(', ')}`,
    );
    const cp = s.certificate.problemsAtSigningTime;
    lines.push(
      cp.length ? `     CERTIFICATE NOT VALID AT SIGNING TIME: ${cp.join(', ')}` : '     certificate valid at signing time',
    );
    lines.push(`     ${CHAIN[s.certificate.chain]}${s.certificate.chain === 'trusted' ? ` (${s.certificate.trustAnchor})` : ''}`);
    const rev = s.revocation;
    lines.push(
      rev.status === 'not-checked'
        ? '     revocation NOT CHECKED (offline; give the CA’s CRL with --crl to check it)'
        : rev.status === 'good'
          ? `     not revoked (CRL of ${rev.crlThisUpdate})`
          : rev.status === 'revoked'
            ? `     REVOKED on ${rev.revokedAt}${rev.beforeSigning ? ' (before signing)' : ' (after signing)'}`
            : `     revocation not checked: ${rev.detail}`,
    );
  }
  return lines.join('\n');
}
