import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { contract, type Channel } from '../../../shared/api/contract';

/**
 * The contract fuzz's inputs and database checks, shared by the loopback bridge's fuzz
 * (contract-fuzz.test.ts) and the meeting-room listener's (lan/lan-fuzz.test.ts).
 */

/**
 * Rows changed by this connection so far: when it has not moved, nothing was written (cheap);
 * when it has, the full fingerprint decides (a write rolled back also moves it).
 */
export const changedRows = (sqlite: Database.Database): number =>
  sqlite.prepare('SELECT total_changes()').pluck().get() as number;

/**
 * A hash of every row of every table: equal before and after = nothing was written. `ignore`:
 * tables a refused call may still touch by design (a device's "last seen").
 */
export function databaseFingerprint(sqlite: Database.Database, ignore: readonly string[] = []): string {
  const h = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    if (ignore.includes(t)) continue;
    h.update(t);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}"`).raw().iterate())
      h.update(
        JSON.stringify(row, (_k, v: unknown) =>
          typeof v === 'bigint' ? String(v) : v instanceof Buffer ? v.toString('hex') : v,
        ),
      );
  }
  return h.digest('hex');
}

/** One JSON value per wrong type; the field's own type is skipped by the schema check below. */
const WRONG_TYPES = [
  '0',
  '-1',
  '1.5',
  '1e309',
  '-1e309',
  '9007199254740993',
  'true',
  'null',
  '"x"',
  '""',
  '[]',
  '{}',
  '[1,"a",null]',
  '{"a":{"b":1}}',
];
const HOSTILE_TEXT = [
  JSON.stringify('a\u0000b'),
  '"\\ud800"',
  '"x\\udfffy"',
  JSON.stringify('Nguye\u0302\u0303n'), // NFD: valid, normalised
  JSON.stringify('<script>alert(1)</script>'),
  JSON.stringify("'; DROP TABLE audit_log; --"),
  JSON.stringify('"*" OR 1=1 NEAR'),
];
const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const PROTO = [
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"__proto__":null}',
  '{"prototype":1,"toString":"x","hasOwnProperty":1}',
];

/** Inputs generated from the channel's own input schema (see contract-fuzz.test.ts). */
export function casesFor(channel: Channel): string[] {
  const schema = contract[channel].input as z.ZodObject;
  const fields = Object.keys(schema.shape);
  const out = ['null', '[]', '"text"', '42', 'true', '{"unknownField":1}', ...PROTO, nested(60), nested(100)];
  for (const f of fields) {
    const key = JSON.stringify(f);
    for (const w of [...WRONG_TYPES, ...HOSTILE_TEXT]) out.push(`{${key}:${w}}`);
    out.push(`{${key}:${nested(40)}}`);
    out.push(`{${key}:${JSON.stringify('x'.repeat(100_000))}}`);
    out.push(`{${key}:[${Array.from({ length: 20_000 }, () => '1').join(',')}]}`);
    out.push(`{${key}:1,${key}:"dup"}`);
  }
  return out;
}
