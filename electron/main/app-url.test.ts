import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appUrl, isAppUrl, resolveAppLocation, type AppLocation } from './app-url';

const rendererDir = path.resolve('/opt/OCOP Council/resources/app.asar/out/renderer');
const built = resolveAppLocation({ isPackaged: true, rendererDir });
const indexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;

describe('resolveAppLocation', () => {
  it('uses the built index.html when packaged, even if a dev URL is set', () => {
    expect(resolveAppLocation({ isPackaged: true, devUrl: 'http://localhost:5173/', rendererDir })).toEqual({
      kind: 'file',
      indexFile: path.join(rendererDir, 'index.html'),
    });
  });

  it('uses the dev server when not packaged and it is on this computer', () => {
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir })).toEqual({
      kind: 'dev',
      origin: 'http://localhost:5173',
      url: 'http://localhost:5173/',
    });
  });

  it('ignores a dev URL pointing at another computer', () => {
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'http://192.168.1.20:5173/', rendererDir }).kind).toBe('file');
    expect(resolveAppLocation({ isPackaged: false, devUrl: 'file:///tmp/x.html', rendererDir }).kind).toBe('file');
  });

  it('loads the file URL of index.html for a build', () => {
    expect(appUrl(built)).toBe(indexUrl);
  });
});

describe('isAppUrl (file build)', () => {
  it('accepts the app page with any hash route or query', () => {
    expect(isAppUrl(indexUrl, built, 'linux')).toBe(true);
    expect(isAppUrl(`${indexUrl}#/dossiers/12`, built, 'linux')).toBe(true);
    expect(isAppUrl(`${indexUrl}?lang=vi#/`, built, 'linux')).toBe(true);
    // Chromium may encode differently from Node; the decoded path is what counts.
    expect(isAppUrl('file:///opt/OCOP%20Council/resources/app.asar/out/renderer/./index.html', built, 'linux')).toBe(true);
  });

  it.each([
    ['another file in the renderer folder', pathToFileURL(path.join(rendererDir, 'assets/evil.html')).href],
    ['a file elsewhere on disk', 'file:///tmp/index.html'],
    ['a path trick leaving the folder', pathToFileURL(path.join(rendererDir, '../renderer2/index.html')).href],
    ['a remote file: host (UNC share)', 'file://attacker/opt/OCOP%20Council/resources/app.asar/out/renderer/index.html'],
    ['a web page', 'https://example.com/index.html'],
    ['the HTTP bridge (not the desktop app)', 'http://127.0.0.1:4000/'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url, built, 'linux')).toBe(false);
  });

  it('refuses non-strings (a destroyed frame has no URL)', () => {
    expect(isAppUrl(undefined, built, 'linux')).toBe(false);
    expect(isAppUrl(null, built, 'linux')).toBe(false);
  });

  it('on Windows compares paths case-insensitively and decodes Vietnamese user folders', () => {
    const win: AppLocation = {
      kind: 'file',
      indexFile:
        'C:\\Users\\Nguyễn Văn A\\AppData\\Local\\Programs\\OCOP Council\\resources\\app.asar\\out\\renderer\\index.html',
    };
    const chromiumUrl =
      'file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20A/AppData/Local/Programs/OCOP%20Council/resources/app.asar/out/renderer/index.html#/';
    expect(isAppUrl(chromiumUrl, win, 'win32')).toBe(true);
    expect(isAppUrl(chromiumUrl.replace('file:///C:', 'file:///c:'), win, 'win32')).toBe(true);
    // Decomposed (NFD) spelling of the same folder name is the same folder.
    expect(isAppUrl(chromiumUrl.replace('Nguy%E1%BB%85n', encodeURIComponent('Nguyễn'.normalize('NFD'))), win, 'win32')).toBe(
      true,
    );
    expect(isAppUrl('file:///C:/Users/Public/index.html', win, 'win32')).toBe(false);
  });
});

describe('isAppUrl (dev server)', () => {
  const dev = resolveAppLocation({ isPackaged: false, devUrl: 'http://localhost:5173/', rendererDir });
  it('accepts pages of the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(indexUrl, dev)).toBe(false);
  });
});
