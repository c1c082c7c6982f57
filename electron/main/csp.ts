/**
 * Content-Security-Policy of the app's pages. Main sends it as a response header with every
 * app:// response (app-protocol.ts) and on the dev server's responses (session.ts); the same text
 * is in renderer/index.html as a <meta> tag, because the HTTP bridge serves that file as it is
 * (csp.test.ts checks the two agree).
 *
 * Why each source is allowed (everything else falls back to default-src 'self': the app's own
 * files only — never another site; the app is offline):
 * - script 'self': the bundled code only; no inline script, no eval (pdf.js falls back to its
 *   JavaScript decoders when WebAssembly compilation is not allowed).
 * - style 'unsafe-inline': Mantine sets CSS variables in a <style> element and `style=`
 *   attributes; styles cannot run code.
 * - img data: blob:: product photos and previews built in memory from attachments.
 * - font data:: fonts inlined by the build.
 * - connect 'self': the HTTP bridge's /api in a browser; nothing else.
 * - worker 'self' blob:: the pdf.js worker (a module file of the build; blob: for its fallback).
 * - frame none: the app uses no frame (PDFs are previewed with pdf.js on a canvas), so no page
 *   can be framed into it, not even a blob: of a generated file.
 * - object none, base-uri none, form-action none: no plugins, no <base> hijack, no form posts.
 */
const DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'", 'data:'],
  ['connect-src', "'self'"],
  ['worker-src', "'self'", 'blob:'],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

const render = (ds: readonly (readonly string[])[]): string => ds.map((d) => d.join(' ')).join('; ');

/** The policy of the built app: this exact text is also in renderer/index.html. */
export const APP_CSP = render(DIRECTIVES);

/**
 * As a response header, `frame-ancestors` is also honoured (it is ignored in a <meta> tag): no
 * other page may frame the app.
 */
export const APP_CSP_HEADER = `${APP_CSP}; frame-ancestors 'none'`;

/**
 * During `electron-vite dev` only: Vite's hot reload needs its websocket and the React refresh
 * preamble (an inline script). Never used by a packaged app.
 */
export function devCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return render(
    DIRECTIVES.map((d) => {
      if (d[0] === 'script-src') return [...d, "'unsafe-inline'"];
      if (d[0] === 'connect-src') return [...d, devOrigin, ws];
      return d;
    }),
  );
}
