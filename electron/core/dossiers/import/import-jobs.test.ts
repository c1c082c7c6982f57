import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../../shared/api/channels/dossiers-import-job';
import type { Core } from '../../context';
import { memoryCore } from '../../test/fixtures';
import { makeProducer, producerInput } from '../test/fixtures';
import { call, callError } from '../../test/call';
import { importDossiers } from './import-service';
import { producerRow, productRow, registrationRow, workbookWith } from './test-workbook';

let core: Core;
afterEach(() => core?.close());

const b64 = (b: Buffer) => b.toString('base64');
const count = (table: string) => (core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** n producers, n products, n registrations (3n data rows). */
const workbook = (n: number) =>
  workbookWith({
    producers: Array.from({ length: n }, (_, i) => producerRow(i + 1)),
    products: Array.from({ length: n }, (_, i) => productRow(i + 1, i + 1)),
    registrations: Array.from({ length: n }, (_, i) => registrationRow(i + 1)),
  });

/** Polls like the UI until the job finishes; returns every status seen. */
async function follow(jobId: string): Promise<ImportJobStatus[]> {
  const seen: ImportJobStatus[] = [];
  for (let i = 0; i < 2000; i++) {
    const s = await call(core, 'dossiers:importStatus', { jobId });
    seen.push(s);
    if (s.phase === 'done' || s.phase === 'failed' || s.phase === 'cancelled') return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('import job did not finish');
}

describe('import jobs', { timeout: 120_000 }, () => {
  it('reports parse → validate (rows done of total) → done with the result, and the app answers meanwhile', async () => {
    core = await memoryCore();
    const file = await workbook(400);
    const { jobId } = await call(core, 'dossiers:importStart', { contentBase64: b64(file), fileName: 'dot-1.xlsx' });
    expect(jobId).toMatch(/^imp-/);
    // Answered while the job runs: the main process is not blocked by the import.
    const during = await call(core, 'producers:list', {});
    expect(during.total).toBe(0);
    expect((await call(core, 'dossiers:importStatus', { jobId })).phase).not.toBe('done');
    const seen = await follow(jobId);
    const phases = [...new Set(seen.map((s) => s.phase))];
    expect(phases[0]).toBe('parse');
    expect(phases.at(-1)).toBe('done');
    const validating = seen.filter((s) => s.phase === 'validate');
    expect(validating.length).toBeGreaterThan(0);
    expect(validating.every((s) => s.total === 1200 && s.done <= 1200)).toBe(true);
    expect(Math.max(...validating.map((s) => s.done))).toBeGreaterThan(0);
    // The write is announced before its transaction holds the event loop.
    expect(seen.some((s) => s.phase === 'write' && s.total === 1200 && s.done === 0)).toBe(true);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      fileName: 'dot-1.xlsx',
      rows: { producers: 400, products: 400, registrations: 400 },
      error: null,
      finishedAt: expect.any(String),
    });
    expect(last.result).toMatchObject({
      dryRun: false,
      producers: { created: 400 },
      products: { created: 400 },
      registrations: { created: 400 },
    });
    expect(count('registration')).toBe(400);
  });

  it('a dry run validates and counts but writes nothing', async () => {
    core = await memoryCore();
    const { jobId } = await call(core, 'dossiers:importStart', { contentBase64: b64(await workbook(5)), dryRun: true });
    const last = (await follow(jobId)).at(-1)!;
    expect(last).toMatchObject({ phase: 'done', dryRun: true, result: { dryRun: true, registrations: { created: 5 } } });
    expect(count('producer')).toBe(0);
  });

  it('cancelled while validating: nothing is written and no import is audited', async () => {
    core = await memoryCore();
    const { jobId } = await call(core, 'dossiers:importStart', { contentBase64: b64(await workbook(400)) });
    expect(await call(core, 'dossiers:importCancel', { jobId })).toMatchObject({ cancelRequested: true });
    const last = (await follow(jobId)).at(-1)!;
    expect(last).toMatchObject({ phase: 'cancelled', result: null, error: null });
    expect(count('producer')).toBe(0);
    expect(core.ctx.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'dossiers.import'").get()).toEqual({
      n: 0,
    });
    // Finished jobs cannot be cancelled again.
    expect(await callError(core, 'dossiers:importCancel', { jobId })).toMatchObject({
      code: 'FORBIDDEN_STATE',
      message: expect.stringContaining('already cancelled'),
    });
  });

  it('a file with errors ends "failed" with the same row errors dossiers:import gives', async () => {
    core = await memoryCore();
    const bad = await workbookWith({ producers: [producerRow(1, { taxCode: '12345' })] });
    const { jobId } = await call(core, 'dossiers:importStart', { contentBase64: b64(bad) });
    const last = (await follow(jobId)).at(-1)!;
    expect(last.phase).toBe('failed');
    expect(last.error).toMatchObject({
      code: 'IMPORT_INVALID',
      details: { total: 1, errors: [{ sheet: 'Chủ thể', row: 2, column: 'Mã số thuế', code: 'invalid_tax_code' }] },
    });
    const notXlsx = await call(core, 'dossiers:importStart', { contentBase64: b64(Buffer.from('not a workbook')) });
    expect((await follow(notXlsx.jobId)).at(-1)!.error).toMatchObject({
      code: 'IMPORT_INVALID',
      details: { errors: [{ code: 'not_xlsx' }] },
    });
  });

  it('names an unknown job and refuses a malformed id', async () => {
    core = await memoryCore();
    expect(await callError(core, 'dossiers:importStatus', { jobId: 'imp-99-zz' })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('jobId: no import job "imp-99-zz"'),
    });
    expect(await callError(core, 'dossiers:importStatus', { jobId: '../etc' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('jobId'),
    });
  });

  it('plans again inside the write transaction when data changed while it validated', async () => {
    core = await memoryCore();
    const file = await workbook(300);
    let created = false;
    const result = await importDossiers(
      { ctx: core.ctx, actor: 'test' },
      { contentBase64: b64(file), onDuplicate: 'skip', dryRun: false },
      {
        phase: () => {},
        progress: async () => {
          // Someone registers producer 1 (same tax number) by hand while the file is validated.
          if (!created) {
            created = true;
            await makeProducer(core, { ...producerInput(), name: 'Nhập tay trong lúc kiểm tra', taxCode: '1000000001' });
          }
        },
      },
    );
    expect(created).toBe(true);
    expect(result.producers).toEqual({ created: 299, updated: 0, skipped: 1 });
    expect(count('producer')).toBe(300);
    expect(core.ctx.sqlite.prepare("SELECT name FROM producer WHERE tax_code = '1000000001'").get()).toEqual({
      name: 'Nhập tay trong lúc kiểm tra',
    });
  });
});
