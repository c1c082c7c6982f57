/**
 * `npm run criteria:build [-- --source DIR] [--check]`
 *
 * Converts the transcribed criteria sets (default ../shared/ocop/criteria, relative to the
 * repository) into the app's own resources under resources/criteria/ and the loader module that
 * bundles them, and docs/formats/criteria-set.schema.json from the zod model. With --check it writes nothing and exits 1 when the committed files differ from
 * a fresh conversion. Notes no rule pattern recognises are listed, never guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCriteriaResources, RESOURCE_DIR, SETS_SUBDIR } from './criteria/build';
import { criteriaSetJsonSchema, JSON_SCHEMA_FILE } from './criteria/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { source: { type: 'string' }, check: { type: 'boolean' } } });
const sourceDir = path.resolve(values.source ?? path.join(root, '..', 'shared', 'ocop', 'criteria'));

if (!fs.existsSync(sourceDir)) {
  console.error(
    `criteria:build: source folder ${sourceDir} does not exist. Pass --source DIR (the folder holding index-qd26-2026.json).`,
  );
  process.exit(2);
}

const built = buildCriteriaResources(sourceDir);
// The JSON Schema of the exchange format is generated from the same model.
built.files.set(JSON_SCHEMA_FILE, criteriaSetJsonSchema());

if (values.check) {
  const differing = [...built.files]
    .filter(([rel, content]) => !fs.existsSync(path.join(root, rel)) || fs.readFileSync(path.join(root, rel), 'utf8') !== content)
    .map(([rel]) => rel);
  if (differing.length > 0) {
    console.error(
      `criteria:build --check: ${differing.length} file(s) differ from a fresh conversion; run npm run criteria:build:\n  ${differing.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`criteria:build --check: ${built.files.size} files up to date.`);
} else {
  // Remove set files that a fresh build would not write (a set renamed upstream).
  const setsDir = path.join(root, RESOURCE_DIR, SETS_SUBDIR);
  fs.mkdirSync(setsDir, { recursive: true });
  for (const f of fs.readdirSync(setsDir))
    if (!built.files.has(`${RESOURCE_DIR}/${SETS_SUBDIR}/${f}`)) fs.rmSync(path.join(setsDir, f));
  for (const [rel, content] of built.files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  const rules = built.sets.reduce((n, s) => n + s.rules.length, 0);
  console.log(`criteria:build: ${built.sets.length} sets, ${rules} rules → ${RESOURCE_DIR}/ (from ${sourceDir})`);
}

if (built.unclassified.length > 0) {
  console.log(
    `\n${built.unclassified.length} note(s) mention a rule but match no pattern; they stay plain notes (listed in ${RESOURCE_DIR}/extraction-report.json):`,
  );
  for (const n of built.unclassified) console.log(`  ${n.setKey} ${n.criterionCode ?? '(set)'}: ${n.text}\n    → ${n.reason}`);
}
