/** Signature and seal images per member / council (migration 0012 `signature_image`). */
import crypto from 'node:crypto';
import type { SignatureImage } from '../../../shared/api/channels/signatures';
import type { Transaction } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import type { Write } from '../handlers';
import { checkImage, type ImageProblem } from './image-check';

type Owner = { ownerKind: 'member' | 'council'; ownerId: number; imageKind: 'signature' | 'seal' };

const PROBLEM_TEXT: Record<ImageProblem, string> = {
  'not-png': 'it is not a PNG file',
  'too-large-file': 'the file is larger than 2 MB',
  'too-small': 'it is smaller than 100 × 40 pixels',
  'too-large': 'it is larger than 4000 pixels on a side',
  'no-transparency': 'its background is not transparent (the corners and at least a third of the image must be)',
  empty: 'it holds almost no ink',
  'not-blue': 'a signature image is drawn in blue ink',
  'not-red': 'a seal image is red',
};

async function ownerExists(trx: Transaction<DB>, o: Owner): Promise<void> {
  const table = o.ownerKind === 'member' ? 'council_member' : 'council';
  const row = await trx.selectFrom(table).select('id').where('id', '=', o.ownerId).executeTakeFirst();
  if (!row) throw new CoreError('NOT_FOUND', `${o.ownerKind} ${o.ownerId} does not exist`, { what: o.ownerKind, id: o.ownerId });
  if (o.ownerKind === 'member' && o.imageKind === 'seal')
    throw new CoreError('VALIDATION', 'imageKind: a seal belongs to a council, not to a member');
}

const toImage = (
  o: Owner,
  r: { png: Uint8Array; width_px: number; height_px: number; width_mm: number; sha256: string },
): SignatureImage => ({
  ...o,
  pngBase64: Buffer.from(r.png).toString('base64'),
  widthPx: r.width_px,
  heightPx: r.height_px,
  widthMm: r.width_mm,
  sha256: r.sha256,
});

export async function setSignatureImage(
  w: Write,
  input: Owner & { pngBase64: string; widthMm?: number },
): Promise<SignatureImage> {
  const { trx, at, actor } = w;
  await ownerExists(trx, input);
  const bytes = new Uint8Array(Buffer.from(input.pngBase64, 'base64'));
  const check = checkImage(bytes, input.imageKind);
  if (!check.ok)
    throw new CoreError(
      'VALIDATION',
      `pngBase64: the ${input.imageKind} image cannot be used: ${check.problems.map((p) => PROBLEM_TEXT[p]).join('; ')}`,
      {
        problems: check.problems,
      },
    );
  const widthMm =
    input.widthMm ??
    (check.widthMmFromFile && check.widthMmFromFile >= 10 && check.widthMmFromFile <= 80
      ? check.widthMmFromFile
      : input.imageKind === 'seal'
        ? 36
        : 40);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const row = { png: bytes, width_px: check.widthPx, height_px: check.heightPx, width_mm: widthMm, sha256 };
  await trx
    .insertInto('signature_image')
    .values({
      owner_kind: input.ownerKind,
      owner_id: input.ownerId,
      image_kind: input.imageKind,
      ...row,
      updated_at: at.toISOString(),
      updated_by: actor,
    })
    .onConflict((oc) =>
      oc
        .columns(['owner_kind', 'owner_id', 'image_kind'])
        .doUpdateSet({ ...row, updated_at: at.toISOString(), updated_by: actor }),
    )
    .execute();
  await w.audit({
    action: 'signatures.setImage',
    entity: input.ownerKind,
    entityId: input.ownerId,
    after: { imageKind: input.imageKind, sha256, widthMm },
  });
  return toImage(input, row);
}

export async function getSignatureImage(ctx: CoreContext, o: Owner): Promise<SignatureImage | null> {
  const r = await ctx.db
    .selectFrom('signature_image')
    .selectAll()
    .where('owner_kind', '=', o.ownerKind)
    .where('owner_id', '=', o.ownerId)
    .where('image_kind', '=', o.imageKind)
    .executeTakeFirst();
  return r ? toImage(o, { ...r, png: new Uint8Array(r.png) }) : null;
}

export async function removeSignatureImage(w: Write, o: Owner): Promise<{ removed: boolean }> {
  const { trx } = w;
  const r = await trx
    .deleteFrom('signature_image')
    .where('owner_kind', '=', o.ownerKind)
    .where('owner_id', '=', o.ownerId)
    .where('image_kind', '=', o.imageKind)
    .executeTakeFirst();
  const removed = Number(r.numDeletedRows) > 0;
  if (removed)
    await w.audit({
      action: 'signatures.removeImage',
      entity: o.ownerKind,
      entityId: o.ownerId,
      before: { imageKind: o.imageKind },
    });
  return { removed };
}
