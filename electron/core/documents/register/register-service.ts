/** The register's queries: the list with filters, an issued file in chunks, and verify of an uploaded file. */
import type { ChannelParsedInput } from '../../../../shared/api/contract';
import type { RegisterFileOutput, VerifyReport } from '../../../../shared/api/channels/document-register';
import type { CoreContext } from '../../context';
import { notFound } from '../../errors';
import { readIssued } from './issued-store';
import { issueById, listIssues } from './register-repo';
import { verifyFile } from './verify-service';

/** 8 MiB of file a call (a session's sheets can be 100+ MB). */
const CHUNK = 8 * 1024 * 1024;

export const listRegister = (ctx: CoreContext, input: ChannelParsedInput<'documents:register'>) => listIssues(ctx.db, input);

/** One chunk of an issued file, read back from the data folder only if its hash still matches. */
export async function registerFile(
  ctx: CoreContext,
  input: ChannelParsedInput<'documents:registerFile'>,
): Promise<RegisterFileOutput> {
  const entry = await issueById(ctx.db, input.id);
  if (!entry) throw notFound('Issued document', input.id);
  const file = readIssued(ctx.paths.issuedDir, entry.sha256);
  const chunk = file.subarray(input.offset, input.offset + CHUNK);
  const next = input.offset + chunk.length;
  return { entry, offset: input.offset, chunkBase64: chunk.toString('base64'), nextOffset: next < file.length ? next : null };
}

export const verifyUpload = (ctx: CoreContext, input: ChannelParsedInput<'documents:verify'>): Promise<VerifyReport> =>
  verifyFile(ctx, new Uint8Array(Buffer.from(input.fileBase64, 'base64')));
