import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BatchResultOutput, BatchStatus } from '../../../../shared/api/channels/documents';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { invoke } from '../../api';
import type { Core } from '../../context';
import { choicesForTotal } from '../../results/test/choices';
import { seedSession, type Seeded } from '../../results/test/fixtures';
import { memoryCore } from '../../test/fixtures';
import { pdfPages, tmpDir, writePdf } from '../test/pdf-tools';
import { batchJobsOf } from './batch-jobs';

type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const ok = <T>(env: Env<T>): T => {
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
};

let core: Core;
const dir = tmpDir();
afterEach(async () => {
  await batchJobsOf(core.ctx).stopAll();
  core.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `products` products scored by `members` members: products × members submitted sheets. */
async function session(products: number, members: number, skipSheet?: () => boolean): Promise<Seeded> {
  core = await memoryCore();
  const row = core.ctx.sqlite.prepare(`SELECT content_json FROM criteria_set_version WHERE set_key = 'qd26-2026/07'`).get() as {
    content_json: string;
  };
  const set = CriteriaSet.parse(JSON.parse(row.content_json));
  const plans = Array.from({ length: members }, (_, m) => choicesForTotal(set, 60 + m, { keepMarks: true }));
  return seedSession(core.ctx.sqlite, {
    products,
    members,
    choose: ({ member, code }) => plans[member]![code]!,
    ...(skipSheet ? { skipSheet } : {}),
  });
}

const status = async (jobId: string) => ok(await invoke(core.ctx, 'documents:batchStatus', { jobId }));

async function until(jobId: string, done: (s: BatchStatus) => boolean, timeoutMs = 120_000): Promise<BatchStatus> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await status(jobId);
    if (done(s)) return s;
    if (Date.now() > end) throw new Error(`batch ${jobId} still ${s.state} ${s.done}/${s.total}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readAll(jobId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const r: BatchResultOutput = ok(await invoke(core.ctx, 'documents:batchResult', { jobId, offset }));
    expect(r.offset).toBe(offset);
    parts.push(Buffer.from(r.chunkBase64, 'base64'));
    offset = r.nextOffset;
  }
  return Buffer.concat(parts);
}

describe('documents:batch* — all sheets of a session in a worker thread', { timeout: 180_000 }, () => {
  it('reaches the total, keeps the main thread free, and the PDF holds every sheet', async () => {
    const s = await session(4, 3);
    // A timer on the main thread: its ticks must keep coming while the worker draws.
    let last = Date.now();
    let maxGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 20);
    const started = ok(await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId }));
    last = Date.now();
    maxGap = 0;
    ticks = 0;
    expect(started).toMatchObject({
      sessionId: s.sessionId,
      state: 'running',
      total: 12,
      fileName: `tat-ca-phieu-danh-gia-phien-${s.sessionId}.pdf`,
      pages: null,
    });
    const seen: number[] = [];
    const end = await until(started.jobId, (x) => {
      seen.push(x.done);
      return x.state !== 'running';
    });
    clearInterval(timer);
    expect(end).toMatchObject({ state: 'done', done: 12, total: 12, percent: 100, error: null });
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
    // The worker took seconds; the main thread never stalled for long.
    expect(ticks).toBeGreaterThan(10);
    expect(maxGap).toBeLessThan(1500);

    const pdf = await readAll(started.jobId);
    expect(pdf.length).toBe(end.bytes);
    const file = writePdf(dir, 'batch', pdf);
    const pages = pdfPages(file);
    expect(pages.length).toBe(end.pages);
    const firsts = pages.filter((p) => p.includes('PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP'));
    expect(firsts.length).toBe(12);
    const text = pages.join('\n');
    const names = core.ctx.sqlite
      .prepare('SELECT full_name FROM council_member WHERE id IN (' + s.memberIds.join(',') + ')')
      .all() as { full_name: string }[];
    for (const n of names) expect(text.split(`Người đánh giá: ${n.full_name}`).length - 1).toBe(4);
    for (const code of s.productCodes) expect(text).toContain(`Mã số sản phẩm: ${code}`);
    // The file lives in the data folder's exports.
    expect(fs.readdirSync(path.join(core.ctx.paths.dataDir, 'exports'))).toEqual([`batch-${started.jobId}.pdf`]);
  });

  it('stops at once when cancelled: no more progress, no file, and a new batch may start', async () => {
    const s = await session(6, 3);
    const started = ok(await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId }));
    const busy = await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId });
    expect(busy.ok).toBe(false);
    if (!busy.ok) {
      expect(busy.error.code).toBe('CONFLICT');
      expect(busy.error.message).toContain('already being printed');
    }
    const cancelled = ok(await invoke(core.ctx, 'documents:batchCancel', { jobId: started.jobId }));
    expect(cancelled.state).toBe('cancelled');
    await batchJobsOf(core.ctx).get(started.jobId).ended;
    const after = await status(started.jobId);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await status(started.jobId)).toEqual(after);
    expect(after.state).toBe('cancelled');
    expect(after.done).toBeLessThan(18);
    expect(
      fs.existsSync(path.join(core.ctx.paths.dataDir, 'exports'))
        ? fs.readdirSync(path.join(core.ctx.paths.dataDir, 'exports'))
        : [],
    ).toEqual([]);
    const result = await invoke(core.ctx, 'documents:batchResult', { jobId: started.jobId, offset: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('the batch is cancelled') });

    const again = ok(await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId }));
    expect((await until(again.jobId, (x) => x.state !== 'running')).state).toBe('done');
  });

  it('reads the PDF in chunks that join up exactly, and refuses an offset past the end', async () => {
    const s = await session(1, 2);
    const started = ok(await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId }));
    const end = await until(started.jobId, (x) => x.state !== 'running');
    const jobs = batchJobsOf(core.ctx);
    const whole = await readAll(started.jobId);
    const parts: Buffer[] = [];
    for (let off = 0; off < end.bytes!; off += 7000) parts.push((await jobs.read(started.jobId, off, 7000)).chunk);
    expect(Buffer.concat(parts).equals(whole)).toBe(true);
    expect(whole.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const past = await invoke(core.ctx, 'documents:batchResult', { jobId: started.jobId, offset: end.bytes! + 1 });
    expect(past.ok ? null : past.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('past the end') });
  });

  it('says what is wrong: unknown job, malformed id, a session without sheets', async () => {
    const s = await session(1, 1, () => true);
    const unknown = await invoke(core.ctx, 'documents:batchStatus', { jobId: '5b0c8a52-6a43-4c1e-9a39-0d6f1f1e2a11' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('start the batch again'),
    });
    const bad = await invoke(core.ctx, 'documents:batchCancel', { jobId: '12' } as never);
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const none = await invoke(core.ctx, 'documents:batchStart', { sessionId: 9999 });
    expect(none.ok ? null : none.error.code).toBe('NOT_FOUND');
    const empty = await invoke(core.ctx, 'documents:batchStart', { sessionId: s.sessionId });
    expect(empty.ok ? null : empty.error).toMatchObject({
      code: 'FORBIDDEN_STATE',
      message: expect.stringContaining('has no scoring sheet yet'),
    });
  });
});
