/**
 * `pdf sheets`: every scoring sheet of a session in one PDF, through the same channels as the
 * app's progress bar (documents:batchStart / batchStatus / batchResult): the batch runs in a
 * worker thread, progress lines go to stderr (stdout keeps the result, or the JSON), and the PDF
 * is read back in chunks into the --out file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchResultOutput } from '../../../shared/api/channels/documents';
import { invoke } from '../../core/api';
import { batchJobsOf } from '../../core/documents/batch/batch-jobs';
import type { CoreContext } from '../../core/context';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/errors';
import { CoreError } from '../../core/errors';
import type { CliRun } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

const POLL_MS = 250;
/** One progress line a second at most: a 2,700-sheet batch prints about a hundred lines. */
const LINE_EVERY_MS = 1000;

export async function printSessionSheets(r: CliRun, ctx: CoreContext, sessionId: number): Promise<number> {
  // With --json stdout carries only the result, so progress goes straight to stderr.
  const progress = r.json ? (line: string) => void process.stderr.write(line + '\n') : r.io.error;
  // --single-sided: no blank backs between sheets (the default prints for double-sided printing).
  let status = unwrap(await invoke(ctx, 'documents:batchStart', { sessionId, newLeaf: r.values['single-sided'] !== true }));
  progress(`sheets: 0/${status.total} (0%)`);
  let lastLine = Date.now();
  let lastDone = 0;
  while (status.state === 'running') {
    await new Promise((res) => setTimeout(res, POLL_MS));
    status = unwrap(await invoke(ctx, 'documents:batchStatus', { jobId: status.jobId }));
    const now = Date.now();
    if (status.done !== lastDone && (now - lastLine >= LINE_EVERY_MS || status.state !== 'running')) {
      progress(`sheets: ${status.done}/${status.total} (${status.percent}%)`);
      lastLine = now;
      lastDone = status.done;
    }
  }
  if (status.state !== 'done') {
    const e = status.error;
    const code = ERROR_CODES.find((c): c is ErrorCode => c === e?.code) ?? 'INTERNAL';
    throw new CoreError(code, `The batch of session ${sessionId} ${status.state}: ${e?.message ?? 'no reason given'}`);
  }
  // --issue: the finished batch goes into the register first (the file written below is the same bytes).
  const issued =
    r.values.issue === true
      ? unwrap(await invoke(ctx, 'documents:issue', { sessionId, kind: 'sheets', jobId: status.jobId }))
      : null;
  const out = typeof r.values.out === 'string' ? r.values.out : path.resolve(status.fileName);
  const fd = fs.openSync(out, 'w');
  try {
    let offset: number | null = 0;
    while (offset !== null) {
      const chunk: BatchResultOutput = unwrap(await invoke(ctx, 'documents:batchResult', { jobId: status.jobId, offset }));
      fs.writeSync(fd, Buffer.from(chunk.chunkBase64, 'base64'));
      offset = chunk.nextOffset;
    }
  } finally {
    fs.closeSync(fd);
    // The copy in exports/ serves the app's repeated saves; the CLI has its file.
    batchJobsOf(ctx).discard(status.jobId);
  }
  r.io.result(
    { file: out, fileName: status.fileName, pages: status.pages, sheets: status.total, issued: issued?.entry ?? null },
    (v: { file: string; pages: number; sheets: number; issued: { id: number; sha256: string } | null }) =>
      `${v.file}: ${count(v.sheets, 'sheet')}, ${count(v.pages, 'page')}` +
      (v.issued ? `\nissued: register no. ${v.issued.id}, SHA-256 ${v.issued.sha256}` : ''),
  );
  return 0;
}
