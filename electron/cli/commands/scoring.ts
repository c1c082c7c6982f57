import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult, SessionProgress, SessionSpread } from '../../../shared/api/channels/scoring';
import { invoke } from '../../core/api';
import { CoreError } from '../../core/errors';
import type { CliCommand, CliRun } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

function sessionOption(r: CliRun, usage: string): number | null {
  const v = r.values.session;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    r.io.error(`--session S is required: the number of the session (see "sessions list"). Usage: ${usage}`);
    return null;
  }
  return n;
}

const importText = (r: ImportResult): string =>
  [
    r.dryRun
      ? `Checked ${count(r.sheets.length, 'sheet')}: the file can be imported (nothing was written).`
      : `Imported ${count(r.sheets.length, 'sheet')}.`,
    ...r.sheets.map(
      (s) =>
        `  ${s.registrationNo}  ${s.memberName}${s.rescoringRound > 0 ? ` (re-scoring ${s.rescoringRound})` : ''}: ${s.totalPoints} points, ${s.status}${s.sheetId === null ? '' : ` → sheet #${s.sheetId}`}`,
    ),
    ...r.rounds.map((x) => `  ${x.registrationNo}  re-scoring round ${x.roundNo}${x.created ? '' : ' (already here)'}`),
  ].join('\n');

const progressText = (p: SessionProgress): string =>
  [
    'Products:',
    ...p.products.map(
      (x) =>
        `  ${String(x.position).padStart(2)}. ${x.productName}: ${x.submitted}/${x.expected} submitted${x.currentRound > 0 ? `, re-scoring round ${x.currentRound}` : ''}`,
    ),
    'Members:',
    ...p.members.map((m) => `  ${m.fullName}: ${m.submitted}/${m.assigned} submitted${m.present === false ? ' (absent)' : ''}`),
  ].join('\n');

const spreadText = (s: SessionSpread): string =>
  [
    `Spread limit: ${s.limitAllowed ? '≤' : '<'} ${s.limit} points`,
    ...s.products.map(
      (p) =>
        `  ${p.productName}: ${p.totals.length}/${p.expected} sheets, ${p.spread === null ? 'no spread yet' : `spread ${p.spread} (${p.min}–${p.max})`}${p.withinLimit === false ? '  EXCEEDS — discuss and re-score' : ''}${p.currentRound > 0 ? `, round ${p.currentRound}` : ''}`,
    ),
  ].join('\n');

export const scoringCommands: CliCommand[] = [
  {
    name: 'sheets export',
    usage: 'sheets export --session S --out FILE [--data-dir DIR] [--json]',
    summary: 'Write the member score sheets of a session as JSON (docs/formats/score-sheets.md)',
    options: { session: { type: 'string' }, out: { type: 'string' } },
    run: async (r) => {
      const usage = 'sheets export --session S --out FILE';
      const sessionId = sessionOption(r, usage);
      if (sessionId === null) return 2;
      const out = r.values.out;
      if (typeof out !== 'string' || out.trim() === '') {
        r.io.error(`--out FILE is required: where to write the sheets, e.g. --out phien-${sessionId}.json. Usage: ${usage}`);
        return 2;
      }
      const core = await r.core();
      const doc = unwrap(await invoke(core.ctx, 'scoring:export', { sessionId }));
      const file = path.resolve(out);
      fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n', 'utf8');
      r.io.result(
        { file, sheets: doc.sheets.length },
        (v: { file: string; sheets: number }) => `Wrote ${count(v.sheets, 'sheet')} to ${v.file}`,
      );
      return 0;
    },
  },
  {
    name: 'sheets import',
    usage: 'sheets import FILE [--dry-run] [--data-dir DIR] [--json]',
    summary: 'Import member score sheets (all or nothing; --dry-run only checks)',
    options: { 'dry-run': { type: 'boolean' } },
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error('sheets import: give the JSON file to import, e.g. sheets import phien-3.json');
        return 2;
      }
      let document: unknown;
      try {
        document = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
      } catch (e) {
        r.io.error(`sheets import: ${file} could not be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
      const core = await r.core();
      const env = await invoke(core.ctx, 'scoring:import', { document, dryRun: r.values['dry-run'] === true });
      if (!env.ok && env.error.code === 'IMPORT_INVALID' && !r.json) {
        const errors = env.error.details?.errors ?? [];
        r.io.error(`sheets import: ${count(errors.length, 'problem')}; nothing was imported.`);
        for (const e of errors)
          r.io.error(
            `  ${e.row ? `${e.sheet === 'rounds' ? 'round entry' : 'sheet'} ${e.row}, ` : ''}${e.column ?? ''} [${e.code}] ${e.message}`,
          );
        return 1;
      }
      if (!env.ok) throw new CoreError(env.error.code, env.error.message, env.error.details);
      r.io.result(env.value, importText);
      return 0;
    },
  },
  {
    name: 'sheets progress',
    usage: 'sheets progress --session S [--data-dir DIR] [--json]',
    summary: 'Who has submitted which product in a session',
    options: { session: { type: 'string' } },
    run: async (r) => {
      const sessionId = sessionOption(r, 'sheets progress --session S');
      if (sessionId === null) return 2;
      const core = await r.core();
      r.io.result(unwrap(await invoke(core.ctx, 'scoring:progress', { sessionId })), progressText);
      return 0;
    },
  },
  {
    name: 'sheets spread',
    usage: 'sheets spread --session S [--data-dir DIR] [--json]',
    summary: "Spread of members' totals per product against the council's limit",
    options: { session: { type: 'string' } },
    run: async (r) => {
      const sessionId = sessionOption(r, 'sheets spread --session S');
      if (sessionId === null) return 2;
      const core = await r.core();
      r.io.result(unwrap(await invoke(core.ctx, 'scoring:spread', { sessionId })), spreadText);
      return 0;
    },
  },
];
