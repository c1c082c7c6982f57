import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { BatchJobs } from './batch-jobs';
import { batchWorkerEntry, WORKER_BUNDLE } from './worker-entry';

describe('batch files and the worker entry', () => {
  it('removes batch PDFs left over for more than a day, and nothing else', () => {
    const dir = tempDir();
    const old = path.join(dir, 'batch-5b0c8a52-6a43-4c1e-9a39-0d6f1f1e2a11.pdf');
    const fresh = path.join(dir, 'batch-6b0c8a52-6a43-4c1e-9a39-0d6f1f1e2a11.pdf');
    const mine = path.join(dir, 'bien-ban.pdf');
    for (const f of [old, fresh, mine]) fs.writeFileSync(f, '%PDF-1.7');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    fs.utimesSync(mine, twoDaysAgo, twoDaysAgo);
    new BatchJobs(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(fresh), 'bien-ban.pdf'].sort());
    expect(() => new BatchJobs(path.join(dir, 'missing'))).not.toThrow();
  });

  it('finds the worker beside the source under tsx, or the built bundle beside out/main or its chunks', () => {
    const src = batchWorkerEntry();
    expect(src.url.pathname).toMatch(/batch\/batch-worker\.ts$/u);
    expect(src.execArgv[0]).toBe('--import');
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'chunks'));
    fs.writeFileSync(path.join(out, WORKER_BUNDLE), '');
    expect(batchWorkerEntry(`file://${out}/index.js`)).toEqual({ url: new URL(`file://${out}/${WORKER_BUNDLE}`), execArgv: [] });
    expect(batchWorkerEntry(`file://${out}/chunks/core-abc.js`).url.pathname).toBe(`${out}/${WORKER_BUNDLE}`);
    fs.rmSync(path.join(out, WORKER_BUNDLE));
    expect(() => batchWorkerEntry(`file://${out}/index.js`)).toThrow(/documents-batch-worker\.cjs is missing .*rebuild the app/u);
  });

  it('in the installed app loads the copy unpacked beside app.asar (a plain file on disk)', () => {
    const resources = tempDir();
    const inAsar = path.join(resources, 'app.asar', 'out', 'main');
    const beside = path.join(resources, 'app.asar.unpacked', 'out', 'main');
    fs.mkdirSync(inAsar, { recursive: true });
    fs.mkdirSync(beside, { recursive: true });
    fs.writeFileSync(path.join(inAsar, WORKER_BUNDLE), '');
    fs.writeFileSync(path.join(beside, WORKER_BUNDLE), '');
    expect(batchWorkerEntry(`file://${inAsar}/index.js`).url.pathname).toBe(`${beside}/${WORKER_BUNDLE}`);
  });
});
