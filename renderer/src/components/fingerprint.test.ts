import { describe, expect, it } from 'vitest';
import { groupFingerprint } from './fingerprint';

describe('groupFingerprint', () => {
  it('puts a SHA-256 fingerprint on four lines of eight pairs', () => {
    const f = Array.from({ length: 32 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0')).join(':');
    const lines = groupFingerprint(f).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('00:01:02:03:04:05:06:07');
    expect(lines[3]).toBe('18:19:1A:1B:1C:1D:1E:1F');
  });
});
