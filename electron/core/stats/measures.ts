import { sql, type RawBuilder } from 'kysely';
import type { StatsTableId } from '../../../shared/api/channels/stats';
import type { Db } from '../registry/entry-repo';

/**
 * How every number of the statistics is defined: a table is a set of rows (a key of a grouping
 * expression, or a listed predicate) × columns (what is counted, under which condition). The
 * count query and the drill-down are built from the SAME expressions, so the entries listed under
 * a number are exactly the ones it counts; the test recomputes every number independently.
 */

export type Pred = RawBuilder<unknown>;
export type Measure = 'entries' | 'producers' | 'products';

export type ColSpec =
  | { key: string; kind: 'measure'; measure: Measure; pred: Pred | ((rowKey: string) => Pred) }
  /** A measure whose kind and condition come from the row (plan targets). */
  | { key: string; kind: 'rowMeasure' }
  /** Share of another column: over the total row, or over another column of the same row. */
  | { key: string; kind: 'percent'; of: string; over: 'total' | string }
  /** Change of `of` from the previous row (rows are years). */
  | { key: string; kind: 'change' | 'changePercent'; of: string }
  /** A number given by the row (a target), not counted. */
  | { key: string; kind: 'number' };

export interface ListedRow {
  key: string;
  pred: Pred;
  /** For 'rowMeasure' columns. */
  measure?: Measure;
  number?: number;
}

export interface TableSpec {
  id: StatsTableId;
  base: Pred;
  /** Grouped tables: the row key of an entry (text). */
  group?: Pred;
  /** Listed tables: one predicate per row. */
  rows?: ListedRow[];
  columns: ColSpec[];
  total: boolean;
}

export interface Period {
  yearFrom: number;
  yearTo: number;
  roundNo: number | null;
  on: string;
}

// ───────────────────────────── predicates ─────────────────────────────

export const TRUE: Pred = sql`1 = 1`;
export const DECIDED: Pred = sql`e.state IN ('recognised', 'superseded', 'revoked')`;
/** Recognised in the period: 3★ or more with a decision (later superseded or revoked included: it was recognised). */
export const RANKED: Pred = sql`(e.star >= 3 AND ${DECIDED})`;
export const PROPOSED: Pred = sql`e.state = 'proposed'`;
export const NOT_RANKED: Pred = sql`e.state = 'not_recognised'`;
export const starIs = (n: number): Pred => sql`(${RANKED} AND e.star = ${n})`;
export const kindIs = (k: string): Pred => sql`(${RANKED} AND e.kind = ${k})`;
/** The certificate is in force on `on` (registry-status.ts certificateInForce). */
export const inForce = (on: string): Pred =>
  sql`(${DECIDED} AND e.valid_from <= ${on} AND e.valid_to >= ${on} AND (e.ended_on IS NULL OR e.ended_on > ${on}))`;
export const and = (...ps: Pred[]): Pred => sql`(${sql.join(ps, sql` AND `)})`;

export const periodBase = (p: Period): Pred =>
  p.roundNo === null
    ? sql`(e.state <> 'withdrawn' AND e.year BETWEEN ${p.yearFrom} AND ${p.yearTo})`
    : sql`(e.state <> 'withdrawn' AND e.year BETWEEN ${p.yearFrom} AND ${p.yearTo} AND e.round_no = ${p.roundNo})`;
/** Tables about the registry as a whole (certificates in force, targets) ignore the period's years. */
export const ALL: Pred = sql`e.state <> 'withdrawn'`;

const predOf = (c: { pred: Pred | ((rowKey: string) => Pred) }, rowKey: string): Pred =>
  typeof c.pred === 'function' ? c.pred(rowKey) : c.pred;

function agg(measure: Measure, pred: Pred): Pred {
  switch (measure) {
    case 'entries':
      return sql`SUM(CASE WHEN ${pred} THEN 1 ELSE 0 END)`;
    case 'producers':
      return sql`COUNT(DISTINCT CASE WHEN ${pred} THEN e.producer_key END)`;
    case 'products':
      return sql`COUNT(DISTINCT CASE WHEN ${pred} THEN e.root_id END)`;
  }
}

/** Counted values: row key → column key → number (the total row under key ""). */
export type Counts = Map<string, Map<string, number>>;

/** The key of a table's total row (no group key can look like it: keys are years, stars, codes, names). */
export const TOTAL_KEY = '__total__';

type Row = Record<string, number | string | null>;
export interface CountQuery {
  /** null: computed from what the earlier statements read (totals of counts). */
  query: RawBuilder<Row> | null;
  read: (rows: Row[], out: Counts) => void;
}

/** The SQL that counts a table (one to three statements), and how its result fills the counts. */
export function countQueries(t: TableSpec): CountQuery[] {
  const qs: CountQuery[] = [];
  const measures = t.columns.filter((c): c is Extract<ColSpec, { kind: 'measure' }> => c.kind === 'measure');
  if (t.group && measures.length > 0) {
    const cols = measures.map((c, i) => sql`${agg(c.measure, predOf(c, ''))} AS ${sql.ref(`c${i}`)}`);
    qs.push({
      query: sql<Row>`SELECT ${t.group} AS k, ${sql.join(cols)} FROM registry_entry e WHERE ${t.base} GROUP BY k`,
      read: (rows, out) => {
        for (const row of rows) out.set(String(row.k), new Map(measures.map((c, i) => [c.key, Number(row[`c${i}`] ?? 0)])));
      },
    });
  } else if (t.rows) {
    const parts: Pred[] = [];
    const names: [string, string, number][] = [];
    for (const row of t.rows) {
      for (const c of t.columns) {
        if (c.kind !== 'measure' && c.kind !== 'rowMeasure') continue;
        const pred = c.kind === 'measure' ? and(row.pred, predOf(c, row.key)) : row.pred;
        const measure = c.kind === 'measure' ? c.measure : (row.measure ?? 'entries');
        names.push([row.key, c.key, parts.length]);
        parts.push(sql`${agg(measure, pred)} AS ${sql.ref(`v${parts.length}`)}`);
      }
    }
    if (parts.length > 0) {
      qs.push({
        query: sql<Row>`SELECT ${sql.join(parts)} FROM registry_entry e WHERE ${t.base}`,
        read: (rows, out) => {
          const v = rows[0] ?? {};
          for (const [rowKey, colKey, i] of names) {
            if (!out.has(rowKey)) out.set(rowKey, new Map());
            out.get(rowKey)!.set(colKey, Number(v[`v${i}`] ?? 0));
          }
        },
      });
    }
  }
  // Counts of entries add up over the groups (they split the base); distinct producers or products do not.
  const distinctMeasures = measures.filter((c) => c.measure !== 'entries');
  if (t.total && t.group && measures.length > 0 && distinctMeasures.length === 0) {
    qs.push({
      query: null,
      read: (_rows, out) => {
        const total = new Map<string, number>(measures.map((c) => [c.key, 0]));
        for (const [k, m] of out)
          if (k !== TOTAL_KEY) for (const c of measures) total.set(c.key, total.get(c.key)! + (m.get(c.key) ?? 0));
        out.set(TOTAL_KEY, total);
      },
    });
  } else if (t.total && measures.length > 0) {
    const cols = measures.map((c, i) => sql`${agg(c.measure, predOf(c, TOTAL_KEY))} AS ${sql.ref(`c${i}`)}`);
    qs.push({
      query: sql<Row>`SELECT ${sql.join(cols)} FROM registry_entry e WHERE ${t.base}`,
      read: (rows, out) => {
        const v = rows[0] ?? {};
        out.set(TOTAL_KEY, new Map(measures.map((c, i) => [c.key, Number(v[`c${i}`] ?? 0)])));
      },
    });
  }
  return qs;
}

export async function countTable(db: Db, t: TableSpec): Promise<Counts> {
  const out: Counts = new Map();
  for (const row of t.rows ?? []) out.set(row.key, new Map());
  for (const q of countQueries(t)) q.read(q.query ? (await q.query.execute(db)).rows : [], out);
  return out;
}

/** The WHERE and the measure behind one cell; null for numbers that are not counts (targets, changes). */
export function cellQuery(t: TableSpec, rowKey: string, colKey: string): { where: Pred; measure: Measure } | null {
  let col = t.columns.find((c) => c.key === colKey);
  if (!col) return null;
  if (col.kind === 'percent' || col.kind === 'change' || col.kind === 'changePercent') {
    col = t.columns.find((c) => c.key === (col as { of: string }).of);
    if (!col) return null;
  }
  if (col.kind === 'number') return null;
  const isTotal = rowKey === TOTAL_KEY;
  if (t.group) {
    if (col.kind !== 'measure') return null;
    const pred = predOf(col, rowKey);
    return { where: isTotal ? and(t.base, pred) : and(t.base, sql`${t.group} = ${rowKey}`, pred), measure: col.measure };
  }
  const row = t.rows?.find((r) => r.key === rowKey);
  if (!row) return null;
  if (col.kind === 'rowMeasure') return { where: and(t.base, row.pred), measure: row.measure ?? 'entries' };
  if (col.kind !== 'measure') return null;
  return { where: and(t.base, row.pred, predOf(col, rowKey)), measure: col.measure };
}
