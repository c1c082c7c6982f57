import { describe, expect, it } from 'vitest';
import type { SignatureReport } from '../api/channels/signatures';
import { signatureBroken, signaturesVerdict } from './signature-verdict';

const sig = (over: Partial<Pick<SignatureReport, 'intact' | 'laterChanges'>> = {}) => ({
  intact: true,
  laterChanges: [] as SignatureReport['laterChanges'],
  ...over,
});

describe('signaturesVerdict', () => {
  it('a file without signatures says so, whatever allValid claims', () => {
    expect(signaturesVerdict({ signatures: [], allValid: true })).toBe('none');
  });
  it('valid only when the report says every signature is valid and none is broken', () => {
    expect(signaturesVerdict({ signatures: [sig({ laterChanges: ['signature'] }), sig()] as never, allValid: true })).toBe(
      'valid',
    );
    expect(signaturesVerdict({ signatures: [sig()] as never, allValid: false })).toBe('untrusted');
  });
  it('broken when a covered byte changed, or page content / anything but a signature was appended', () => {
    expect(signaturesVerdict({ signatures: [sig({ intact: false })] as never, allValid: true })).toBe('broken');
    for (const k of ['page-content', 'annotation', 'form-field', 'metadata', 'other'] as const) {
      expect(signatureBroken(sig({ laterChanges: ['signature', k] }))).toBe(true);
      expect(signaturesVerdict({ signatures: [sig({ laterChanges: [k] }), sig()] as never, allValid: false })).toBe('broken');
    }
    expect(signatureBroken(sig({ laterChanges: ['signature'] }))).toBe(false);
  });
});
