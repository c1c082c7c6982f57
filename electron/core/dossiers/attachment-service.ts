import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/channels/dossiers';
import type { Attachment } from '../../../shared/api/channels/dossiers-fields';
import { findCriterion } from '../../../shared/ocop/criteria-set-walk';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { CoreError, notFound } from '../errors';
import { runWrite, type Call } from '../handlers';
import { countBySha, deleteAttachmentRow, getAttachment, insertAttachment, listAttachments } from './attachment-repo';
import { readContent, removeContent, storeContent } from './attachment-store';
import { setVersionContent } from './criteria-pin';
import { fieldError, withTriggerErrors } from './dossier-common';
import { checkFileType } from './file-type';
import { getRegistrationRecord } from './registration-repo';

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Decodes and checks an upload: size limit first (with both sizes in the message), then type. */
export function checkUpload(fileName: string, contentBase64: string): { content: Buffer; mime: string } {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new CoreError(
      'PAYLOAD_TOO_LARGE',
      `file "${fileName}" is ${mb(content.byteLength)} MB; evidence files may be at most ${mb(MAX_ATTACHMENT_BYTES)} MB. Compress it or split it into parts.`,
      { field: 'contentBase64', fileName, size: content.byteLength, limit: MAX_ATTACHMENT_BYTES },
    );
  }
  if (content.byteLength === 0) throw fieldError('contentBase64', `file "${fileName}" is empty`);
  const type = checkFileType(fileName, content);
  if (!type.ok) {
    throw new CoreError(
      'UNSUPPORTED_MEDIA_TYPE',
      type.reason === 'extension'
        ? `file "${fileName}": only these types can be attached: ${type.expected}`
        : `file "${fileName}" is not a real ${type.expected} file (its content does not match the name); save it again as ${type.expected}`,
      { field: 'fileName', fileName, reason: type.reason },
    );
  }
  return { content, mime: type.mime };
}

/**
 * A task: the upload is decoded and checked before the transaction opens (a 20 MB file does not
 * hold the connection), then the content file is stored and its row written in one `runWrite`.
 */
export async function addAttachment(call: Call, a: ChannelParsedInput<'attachments:add'>): Promise<Attachment> {
  const { content, mime } = checkUpload(a.fileName, a.contentBase64);
  return withTriggerErrors(() =>
    runWrite(call, async (w) => {
      const r = await getRegistrationRecord(w.trx, a.registrationId);
      if (!r) throw notFound('registration', a.registrationId);
      if (isFrozenStatus(r.status as RegistrationStatus))
        throw new CoreError('IMMUTABLE', `registration #${a.registrationId} has been evaluated; evidence can no longer be added`);
      if (
        a.criterionCode !== null &&
        !findCriterion(await setVersionContent(w.trx, r.criteria_set_version_id), a.criterionCode)
      ) {
        throw fieldError('criterionCode', `criterion ${a.criterionCode} is not in the registration's criteria set`);
      }
      // Written before the row commits; if the transaction fails the stored copy is harmless
      // (content-addressed, found again by the next upload of the same file).
      const { sha256 } = storeContent(w.ctx.paths.attachmentsDir, content);
      const id = await insertAttachment(
        w.trx,
        {
          registrationId: a.registrationId,
          criterionCode: a.criterionCode,
          originalName: a.fileName,
          mime,
          size: content.byteLength,
          sha256,
          note: a.note,
        },
        w.at.toISOString(),
        w.actor,
      );
      const after = (await getAttachment(w.trx, id))!;
      await w.audit({ action: 'attachments.add', entity: 'attachment', entityId: id, after });
      return after;
    }),
  );
}

export async function attachmentContent(
  ctx: CoreContext,
  { id }: ChannelParsedInput<'attachments:content'>,
): Promise<{ attachment: Attachment; contentBase64: string }> {
  const attachment = await getAttachment(ctx.db, id);
  if (!attachment) throw notFound('attachment', id);
  return { attachment, contentBase64: readContent(ctx.paths.attachmentsDir, attachment.sha256).toString('base64') };
}

/**
 * Removes evidence while the dossier is open. A task: the stored copy goes after the commit, and
 * only when no other row uses it.
 */
export async function removeAttachment(call: Call, { id }: ChannelParsedInput<'attachments:remove'>): Promise<{ removed: true }> {
  const orphan = await withTriggerErrors(() =>
    runWrite(call, async (w) => {
      const before = await getAttachment(w.trx, id);
      if (!before) throw notFound('attachment', id);
      const r = (await getRegistrationRecord(w.trx, before.registrationId))!;
      if (isFrozenStatus(r.status as RegistrationStatus))
        throw new CoreError(
          'IMMUTABLE',
          `registration #${before.registrationId} has been evaluated; its evidence can no longer be removed`,
        );
      await deleteAttachmentRow(w.trx, id);
      await w.audit({ action: 'attachments.remove', entity: 'attachment', entityId: id, before });
      return (await countBySha(w.trx, before.sha256)) === 0 ? before.sha256 : null;
    }),
  );
  if (orphan) removeContent(call.ctx.paths.attachmentsDir, orphan);
  return { removed: true };
}

export async function attachmentsOf(
  ctx: CoreContext,
  { registrationId }: ChannelParsedInput<'attachments:list'>,
): Promise<Attachment[]> {
  if (!(await getRegistrationRecord(ctx.db, registrationId))) throw notFound('registration', registrationId);
  return listAttachments(ctx.db, registrationId);
}
