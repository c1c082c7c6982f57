import type { documentRegisterChannels } from '../../../../shared/api/channels/document-register';
import { notFound } from '../../errors';
import { actorOf, type AreaHandlers } from '../../handlers';
import { issueDocument } from './issue-service';
import { readIssued } from './issued-store';
import { issueById, listIssues } from './register-repo';
import { verifyFile } from './verify-service';

/** 8 MiB of file a call (a session's sheets can be 100+ MB). */
const CHUNK = 8 * 1024 * 1024;

export const documentRegisterHandlers: AreaHandlers<typeof documentRegisterChannels> = {
  'documents:issue': (input, ctx, meta) => issueDocument({ ctx, actor: actorOf(ctx, meta) }, input),
  'documents:register': (input, ctx) => listIssues(ctx.db, input),
  'documents:registerFile': async (input, ctx) => {
    const entry = await issueById(ctx.db, input.id);
    if (!entry) throw notFound('Issued document', input.id);
    const file = readIssued(ctx.paths.issuedDir, entry.sha256);
    const chunk = file.subarray(input.offset, input.offset + CHUNK);
    const next = input.offset + chunk.length;
    return { entry, offset: input.offset, chunkBase64: chunk.toString('base64'), nextOffset: next < file.length ? next : null };
  },
  'documents:verify': (input, ctx) => verifyFile(ctx, new Uint8Array(Buffer.from(input.fileBase64, 'base64'))),
};
