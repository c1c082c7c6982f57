/**
 * A council's document-number series per kind and year (NĐ 30: an advisory council that issues
 * documents in its own name keeps its own series, restarting every year). The counter only moves
 * forward and every number handed out is written to a ledger with a unique key, so a number is
 * never given twice — even by two callers at once (SQLite runs the transactions one at a time).
 */
import type { Kysely } from 'kysely';
import type { NumberedKind, NumberSeriesView } from '../../../../shared/api/channels/document-settings';
import { checkNumberPattern, defaultNumberPattern, formatDocNumber, symbolOf } from '../../../../shared/ocop/document-number';
import type { DB } from '../../db/schema';
import { CoreError, notFound } from '../../errors';

export interface SeriesPattern {
  pattern: string;
  custom: boolean;
}

async function councilSymbol(db: Kysely<DB>, councilId: number): Promise<string> {
  const c = await db.selectFrom('council').select('doc_symbol').where('id', '=', councilId).executeTakeFirst();
  if (!c) throw notFound('Council', councilId);
  return c.doc_symbol;
}

/** The council's pattern for a kind, or the default built from its abbreviation ("{n}/BB-HĐ"). */
export async function seriesPattern(db: Kysely<DB>, councilId: number, kind: NumberedKind): Promise<SeriesPattern> {
  const row = await db
    .selectFrom('document_number_format')
    .select('pattern')
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (row) return { pattern: row.pattern, custom: true };
  return { pattern: defaultNumberPattern(kind, await councilSymbol(db, councilId)), custom: false };
}

/** The number the series would hand out next for that year (1 when none was handed out yet). */
export async function nextNumber(db: Kysely<DB>, councilId: number, kind: NumberedKind, year: number): Promise<number> {
  const row = await db
    .selectFrom('document_number_counter')
    .select('next_no')
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.next_no ?? 1;
}

export async function seriesView(db: Kysely<DB>, councilId: number, kind: NumberedKind, year: number): Promise<NumberSeriesView> {
  const p = await seriesPattern(db, councilId, kind);
  return { councilId, kind, pattern: p.pattern, custom: p.custom, year, nextNumber: await nextNumber(db, councilId, kind, year) };
}

async function setCounter(db: Kysely<DB>, councilId: number, kind: NumberedKind, year: number, next: number): Promise<void> {
  await db
    .insertInto('document_number_counter')
    .values({ council_id: councilId, kind, year, next_no: next })
    .onConflict((oc) => oc.columns(['council_id', 'kind', 'year']).doUpdateSet({ next_no: next }))
    .execute();
}

export interface AllocatedNumber {
  number: number;
  symbol: string;
  year: number;
  /** "05/BB-HĐ". */
  text: string;
}

/** Hands out the next number; call inside the transaction that stores it in the document's settings. */
export async function allocateNumber(
  trx: Kysely<DB>,
  a: { councilId: number; kind: NumberedKind; year: number; sessionId: number; at: string; actor: string },
): Promise<AllocatedNumber> {
  const { pattern } = await seriesPattern(trx, a.councilId, a.kind);
  const number = await nextNumber(trx, a.councilId, a.kind, a.year);
  if (number > 999_999)
    throw new CoreError('CONFLICT', `The ${a.kind} series of council ${a.councilId} for ${a.year} is used up (999999)`, {
      field: 'number',
    });
  const symbol = symbolOf(pattern, a.year);
  const text = formatDocNumber(number, symbol);
  await trx
    .insertInto('document_number')
    .values({
      council_id: a.councilId,
      kind: a.kind,
      year: a.year,
      number,
      text,
      session_id: a.sessionId,
      allocated_at: a.at,
      allocated_by: a.actor,
    })
    .execute();
  await setCounter(trx, a.councilId, a.kind, a.year, number + 1);
  return { number, symbol, year: a.year, text };
}

/**
 * Sets the pattern of a kind and, optionally, where the series continues this year (e.g. the
 * council already numbered four minutes on paper: next 5). Moving a series back is refused:
 * it would hand out a number again.
 */
export async function setSeries(
  trx: Kysely<DB>,
  s: { councilId: number; kind: NumberedKind; pattern: string; year: number; nextNumber?: number | undefined; at: string },
): Promise<void> {
  await councilSymbol(trx, s.councilId);
  const check = checkNumberPattern(s.pattern);
  if (!check.ok) throw new CoreError('VALIDATION', check.message, { field: 'pattern' });
  await trx
    .insertInto('document_number_format')
    .values({ council_id: s.councilId, kind: s.kind, pattern: s.pattern, updated_at: s.at })
    .onConflict((oc) => oc.columns(['council_id', 'kind']).doUpdateSet({ pattern: s.pattern, updated_at: s.at }))
    .execute();
  if (s.nextNumber === undefined) return;
  const current = await nextNumber(trx, s.councilId, s.kind, s.year);
  if (s.nextNumber < current) {
    throw new CoreError(
      'CONFLICT',
      `nextNumber: the ${s.kind} series for ${s.year} has already handed out numbers up to ${current - 1}; the next number must be ${current} or more (a number is never given twice)`,
      { field: 'nextNumber' },
    );
  }
  await setCounter(trx, s.councilId, s.kind, s.year, s.nextNumber);
}
