import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../api';
import type { Core } from '../context';
import { choicesForTotal } from '../results/test/choices';
import { seedSession, type Seeded } from '../results/test/fixtures';
import { memoryCore } from '../test/fixtures';
import { batchJobsOf } from './batch/batch-jobs';
import { pdfFonts, tmpDir, writePdf } from './test/pdf-tools';

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ok = <T>(env: Env<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

const dir = tmpDir();
let core: Core;
afterEach(async () => {
  await batchJobsOf(core.ctx).stopAll();
  core.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for the system's Times New Roman: Liberation Serif (another metric-compatible
 * serif with its own PostScript name) under the Windows file names, so pdffonts can tell which
 * files a PDF embeds — copies of Tinos would still report "Tinos".
 */
const LIBERATION = '/usr/share/fonts/truetype/liberation';
function fakeTimesDir(): string {
  const fake = fs.mkdtempSync(path.join(dir, 'winfonts-'));
  for (const [from, to] of [
    ['Regular', 'times.ttf'],
    ['Bold', 'timesbd.ttf'],
    ['Italic', 'timesi.ttf'],
    ['BoldItalic', 'timesbi.ttf'],
  ] as const) {
    fs.copyFileSync(path.join(LIBERATION, `LiberationSerif-${from}.ttf`), path.join(fake, to));
  }
  return fake;
}

async function session(): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plan = choicesForTotal(set, 80, { keepMarks: true });
  return seedSession(core.ctx.sqlite, { products: 1, members: 2, withSecretary: true, choose: ({ code }) => plan[code]! });
}

/** The font names pdffonts lists for a rendered minutes, all of which must be embedded. */
async function minutesFonts(
  sessionId: number,
  name: string,
): Promise<{ names: string[]; font: { family: string; fallbackReason: string | null } }> {
  const doc = ok(await invoke(core.ctx, 'documents:render', { sessionId, kind: 'minutes' }));
  const fonts = pdfFonts(writePdf(dir, name, Buffer.from(doc.pdfBase64, 'base64')));
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((f) => f.embedded)).toBe(true);
  return { names: fonts.map((f) => f.name), font: doc.font };
}

async function batchFonts(sessionId: number): Promise<string[]> {
  const started = ok(await invoke(core.ctx, 'documents:batchStart', { sessionId }));
  const job = batchJobsOf(core.ctx).get(started.jobId);
  await job.ended;
  expect(job.state).toBe('done');
  return pdfFonts(job.file!).map((f) => f.name);
}

describe('the documentFont setting', { timeout: 120_000 }, () => {
  it('defaults to Tinos, shipped with the app, for every document', async () => {
    const s = await session();
    core.ctx.systemFontDirs = [fakeTimesDir()];
    expect(ok(await invoke(core.ctx, 'settings:get', {})).documentFont).toBe('tinos');
    expect(ok(await invoke(core.ctx, 'documents:fontStatus', {}))).toEqual({
      choice: 'tinos',
      family: 'Tinos',
      timesNewRomanFound: true,
      searchedDirs: core.ctx.systemFontDirs,
      fallbackReason: null,
    });
    const m = await minutesFonts(s.sessionId, 'default');
    expect(m.font).toEqual({ family: 'Tinos', fallbackReason: null });
    expect(m.names.every((n) => n.includes('Tinos'))).toBe(true);
  });

  it("embeds the computer's Times New Roman when chosen and present, in one document and in the batch, and audits the choice", async () => {
    const s = await session();
    const fake = fakeTimesDir();
    core.ctx.systemFontDirs = [path.join(dir, 'nowhere'), fake];
    const saved = ok(await invoke(core.ctx, 'settings:set', { documentFont: 'times-new-roman' }));
    expect(saved.documentFont).toBe('times-new-roman');
    const [event] = ok(await invoke(core.ctx, 'audit:tail', { limit: 1 }));
    expect(event).toMatchObject({
      action: 'settings.set',
      before: { documentFont: 'tinos' },
      after: { documentFont: 'times-new-roman' },
    });
    expect(ok(await invoke(core.ctx, 'documents:fontStatus', {}))).toMatchObject({
      choice: 'times-new-roman',
      family: 'Times New Roman',
      timesNewRomanFound: true,
      fallbackReason: null,
    });

    const m = await minutesFonts(s.sessionId, 'times');
    expect(m.font).toEqual({ family: 'Times New Roman', fallbackReason: null });
    expect(m.names.every((n) => n.includes('LiberationSerif'))).toBe(true);
    const batch = await batchFonts(s.sessionId);
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.every((n) => n.includes('LiberationSerif'))).toBe(true);
  });

  it('falls back to Tinos when Times New Roman is chosen but missing, and says where it looked', async () => {
    const s = await session();
    const nowhere = path.join(dir, 'no-fonts-here');
    core.ctx.systemFontDirs = [nowhere];
    ok(await invoke(core.ctx, 'settings:set', { documentFont: 'times-new-roman' }));
    const status = ok(await invoke(core.ctx, 'documents:fontStatus', {}));
    expect(status).toMatchObject({
      choice: 'times-new-roman',
      family: 'Tinos',
      timesNewRomanFound: false,
      searchedDirs: [nowhere],
    });
    expect(status.fallbackReason).toMatch(
      /Times New Roman was chosen but its four files .* are not in .*no-fonts-here; Tinos \(same metrics\) was used/u,
    );
    const m = await minutesFonts(s.sessionId, 'fallback');
    expect(m.font.family).toBe('Tinos');
    expect(m.font.fallbackReason).toBe(status.fallbackReason);
    expect(m.names.every((n) => n.includes('Tinos'))).toBe(true);
    expect((await batchFonts(s.sessionId)).every((n) => n.includes('Tinos'))).toBe(true);
  });

  it('refuses an unknown font, naming the field and the choices, and keeps the setting', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'settings:set', { documentFont: 'arial' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('documentFont');
      expect(r.error.message).toMatch(/tinos.*times-new-roman/u);
    }
    expect(ok(await invoke(core.ctx, 'settings:get', {})).documentFont).toBe('tinos');
    // A hand-edited stored value that is no longer a choice reads as the default, not an error.
    core.ctx.sqlite
      .prepare(`INSERT INTO setting (key, value, updated_at) VALUES ('documentFont', '"comic-sans"', '2026-01-01')`)
      .run();
    expect(ok(await invoke(core.ctx, 'settings:get', {})).documentFont).toBe('tinos');
  });
});
