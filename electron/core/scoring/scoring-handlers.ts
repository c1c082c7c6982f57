import type { scoringChannels } from '../../../shared/api/channels/scoring';
import { appendAudit } from '../audit/audit-repo';
import { notFound } from '../errors';
import { actorOf, type AreaHandlers } from '../handlers';
import { assignments, identify, openSheet, scoringMembers, sessionProgress } from './assignment-service';
import { sheetContext } from './context-service';
import { exportSheets, importSheets, previewImport } from './exchange-service';
import { hashPin } from './member-pin';
import { commitPaper, paperState, savePaperEntry } from './paper-service';
import { saveChange, sheetView, submitSheet, undoLast, unlockSheet } from './sheet-service';
import { openRescoring, productSheets, sessionSpread } from './spread-service';
import { keepPreviousSheet } from './keep-previous';

export const scoringHandlers: AreaHandlers<typeof scoringChannels> = {
  'scoring:members': (input, ctx) => scoringMembers(ctx.db, input.sessionId),
  'scoring:identify': (input, ctx) => identify(ctx.db, input.sessionId, input.memberId, input.pin),
  'scoring:setPin': (input, ctx, meta) =>
    ctx.db.transaction().execute(async (trx) => {
      const m = await trx
        .selectFrom('council_member')
        .select(['id', 'full_name', 'pin_hash'])
        .where('id', '=', input.memberId)
        .executeTakeFirst();
      if (!m) throw notFound('Council member', input.memberId);
      await trx
        .updateTable('council_member')
        .set({ pin_hash: input.pin === null ? null : hashPin(input.pin) })
        .where('id', '=', input.memberId)
        .execute();
      // The PIN itself never reaches the log: only whether one is set.
      await appendAudit(trx, ctx.now(), {
        actor: actorOf(ctx, meta),
        action: 'scoring.pin.set',
        entity: 'council_member',
        entityId: input.memberId,
        before: { hasPin: m.pin_hash !== null },
        after: { hasPin: input.pin !== null },
      });
      return { memberId: input.memberId, hasPin: input.pin !== null };
    }),
  'scoring:assignments': (input, ctx) => assignments(ctx.db, input.sessionId, input.memberId),
  'scoring:open': (input, ctx, meta) => openSheet(ctx, input, meta),
  'scoring:keepPrevious': (input, ctx, meta) => keepPreviousSheet(ctx, input, meta),
  'scoring:get': (input, ctx) => sheetView(ctx, input.sheetId),
  'scoring:context': (input, ctx) => sheetContext(ctx.db, input.sheetId),
  'scoring:setAnswer': (input, ctx, meta) =>
    saveChange(ctx, input.sheetId, { kind: 'level', code: input.criterionCode, levelIndex: input.levelIndex }, meta, input.opId),
  'scoring:setNote': (input, ctx, meta) =>
    saveChange(ctx, input.sheetId, { kind: 'note', code: input.criterionCode, note: input.note }, meta, input.opId),
  'scoring:setDeclaration': (input, ctx, meta) => {
    if (input.holds === true && input.reason !== null && input.reason.trim() === '') input.reason = null;
    return saveChange(
      ctx,
      input.sheetId,
      {
        kind: 'declaration',
        ruleId: input.ruleId,
        value: input.holds === null ? null : { holds: input.holds, reason: input.reason },
      },
      meta,
      input.opId,
    );
  },
  'scoring:setOpinion': (input, ctx, meta) =>
    saveChange(ctx, input.sheetId, { kind: 'opinion', opinion: input.opinion }, meta, input.opId),
  'scoring:undo': (input, ctx, meta) => undoLast(ctx, input.sheetId, meta, input.opId),
  'scoring:submit': (input, ctx, meta) => submitSheet(ctx, input.sheetId, input.revisionReason, meta, input.opId),
  'scoring:unlock': (input, ctx, meta) => unlockSheet(ctx, input.sheetId, input.reason, meta),
  'scoring:progress': (input, ctx) => sessionProgress(ctx.db, input.sessionId),
  'scoring:productSheets': (input, ctx) => productSheets(ctx.db, input),
  'scoring:spread': (input, ctx) => sessionSpread(ctx.db, input),
  'scoring:openRescoring': (input, ctx, meta) => openRescoring(ctx, input, meta),
  'scoring:paperGet': (input, ctx) => paperState(ctx.db, input),
  'scoring:paperSave': (input, ctx, meta) => savePaperEntry(ctx, input, meta),
  'scoring:paperCommit': (input, ctx, meta) => commitPaper(ctx, input, meta),
  'scoring:export': (input, ctx) => exportSheets(ctx, input.sessionId),
  'scoring:importPreview': (input, ctx) => previewImport(ctx, input.document),
  'scoring:import': (input, ctx, meta) => importSheets(ctx, input.document, input.dryRun, meta),
};
