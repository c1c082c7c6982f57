import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP, APP_CSP_HEADER, devCsp } from './csp';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('content security policy', () => {
  const prod = directives(APP_CSP);

  it("allows by default only the app itself, and scripts only from the app's files", () => {
    expect(prod.get('default-src')).toEqual(["'self'"]);
    expect(prod.get('script-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain("'unsafe-eval'");
    expect(prod.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('talks to nothing but the app (offline), and has no plugins, frames, base or form targets', () => {
    expect(prod.get('connect-src')).toEqual(["'self'"]);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-src']) expect(prod.get(d), d).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/https?:|\*/);
  });

  it('forbids framing in the header form', () => {
    expect(APP_CSP_HEADER).toBe(`${APP_CSP}; frame-ancestors 'none'`);
  });

  it('loosens only script and connect for the dev server', () => {
    const dev = directives(devCsp('http://localhost:5173'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    for (const [name, values] of prod)
      if (name !== 'script-src' && name !== 'connect-src') expect(dev.get(name), name).toEqual(values);
  });

  // renderer/index.html carries the same policy as a <meta> tag (the HTTP bridge serves it as it is),
  // and so does device.html, the page members' devices load from the meeting-room listener.
  it.each(['index.html', 'device.html'])('renderer/%s has exactly this policy in its CSP meta tag', (file) => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer', file), 'utf8');
    const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(APP_CSP);
  });
});
