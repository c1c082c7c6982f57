import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/test/fixtures';
import { run } from './test/run-cli';

describe('CLI', () => {
  it('info --json prints version, data folder and schema version', async () => {
    const dir = tempDir();
    const r = await run(['info', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info).toMatchObject({ dataDir: dir, databasePath: path.join(dir, 'ocop.sqlite'), host: 'cli' });
    expect(info.schemaVersion).toBe(info.latestSchemaVersion);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('migrate reports an up-to-date schema the second time', async () => {
    const dir = tempDir();
    const first = JSON.parse((await run(['migrate', '--json', '--data-dir', dir])).out);
    expect(first.from).toBe(0);
    const second = JSON.parse((await run(['migrate', '--json', '--data-dir', dir])).out);
    expect(second.applied).toEqual([]);
  });

  it('backup --out writes a consistent, openable copy', async () => {
    const dir = tempDir();
    await run(['info', '--data-dir', dir]);
    const out = path.join(tempDir(), 'copy.sqlite');
    const r = await run(['backup', '--json', '--data-dir', dir, '--out', out]);
    expect(r.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'audit_log'").get()).toEqual({ n: 1 });
    copy.close();
  });

  it('backup without --out writes into the backups folder, with its manifest', async () => {
    const dir = tempDir();
    const r = await run(['backup', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    expect(b).toMatchObject({ kind: 'manual', integrity: 'ok', manifest: { schemaVersion: expect.any(Number) } });
    expect(b.path).toContain(path.join(dir, 'backups'));
  });

  it('an unknown command or option prints usage and exits 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const bad = await run(['info', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Usage');
  });

  it('a database from a newer version is reported with its code, as JSON with --json', async () => {
    const dir = tempDir();
    await run(['info', '--data-dir', dir]);
    const raw = new Database(path.join(dir, 'ocop.sqlite'));
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')").run();
    raw.close();
    const r = await run(['info', '--json', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'DB_NEWER_VERSION' } });
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('counts in plain English: no command writes "sheet(s)" (plurals go through shared/text/plural)', () => {
    const dir = path.join(__dirname, 'commands');
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (/[a-z]\((?:s|es)\)|entr\$\{/u.test(line) ? [`${f}:${i + 1}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
