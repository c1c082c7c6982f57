import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, APP_ORIGIN, appUrl, isAppUrl, parseAppSchemeUrl, resolveAppLocation } from './app-url';

const rendererDir = path.resolve('/opt/OCOP Council/resources/app.asar/out/renderer');
const built = resolveAppLocation({ isPackaged: true, rendererDir });

describe('resolveAppLocation', () => {
  it('serves the built renderer as app://ocop when packaged, even if a dev URL is set', () => {
    expect(resolveAppLocation({ isPackaged: true, devUrl: 'http://localhost:5173/', rendererDir })).toEqual({
      kind: 'app',
      rendererDir,
    });
    expect(appUrl(built)).toBe('app://ocop/index.html');
    expect(APP_ENTRY.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('uses the dev server when not packaged and it is on this computer', () => {
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir })).toEqual({
      kind: 'dev',
      origin: 'http://localhost:5173',
      url: 'http://localhost:5173/',
    });
  });

  it('ignores a dev URL pointing at another computer, or that is not a URL', () => {
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'http://192.168.1.20:5173/', rendererDir }).kind).toBe('app');
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'file:///tmp/x.html', rendererDir }).kind).toBe('app');
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'not a url', rendererDir }).kind).toBe('app');
  });
});

describe('isAppUrl (build)', () => {
  it('accepts the app page with any hash route or query', () => {
    expect(isAppUrl(APP_ENTRY, built)).toBe(true);
    expect(isAppUrl(`${APP_ENTRY}#/dossiers/12`, built)).toBe(true);
    expect(isAppUrl(`${APP_ENTRY}?lang=vi#/`, built)).toBe(true);
    expect(isAppUrl('app://ocop/', built)).toBe(true);
    expect(isAppUrl('app://ocop/assets/../index.html', built)).toBe(true);
  });

  it.each([
    ['another file of the app (a script is not a page)', 'app://ocop/assets/index.js'],
    ['another host of the scheme', 'app://evil/index.html'],
    ['the host with a different case (Node keeps it as written)', 'app://OCOP/index.html'],
    ['credentials', 'app://x@ocop/index.html'],
    ['the old file: page', `file://${rendererDir}/index.html`],
    ['a web page', 'https://example.com/index.html'],
    ['the HTTP bridge (not the desktop app)', 'http://127.0.0.1:4000/'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a blob URL of the app', 'blob:app://ocop/1234'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url, built)).toBe(false);
  });

  it('refuses non-strings (a destroyed frame has no URL)', () => {
    expect(isAppUrl(undefined, built)).toBe(false);
    expect(isAppUrl(null, built)).toBe(false);
    expect(parseAppSchemeUrl(42)).toBeNull();
  });
});

describe('isAppUrl (dev server)', () => {
  const dev = resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });
  it('accepts pages of the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(APP_ENTRY, dev)).toBe(false);
    expect(isAppUrl(undefined, dev)).toBe(false);
    expect(isAppUrl('::', dev)).toBe(false);
  });
});
