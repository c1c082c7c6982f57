/** Signing failures as the contract's stable errors: the code says what, `details` the specifics (never a PIN or password). */
import { CoreError } from '../errors';
import { describeProblems } from './certificate-check';
import { Pkcs12Error } from './keys/pkcs12';
import { TokenError } from './keys/pkcs11-token';
import { PdfStructureError } from './pdf/incremental';
import { CertificateRefused } from './sign-document';

export function toCoreError(e: unknown): unknown {
  if (e instanceof CoreError) return e;
  if (e instanceof Pkcs12Error) {
    if (e.problem === 'wrong-password' || e.problem === 'not-pkcs12')
      return new CoreError('KEY_PASSWORD', `${e.message}; check the password, or choose the .p12/.pfx file the CA gave you`, {
        problem: e.problem,
      });
    return new CoreError('VALIDATION', `p12Base64: ${e.message}`, { problem: e.problem });
  }
  if (e instanceof TokenError) {
    const details = { problem: e.problem, ...e.extra };
    switch (e.problem) {
      case 'pin-incorrect':
      case 'pin-length':
        return new CoreError('TOKEN_PIN', e.message, details);
      case 'pin-locked':
        return new CoreError('TOKEN_LOCKED', e.message, details);
      default:
        return new CoreError('TOKEN', e.message, details);
    }
  }
  if (e instanceof CertificateRefused) return new CoreError('CERTIFICATE_REFUSED', e.message, { problems: e.problems });
  if (e instanceof PdfStructureError) return new CoreError('VALIDATION', `pdfBase64: ${e.message}`);
  return e;
}

export { describeProblems };
