import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, 'clean-checkout.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-clean-'));
  dirs.push(d);
  return d;
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'pipe',
  });
const run = (cwd: string, mode: string) => {
  const r = spawnSync(process.execPath, [script, mode], { cwd, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
};

/** A repository with a tracked screenshot and an ignored output folder, as the project has. */
function repo(): string {
  const d = tmp();
  git(d, 'init', '-q');
  fs.mkdirSync(path.join(d, 'docs'));
  fs.writeFileSync(path.join(d, 'docs', 'shot.png'), 'old picture');
  fs.writeFileSync(path.join(d, 'notes.md'), 'notes');
  fs.writeFileSync(path.join(d, '.gitignore'), 'out/\n');
  git(d, 'add', '.');
  git(d, 'commit', '-q', '-m', 'init');
  return d;
}

describe('clean-checkout', () => {
  it('passes on a fresh clone the suite did not touch, and when the suite writes only ignored files', () => {
    const clone = path.join(tmp(), 'clone');
    git(os.tmpdir(), 'clone', '-q', repo(), clone);
    expect(run(clone, 'record').status).toBe(0);
    fs.mkdirSync(path.join(clone, 'out'));
    fs.writeFileSync(path.join(clone, 'out', 'build.js'), 'x');
    const r = run(clone, 'check');
    expect(r.status).toBe(0);
    expect(r.out).toContain('as it found it');
  });

  it('fails naming a tracked file the suite rewrote, and a new file it left behind', () => {
    const d = repo();
    run(d, 'record');
    fs.writeFileSync(path.join(d, 'docs', 'shot.png'), 'new picture');
    fs.writeFileSync(path.join(d, 'docs', 'extra.png'), 'another');
    const r = run(d, 'check');
    expect(r.status).toBe(1);
    expect(r.out).toContain('M docs/shot.png');
    expect(r.out).toContain('?? docs/extra.png');
    expect(r.out).not.toContain('notes.md');
  });

  it("keeps a developer's own edits out of the verdict, but not the suite rewriting an edited file", () => {
    const d = repo();
    fs.writeFileSync(path.join(d, 'notes.md'), 'my edit');
    fs.writeFileSync(path.join(d, 'docs', 'shot.png'), 'my picture');
    run(d, 'record');
    fs.writeFileSync(path.join(d, 'docs', 'shot.png'), 'the suite wrote this');
    const r = run(d, 'check');
    expect(r.status).toBe(1);
    expect(r.out).toContain('docs/shot.png');
    expect(r.out).not.toContain('notes.md');
    run(d, 'record');
    expect(run(d, 'check').status).toBe(0);
  });

  it('says what to do when nothing was recorded, and passes outside a git checkout', () => {
    const d = repo();
    const r = run(d, 'check');
    expect(r.status).toBe(2);
    expect(r.out).toContain('run "record" before the suite');
    const plain = tmp();
    expect(run(plain, 'record').status).toBe(0);
    expect(run(plain, 'check').out).toContain('not a git checkout');
  });
});
