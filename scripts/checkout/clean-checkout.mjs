#!/usr/bin/env node
/**
 * `npm test` must leave the checkout as it found it: no tracked file rewritten, no new file left
 * behind (screenshots and samples are regenerated only on request: `npm run screenshots`,
 * `npm run samples`).
 *
 *   node scripts/checkout/clean-checkout.mjs record   # before the suite: remember the working tree's state
 *   node scripts/checkout/clean-checkout.mjs check    # after it: fail, naming the files, if anything changed
 *
 * The state is what `git status` reports plus a hash of every file it lists, so a file a developer had
 * already edited still counts as changed when the suite rewrites it. It is kept inside the git directory
 * (never shown by `git status`). A fresh clone is clean before and after; outside a git checkout (a
 * source tarball) there is nothing to compare and both steps say so and pass.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function checkoutRoot() {
  try {
    return git('rev-parse', '--show-toplevel').trim();
  } catch {
    return null;
  }
}

/** Map of path → "<status> <content hash>" for every changed or untracked (not ignored) path. */
function snapshot(root) {
  const out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  const entries = out.split('\0').filter(Boolean);
  const state = {};
  for (let i = 0; i < entries.length; i++) {
    const status = entries[i].slice(0, 2);
    const file = entries[i].slice(3);
    if (status[0] === 'R' || status[0] === 'C') i++; // the next entry is the rename's source
    const abs = path.join(root, file);
    const hash =
      fs.existsSync(abs) && fs.statSync(abs).isFile()
        ? crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex')
        : '-';
    state[file] = `${status} ${hash}`;
  }
  return state;
}

const mode = process.argv[2];
if (mode !== 'record' && mode !== 'check') {
  console.error('usage: clean-checkout.mjs record|check');
  process.exit(2);
}
const root = checkoutRoot();
if (!root) {
  console.log('clean-checkout: not a git checkout, nothing to compare');
  process.exit(0);
}
const stateFile = path.resolve(root, git('-C', root, 'rev-parse', '--git-path', 'ocop-checkout-before.json').trim());

if (mode === 'record') {
  fs.writeFileSync(stateFile, JSON.stringify(snapshot(root), null, 1));
  process.exit(0);
}

if (!fs.existsSync(stateFile)) {
  console.error(`clean-checkout: nothing recorded (${stateFile}); run "record" before the suite`);
  process.exit(2);
}
const before = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const after = snapshot(root);
const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]).sort();
if (changed.length > 0) {
  console.error(
    `The tests changed ${changed.length} file(s) of the checkout; the suite must leave it as it found it ` +
      '(screenshots and samples are written only by npm run screenshots / npm run samples):',
  );
  for (const f of changed) console.error(`  ${after[f]?.slice(0, 2) ?? 'gone'} ${f}`);
  process.exit(1);
}
console.log('clean-checkout: the suite left the checkout as it found it');
