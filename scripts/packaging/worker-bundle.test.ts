import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchWorkerInput, BatchWorkerMessage } from '../../electron/core/documents/batch/batch-protocol';
import { unpacked, WORKER_BUNDLE } from '../../electron/core/documents/batch/worker-entry';
import { INTEGRITY, sheetData } from '../../electron/core/documents/test/fixtures';
import { buildBatchWorker, WORKER_FILE } from './worker-bundle';

const root = path.resolve(__dirname, '../..');
let dir: string;
let bundle: string;
let source: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-worker-bundle-'));
  bundle = await buildBatchWorker(path.join(dir, 'out'), root);
  source = fs.readFileSync(bundle, 'utf8');
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Every module the code asks for, read from its syntax tree (acorn: comments and strings that
 * merely mention require('x') do not count): require(…), import(…) and import declarations.
 * A non-literal argument is reported as "<computed>".
 */
function requested(js: string): string[] {
  const specs = new Set<string>();
  const arg = (n: AcornNode | undefined) =>
    n?.type === 'Literal' && typeof n.value === 'string'
      ? n.value
      : n?.type === 'TemplateLiteral' && n.expressions?.length === 0
        ? n.quasis![0]!.value.cooked
        : '<computed>';
  walk.full(acorn.parse(js, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }), (n) => {
    const node = n as unknown as AcornNode;
    if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'require')
      specs.add(arg(node.arguments?.[0]));
    if (node.type === 'ImportExpression') specs.add(arg(node.source));
  });
  return [...specs];
}
interface AcornNode {
  type: string;
  value?: unknown;
  name?: string;
  callee?: AcornNode;
  arguments?: AcornNode[];
  source?: AcornNode;
  expressions?: AcornNode[];
  quasis?: { value: { cooked: string } }[];
}
const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s);

describe('the PDF batch worker as built for the package', () => {
  it('is one CommonJS file under the name main looks for', () => {
    expect(WORKER_FILE).toBe(WORKER_BUNDLE);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([WORKER_FILE]);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\bimport\.meta\b/);
  });

  it('asks for nothing but Node’s built-in modules: no package it could not find inside an asar', () => {
    const specs = requested(source);
    expect(specs.length).toBeGreaterThan(3);
    // pdf.js' browser-only path imports a URL it computes (never taken in Node); nothing else.
    const outside = specs.filter((s) => !isBuiltin(s) && s !== '<computed>');
    expect(outside).toEqual([]);
    expect(specs.filter((s) => s === '<computed>').length).toBeLessThanOrEqual(2);
  });

  it('prints real sheets when started from a folder with no node_modules anywhere above it', async () => {
    // A copy in a fresh temp folder: if the file needed a package, Node would not find one.
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-worker-alone-'));
    const file = path.join(alone, WORKER_FILE);
    fs.copyFileSync(bundle, file);
    const input: BatchWorkerInput = {
      sheets: [sheetData({ memberIndex: 0, integrity: INTEGRITY }), sheetData({ memberIndex: 1, integrity: INTEGRITY })],
      lang: 'vi',
      font: { font: 'tinos', resourcesDir: path.join(root, 'resources') },
      createdAt: '2026-06-01T08:00:00.000Z',
    };
    const result = await new Promise<{ pdf: Buffer; pageCount: number }>((resolve, reject) => {
      const w = new Worker(file, { workerData: input });
      w.on('message', (m: BatchWorkerMessage) => {
        if (m.type === 'done') resolve({ pdf: Buffer.from(m.pdf), pageCount: m.pageCount });
        if (m.type === 'error') reject(new Error(`${m.code}: ${m.message}`));
      });
      w.on('error', reject);
    });
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.pageCount).toBeGreaterThanOrEqual(2);
    fs.writeFileSync(path.join(alone, 'sheets.pdf'), result.pdf);
    const text = spawnSync('pdftotext', ['-layout', path.join(alone, 'sheets.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text.normalize('NFC')).toMatch(/PHIẾU/u);
    fs.rmSync(alone, { recursive: true, force: true });
  }, 120_000);
});

describe('where main finds the worker', () => {
  it('prefers the copy electron-builder unpacks beside app.asar', () => {
    expect(unpacked(path.join('/opt', 'OCOP Council', 'resources', 'app.asar', 'out', 'main'))).toBe(
      path.join('/opt', 'OCOP Council', 'resources', 'app.asar.unpacked', 'out', 'main'),
    );
    expect(unpacked('C:\\Program Files\\OCOP Council\\resources\\app.asar\\out\\main')).toBe(
      'C:\\Program Files\\OCOP Council\\resources\\app.asar.unpacked\\out\\main',
    );
    expect(unpacked('/home/u/ocop/out/main')).toBe('/home/u/ocop/out/main');
    expect(unpacked('/home/u/my.app.asarx/out')).toBe('/home/u/my.app.asarx/out');
  });
});
