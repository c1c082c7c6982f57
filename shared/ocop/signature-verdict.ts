import type { SignatureReport, SignaturesReport } from '../api/channels/signatures';

/**
 * What a reader must be told first about a PDF's digital signatures (the CLI's exit code and the
 * verify screen's headline agree through this):
 * - 'none': the file carries no signature;
 * - 'broken': a signature does not verify, or the page content / something other than a later
 *   signature was appended after someone signed — the signed text can no longer be relied on;
 * - 'valid': every signature intact, certificate valid at signing time, chained to the trust store,
 *   not revoked, the last covering the whole file;
 * - 'untrusted': intact, but who signed is not established (root not imported, certificate
 *   expired at signing, revoked, later non-content changes, …): read each signature's lines.
 */
export type SignaturesVerdict = 'none' | 'broken' | 'valid' | 'untrusted';

/** A signature whose covered bytes changed, or after which anything but another signature was appended. */
export const signatureBroken = (s: Pick<SignatureReport, 'intact' | 'laterChanges'>): boolean =>
  !s.intact || s.laterChanges.some((k) => k !== 'signature');

export function signaturesVerdict(r: Pick<SignaturesReport, 'signatures' | 'allValid'>): SignaturesVerdict {
  if (r.signatures.length === 0) return 'none';
  if (r.signatures.some(signatureBroken)) return 'broken';
  return r.allValid ? 'valid' : 'untrusted';
}
