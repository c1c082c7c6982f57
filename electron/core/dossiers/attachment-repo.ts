import type { Kysely, Selectable } from 'kysely';
import type { Attachment } from '../../../shared/api/channels/dossiers-fields';
import type { DB } from '../db/schema';
import type { AttachmentTable } from '../db/tables/dossiers';

const toAttachment = (r: Selectable<AttachmentTable>): Attachment => ({
  id: r.id,
  registrationId: r.registration_id,
  criterionCode: r.criterion_code,
  originalName: r.original_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function listAttachments(db: Kysely<DB>, registrationId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachment')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

export async function getAttachment(db: Kysely<DB>, id: number): Promise<Attachment | undefined> {
  const r = await db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAttachment(r) : undefined;
}

export async function insertAttachment(
  db: Kysely<DB>,
  a: Omit<Attachment, 'id' | 'createdAt' | 'createdBy'>,
  at: string,
  by: string,
): Promise<number> {
  const r = await db
    .insertInto('attachment')
    .values({
      registration_id: a.registrationId,
      criterion_code: a.criterionCode,
      original_name: a.originalName,
      mime: a.mime,
      size: a.size,
      sha256: a.sha256,
      note: a.note,
      created_at: at,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteAttachmentRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('attachment').where('id', '=', id).execute();
}

/** How many rows still point at a stored content (files are shared between identical uploads). */
export async function countBySha(db: Kysely<DB>, sha256: string): Promise<number> {
  const r = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
