import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, EXTERNAL_HOSTS, MAX_EXTERNAL_URL_LENGTH, openExternalIfAllowed } from './external-links';

describe('checkExternalUrl', () => {
  it.each([
    'https://vanban.chinhphu.vn/?pageid=27160&docid=200000',
    'https://thuvienphapluat.vn/van-ban/Thuong-mai/Quyet-dinh-26-2026.aspx',
    'https://ocopvietnam.gov.vn/',
    'HTTPS://VANBAN.CHINHPHU.VN/abc', // scheme and host are case-insensitive
  ])('allows %s', (url) => {
    const d = checkExternalUrl(url);
    expect(d.allowed).toBe(true);
  });

  it('returns the normalised URL to open, not the raw text', () => {
    expect(checkExternalUrl('HTTPS://VANBAN.CHINHPHU.VN/a b')).toEqual({
      allowed: true,
      url: 'https://vanban.chinhphu.vn/a%20b',
    });
  });

  it.each([
    ['http://vanban.chinhphu.vn/', 'protocol http: is not https:'],
    ['file:///C:/Windows/System32/calc.exe', 'protocol file: is not https:'],
    ['smb://server/share', 'protocol smb: is not https:'],
    ['javascript:alert(1)', 'protocol javascript: is not https:'],
    ['ms-msdt:/id PCWDiagnostic', 'protocol ms-msdt: is not https:'],
    ['https://example.com/', 'host example.com is not on the allowlist'],
    ['https://evil.vanban.chinhphu.vn/', 'host evil.vanban.chinhphu.vn is not on the allowlist'],
    ['https://vanban.chinhphu.vn.evil.com/', 'host vanban.chinhphu.vn.evil.com is not on the allowlist'],
    ['https://vanban.chinhphu.vn@evil.com/', 'URLs with a user name or password are refused'],
    ['https://user:pw@vanban.chinhphu.vn/', 'URLs with a user name or password are refused'],
    ['https://vanban.chinhphu.vn:8443/', 'port 8443 is not the default https port'],
    ['https://vanban.chinhphu.vn./', 'host vanban.chinhphu.vn. is not on the allowlist'],
    ['https://xn--vanban-chnhph-1jc.vn/', 'host xn--vanban-chnhph-1jc.vn is not on the allowlist'],
    ['vanban.chinhphu.vn', 'not a valid absolute URL'],
    ['', 'not a URL string'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(checkExternalUrl(url)).toEqual({ allowed: false, reason });
  });

  it('refuses non-strings and over-long addresses', () => {
    expect(checkExternalUrl(undefined)).toEqual({ allowed: false, reason: 'not a URL string' });
    expect(checkExternalUrl({ href: 'https://ocopvietnam.gov.vn/' })).toEqual({ allowed: false, reason: 'not a URL string' });
    const long = `https://ocopvietnam.gov.vn/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(checkExternalUrl(long).allowed).toBe(false);
    const justFits = `https://ocopvietnam.gov.vn/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH - 'https://ocopvietnam.gov.vn/'.length)}`;
    expect(justFits.length).toBe(MAX_EXTERNAL_URL_LENGTH);
    expect(checkExternalUrl(justFits).allowed).toBe(true);
  });

  it('lists only the official portals, each as an exact lower-case host', () => {
    expect([...EXTERNAL_HOSTS].sort()).toEqual(['ocopvietnam.gov.vn', 'thuvienphapluat.vn', 'vanban.chinhphu.vn']);
  });
});

describe('openExternalIfAllowed', () => {
  it('opens an allowed link with the normalised URL', async () => {
    const open = vi.fn(async () => {});
    expect(await openExternalIfAllowed('https://OCOPVIETNAM.gov.vn/tin-tuc', open, () => {})).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://ocopvietnam.gov.vn/tin-tuc');
  });

  it('never calls the opener for a refused link, and logs why', async () => {
    const open = vi.fn(async () => {});
    const log = vi.fn();
    expect(await openExternalIfAllowed('https://example.com/', open, log)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('host example.com is not on the allowlist'));
  });

  it('reports a failing opener as not opened instead of throwing', async () => {
    const log = vi.fn();
    const ok = await openExternalIfAllowed(
      'https://ocopvietnam.gov.vn/',
      async () => Promise.reject(new Error('no browser')),
      log,
    );
    expect(ok).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no browser'));
  });
});
