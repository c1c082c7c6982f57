import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Council, CouncilLevel } from '../../../shared/api/channels/councils';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import type { CouncilTable } from '../db/tables/councils';
import { notFound } from '../errors';

/** Maps a council row; exported for the list query (council-detail.ts), which selects rows with counts beside them. */
export function toCouncil(r: Selectable<CouncilTable>): Council {
  return {
    id: r.id,
    name: r.name,
    level: r.level as CouncilLevel,
    parentCouncilId: r.parent_council_id,
    issuerParent: r.issuer_parent,
    issuerNameLines: JSON.parse(r.issuer_name_lines_json) as string[],
    docSymbol: r.doc_symbol,
    placeName: r.place_name,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    decisionSigner: r.decision_signer,
    decisionSignerTitle: r.decision_signer_title,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findCouncil(db: Kysely<DB>, id: number): Promise<Council | undefined> {
  const row = await db.selectFrom('council').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCouncil(row);
}

export async function getCouncil(db: Kysely<DB>, id: number): Promise<Council> {
  const council = await findCouncil(db, id);
  if (!council) throw notFound('Council', id);
  return council;
}

export interface CouncilWrite {
  name: string;
  level: CouncilLevel;
  parentCouncilId: number | null;
  issuerParent: string;
  issuerNameLines: string[];
  docSymbol: string;
  placeName: string;
  decisionNo: string;
  decisionDate: string | null;
  decisionSigner: string;
  decisionSignerTitle: string;
  note: string;
}

export async function insertCouncil(trx: Transaction<DB>, c: CouncilWrite, at: string): Promise<number> {
  const res = await trx
    .insertInto('council')
    .values({
      name: c.name,
      name_folded: foldForSearch(c.name),
      level: c.level,
      parent_council_id: c.parentCouncilId,
      issuer_parent: c.issuerParent,
      issuer_name_lines_json: JSON.stringify(c.issuerNameLines),
      doc_symbol: c.docSymbol,
      doc_next_no: 1,
      doc_series_year: null,
      place_name: c.placeName,
      decision_no: c.decisionNo,
      decision_date: c.decisionDate,
      decision_signer: c.decisionSigner,
      decision_signer_title: c.decisionSignerTitle,
      note: c.note,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return res.id;
}

export async function updateCouncilFields(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<Omit<CouncilWrite, 'level' | 'parentCouncilId'>>,
  at: string,
): Promise<void> {
  const set: Updateable<CouncilTable> = { updated_at: at };
  if (patch.name !== undefined) {
    set.name = patch.name;
    set.name_folded = foldForSearch(patch.name);
  }
  if (patch.issuerParent !== undefined) set.issuer_parent = patch.issuerParent;
  if (patch.issuerNameLines !== undefined) set.issuer_name_lines_json = JSON.stringify(patch.issuerNameLines);
  if (patch.docSymbol !== undefined) set.doc_symbol = patch.docSymbol;
  if (patch.placeName !== undefined) set.place_name = patch.placeName;
  if (patch.decisionNo !== undefined) set.decision_no = patch.decisionNo;
  if (patch.decisionDate !== undefined) set.decision_date = patch.decisionDate;
  if (patch.decisionSigner !== undefined) set.decision_signer = patch.decisionSigner;
  if (patch.decisionSignerTitle !== undefined) set.decision_signer_title = patch.decisionSignerTitle;
  if (patch.note !== undefined) set.note = patch.note;
  await trx.updateTable('council').set(set).where('id', '=', id).execute();
}
