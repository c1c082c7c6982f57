import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/test/run-cli';
import { invoke } from '../api';
import { openCore } from '../context';
import { finalizedDemoFolder } from '../integrity/test/demo-folder';
import { tempDir } from '../test/fixtures';
import { sha256File } from './manifest';
import { listTarFile } from './tar';

/** The finalized demo with two evidence files, archived once for the tests below. */
async function archived(): Promise<{ dir: string; archive: string; evidence: Buffer[] }> {
  const { dir } = await finalizedDemoFolder();
  const core = await openCore({ dataDir: dir, host: 'cli' });
  const evidence = [Buffer.from('%PDF-1.4 giấy chứng nhận ATTP\n'), Buffer.from('%PDF-1.4 ảnh sản phẩm '.repeat(2000))];
  try {
    const reg = core.ctx.sqlite
      .prepare("SELECT id FROM registration WHERE status = 'received' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    for (const [i, content] of evidence.entries()) {
      const env = await invoke(core.ctx, 'attachments:add', {
        registrationId: reg,
        fileName: `minh-chung-${i}.pdf`,
        contentBase64: content.toString('base64'),
      });
      if (!env.ok) throw new Error(env.error.message);
    }
  } finally {
    core.close();
  }
  const archive = path.join(tempDir('ocop-archive-'), 'hoi-dong.tar');
  const r = await run(['archive', 'export', '--out', archive, '--json', '--data-dir', dir]);
  expect(r.code, r.err).toBe(0);
  return { dir, archive, evidence };
}

describe('whole archive', () => {
  it('round trip on a second data folder: every file, the same history, verify clean; a plain tar lists it', async () => {
    const { dir, archive, evidence } = await archived();
    const names = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(names).toHaveLength(4);
    expect(names[0]).toBe('manifest.json');
    expect(names).toContain('ocop.sqlite');
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(2);
    expect(names.some((n) => n.startsWith('backups/'))).toBe(false);

    const second = path.join(tempDir('ocop-laptop-b-'), 'data');
    const r = await run(['archive', 'import', archive, '--json', '--data-dir', second]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ verify: { ok: true }, files: 3 });
    const a = await openCore({ dataDir: dir, host: 'cli' });
    const b = await openCore({ dataDir: second, host: 'cli' });
    try {
      const head = (c: typeof a) => c.ctx.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
      expect(head(b)).toEqual(head(a));
      for (const table of ['registration', 'score_sheet', 'score_answer_event', 'session_finalization', 'attachment'])
        expect(b.ctx.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(
          a.ctx.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(),
        );
      const ids = b.ctx.sqlite.prepare('SELECT id FROM attachment ORDER BY id').pluck().all() as number[];
      for (const [i, id] of ids.entries()) {
        const env = await invoke(b.ctx, 'attachments:content', { id });
        if (!env.ok) throw new Error(env.error.message);
        expect(Buffer.from(env.value.contentBase64, 'base64').equals(evidence[i]!)).toBe(true);
      }
    } finally {
      a.close();
      b.close();
    }
    // The archive is an anchor too.
    const v = await run(['audit', 'verify', '--against', archive, '--json', '--data-dir', second]);
    expect(JSON.parse(v.out).anchors).toEqual([expect.objectContaining({ source: 'archive', ok: true })]);
  }, 180_000);

  it('refuses an altered, truncated or extended archive, or a folder that is not empty — all or nothing', async () => {
    const { archive } = await archived();
    const fd = fs.openSync(archive, 'r');
    const entries = listTarFile(fd);
    fs.closeSync(fd);
    const evidence = entries.find((e) => e.name.startsWith('attachments/'))!;

    const altered = path.join(tempDir(), 'altered.tar');
    const bytes = fs.readFileSync(archive);
    bytes[evidence.offset + 3] = bytes[evidence.offset + 3]! ^ 0x20;
    fs.writeFileSync(altered, bytes);

    const truncated = path.join(tempDir(), 'truncated.tar');
    fs.writeFileSync(truncated, fs.readFileSync(archive).subarray(0, evidence.offset + 100));

    const cases: [string, RegExp][] = [
      [altered, new RegExp(`${evidence.name.replace(/[/.]/g, '\\$&')} does not match its SHA-256`)],
      [truncated, /truncated|ends early|no end marker/],
    ];
    for (const [file, says] of cases) {
      const target = path.join(tempDir(), 'new-data');
      const r = await run(['archive', 'import', file, '--json', '--data-dir', target]);
      expect(r.code).toBe(1);
      const err = JSON.parse(r.out).error;
      expect(err.code).toBe('IMPORT_INVALID');
      expect(err.message).toMatch(says);
      expect(err.message).toContain('Nothing was written');
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    }

    const busy = tempDir();
    fs.writeFileSync(path.join(busy, 'ocop.sqlite'), 'x');
    const r = await run(['archive', 'import', archive, '--json', '--data-dir', busy]);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'FORBIDDEN_STATE', message: expect.stringContaining('not empty') });
    expect(sha256File(path.join(busy, 'ocop.sqlite'))).toBe(sha256File(path.join(busy, 'ocop.sqlite')));
  }, 180_000);
});
