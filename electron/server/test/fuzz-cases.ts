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

/** The value cases one field gets (each a whole input object holding only that field). */
function fieldCases(key: string): string[] {
  return [
    ...[...WRONG_TYPES, ...HOSTILE_TEXT].map((w) => `{${key}:${w}}`),
    `{${key}:${nested(40)}}`,
    `{${key}:${JSON.stringify('x'.repeat(100_000))}}`,
    `{${key}:[${Array.from({ length: 20_000 }, () => '1').join(',')}]}`,
    `{${key}:1,${key}:"dup"}`,
  ];
}
/** How many kinds of value case there are for a field (wrong types, hostile text, huge, nested, duplicate key). */
export const FIELD_CASE_KINDS = fieldCases('"k"').length;

/**
 * How deep a fuzz run goes. `full`: every case for every field of every channel. `sample`: one
 * case kind in SAMPLE_EVERY per channel (plus an unknown field, always) and per field, rotated by
 * the caller's `rotation` (the channel's position in the run) and the field's position, so that
 * over four or more channels every kind still reaches a handler. The meeting-room listener's fuzz
 * samples by default (a TLS handshake per call made its full run take 1–3 minutes of `npm test` on
 * the shared machine); `OCOP_FUZZ=full` runs everything.
 */
export type FuzzDepth = 'full' | 'sample';
export const fuzzDepthFromEnv = (): FuzzDepth => (process.env.OCOP_FUZZ === 'full' ? 'full' : 'sample');
export const SAMPLE_EVERY = 4;

const kinds = (n: number, depth: FuzzDepth, rotation: number, always: number[] = []): number[] =>
  Array.from({ length: n }, (_, j) => j).filter(
    (j) => depth === 'full' || always.includes(j) || (j + rotation) % SAMPLE_EVERY === 0,
  );

/** The input fields of a channel, as its schema declares them. */
export const inputFields = (channel: Channel): string[] => Object.keys((contract[channel].input as z.ZodObject).shape);

/** Whole inputs that are not the channel's object at all, or an object no channel accepts. */
const CHANNEL_CASES = ['{"unknownField":1}', 'null', '[]', '"text"', '42', 'true', ...PROTO, nested(60), nested(100)];
export const CHANNEL_CASE_KINDS = CHANNEL_CASES.length;

/** One generated input and which kind of case it is (to check what a sampled run covered). */
export interface FuzzCase {
  body: string;
  kind: `channel:${number}` | `field:${number}`;
}

/**
 * Inputs generated from the channel's own input schema (see contract-fuzz.test.ts), with the kinds
 * of case each channel-level and field case is (indices, to check what a sampled run covered).
 */
export function fuzzCases(channel: Channel, depth: FuzzDepth = 'full', rotation = 0): FuzzCase[] {
  const out: FuzzCase[] = kinds(CHANNEL_CASE_KINDS, depth, rotation, [0]).map((j) => ({
    body: CHANNEL_CASES[j]!,
    kind: `channel:${j}`,
  }));
  for (const [i, f] of inputFields(channel).entries()) {
    const cases = fieldCases(JSON.stringify(f));
    for (const j of kinds(FIELD_CASE_KINDS, depth, rotation + i + 1)) out.push({ body: cases[j]!, kind: `field:${j}` });
  }
  return out;
}

/** The bodies of fuzzCases: every case unless sampled. */
export const casesFor = (channel: Channel, depth: FuzzDepth = 'full', rotation = 0): string[] =>
  fuzzCases(channel, depth, rotation).map((c) => c.body);
