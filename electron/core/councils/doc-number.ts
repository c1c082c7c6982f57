import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';

export interface CouncilDocNumber {
  /** The running number in the council's series for that year. */
  number: number;
  year: number;
  /** "05/BB-HĐ": zero-padded below 10, type abbreviation, the council's symbol (NĐ 30/2020, Phụ lục I, II.3). */
  text: string;
}

/**
 * Takes the next number of the council's own document series (a council issuing documents in
 * its own name keeps its own series; DOCUMENTS §1.2). The series restarts at 1 each calendar
 * year. Call inside the transaction that records the document, so a number is never handed out
 * twice or lost; the caller audits the document it numbers.
 */
export async function allocateCouncilDocNumber(db: Kysely<DB>, councilId: number, docType: string, onDate: string): Promise<CouncilDocNumber> {
  if (!/^[A-ZĐ]{1,6}$/u.test(docType)) throw new CoreError('VALIDATION', `docType "${docType}" must be the abbreviation of a document type in capitals, e.g. BB, QĐ, BC`, { field: 'docType' });
  const year = Number(onDate.slice(0, 4));
  const c = await db.selectFrom('council').select(['id', 'doc_symbol', 'doc_next_no', 'doc_series_year']).where('id', '=', councilId).executeTakeFirst();
  if (!c) throw notFound('Council', councilId);
  if (!c.doc_symbol) throw new CoreError('VALIDATION', `Council ${councilId} has no abbreviation for its document numbers (docSymbol); set it on the council first, e.g. "HĐ"`, { field: 'docSymbol' });
  if (c.doc_series_year !== null && year < c.doc_series_year) {
    throw new CoreError('VALIDATION', `The council's series is already in ${c.doc_series_year}; a document dated ${onDate} cannot take a number from it`, { field: 'onDate' });
  }
  const number = c.doc_series_year === year ? c.doc_next_no : 1;
  await db.updateTable('council').set({ doc_next_no: number + 1, doc_series_year: year }).where('id', '=', councilId).execute();
  return { number, year, text: `${String(number).padStart(2, '0')}/${docType}-${c.doc_symbol}` };
}
