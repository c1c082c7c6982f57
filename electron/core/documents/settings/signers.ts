/**
 * Who signs each document, as data (issue 13): per kind, the authority line (TM./KT./Q./TL./TUQ.),
 * the title, an office line and the name. Built-in defaults follow Decree 30 (Phụ lục III, Mẫu
 * 1.9) and provincial practice, the same across documents: the minutes and their annex (the
 * summary) are signed THƯ KÝ | CHỦ TỌA; the decision and the certificates by the Chairman of the
 * provincial People's Committee, by default through a vice-chairman (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).
 * A council may set its own defaults (table council_document_signer); a session's saved print
 * details override both.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CouncilSigner, SettingsKind, SignerSettings, SignerSlot } from '../../../../shared/api/channels/document-settings';
import type { DB } from '../../db/schema';

export type SignerKey = `${SettingsKind}:${SignerSlot}`;

/** The slots each kind prints. */
export const SIGNER_SLOTS: readonly { kind: SettingsKind; slot: SignerSlot }[] = [
  { kind: 'minutes', slot: 'main' },
  { kind: 'minutes', slot: 'secretary' },
  { kind: 'summary', slot: 'main' },
  { kind: 'summary', slot: 'secretary' },
  { kind: 'decision', slot: 'main' },
  { kind: 'certificate', slot: 'main' },
];

const blank = { officeLine: '', name: '' };

/** Decree 30 and provincial practice, consistent across documents. */
export function builtInSigner(kind: SettingsKind, slot: SignerSlot): SignerSettings {
  if (slot === 'secretary') return { authority: '', title: 'THƯ KÝ', ...blank };
  switch (kind) {
    case 'minutes':
    case 'summary':
      return { authority: '', title: 'CHỦ TỌA', ...blank };
    case 'decision':
    case 'certificate':
      return { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', ...blank };
  }
}

export async function councilSigners(db: Kysely<DB> | Transaction<DB>, councilId: number): Promise<CouncilSigner[]> {
  const rows = await db.selectFrom('council_document_signer').selectAll().where('council_id', '=', councilId).execute();
  return SIGNER_SLOTS.map(({ kind, slot }) => {
    const r = rows.find((x) => x.kind === kind && x.slot === slot);
    return r
      ? { kind, slot, custom: true, signer: { authority: r.authority, title: r.title, officeLine: r.office_line, name: r.name } }
      : { kind, slot, custom: false, signer: builtInSigner(kind, slot) };
  });
}

export const signerMap = (list: CouncilSigner[]): Map<SignerKey, CouncilSigner> =>
  new Map(list.map((s) => [`${s.kind}:${s.slot}` as SignerKey, s]));

export async function writeCouncilSigner(
  trx: Transaction<DB>,
  v: { councilId: number; kind: SettingsKind; slot: SignerSlot; signer: SignerSettings | null; at: string },
): Promise<void> {
  if (v.signer === null) {
    await trx
      .deleteFrom('council_document_signer')
      .where('council_id', '=', v.councilId)
      .where('kind', '=', v.kind)
      .where('slot', '=', v.slot)
      .execute();
    return;
  }
  const row = {
    authority: v.signer.authority,
    title: v.signer.title,
    office_line: v.signer.officeLine,
    name: v.signer.name,
    updated_at: v.at,
  };
  await trx
    .insertInto('council_document_signer')
    .values({ council_id: v.councilId, kind: v.kind, slot: v.slot, ...row })
    .onConflict((oc) => oc.columns(['council_id', 'kind', 'slot']).doUpdateSet(row))
    .execute();
}
