import type { scoringChannels } from '../../../shared/api/channels/scoring';
import { read, write, type AreaHandlers } from '../handlers';
import { assignments, identify, openSheet, scoringMembers, sessionProgress } from './assignment-service';
import { sheetContext } from './context-service';
import { exportSheets, importSheets, previewImport } from './exchange-service';
import { commitPaper, paperState, savePaperEntry } from './paper-service';
import { saveChange, sheetView, submitSheet, undoLast, unlockSheet } from './sheet-service';
import { openRescoring, productSheets, sessionSpread } from './spread-service';
import { keepPreviousSheet } from './keep-previous';
import { setMemberPin } from './pin-service';

export const scoringHandlers: AreaHandlers<typeof scoringChannels> = {
  'scoring:members': read((ctx, input) => scoringMembers(ctx.db, input.sessionId)),
  'scoring:identify': read((ctx, input) => identify(ctx.db, input.sessionId, input.memberId, input.pin)),
  'scoring:setPin': write((w, input) => setMemberPin(w, input)),
  'scoring:assignments': read((ctx, input) => assignments(ctx.db, input.sessionId, input.memberId)),
  'scoring:open': (input, ctx, meta) => openSheet(ctx, input, meta),
  'scoring:keepPrevious': (input, ctx, meta) => keepPreviousSheet(ctx, input, meta),
  'scoring:get': read((ctx, input) => sheetView(ctx, input.sheetId)),
  'scoring:context': read((ctx, input) => sheetContext(ctx.db, input.sheetId)),
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
  'scoring:progress': read((ctx, input) => sessionProgress(ctx.db, input.sessionId)),
  'scoring:productSheets': read((ctx, input) => productSheets(ctx.db, input)),
  'scoring:spread': read((ctx, input) => sessionSpread(ctx.db, input)),
  'scoring:openRescoring': (input, ctx, meta) => openRescoring(ctx, input, meta),
  'scoring:paperGet': read((ctx, input) => paperState(ctx.db, input)),
  'scoring:paperSave': (input, ctx, meta) => savePaperEntry(ctx, input, meta),
  'scoring:paperCommit': (input, ctx, meta) => commitPaper(ctx, input, meta),
  'scoring:export': read((ctx, input) => exportSheets(ctx, input.sessionId)),
  'scoring:importPreview': read((ctx, input) => previewImport(ctx, input.document)),
  'scoring:import': (input, ctx, meta) => importSheets(ctx, input.document, input.dryRun, meta),
};
