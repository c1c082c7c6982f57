import type { scoringChannels } from '../../../shared/api/channels/scoring';
import { read, syncWrite, task, write, type AreaHandlers } from '../handlers';
import { assignments, identify, openSheet, scoringMembers, sessionProgress } from './assignment-service';
import { sheetContext } from './context-service';
import { exportSheets, importSheets, previewImport } from './exchange-service';
import { commitPaper, paperState, savePaperEntry } from './paper-service';
import { setAnswer, setDeclaration, setNote, setOpinion, sheetView, submitSheet, undoLast, unlockSheet } from './sheet-service';
import { openRescoring, productSheets, sessionSpread } from './spread-service';
import { keepPreviousSheet } from './keep-previous';
import { setMemberPin } from './pin-service';

/**
 * The autosave channels (setAnswer, setNote, setDeclaration, setOpinion, undo) are `syncWrite`:
 * the same Write on better-sqlite3's prepared statements (docs/CONVENTIONS.md, rule 11).
 * Import is a `task`: its automatic backup is written before its one transaction.
 */
export const scoringHandlers: AreaHandlers<typeof scoringChannels> = {
  'scoring:members': read((ctx, input) => scoringMembers(ctx.db, input.sessionId)),
  'scoring:identify': read((ctx, input) => identify(ctx.db, input.sessionId, input.memberId, input.pin)),
  'scoring:setPin': write(setMemberPin),
  'scoring:assignments': read((ctx, input) => assignments(ctx.db, input.sessionId, input.memberId)),
  'scoring:open': write(openSheet),
  'scoring:keepPrevious': write(keepPreviousSheet),
  'scoring:get': read(sheetView),
  'scoring:context': read((ctx, input) => sheetContext(ctx.db, input.sheetId)),
  'scoring:setAnswer': syncWrite(setAnswer),
  'scoring:setNote': syncWrite(setNote),
  'scoring:setDeclaration': syncWrite(setDeclaration),
  'scoring:setOpinion': syncWrite(setOpinion),
  'scoring:undo': syncWrite(undoLast),
  'scoring:submit': write(submitSheet),
  'scoring:unlock': write(unlockSheet),
  'scoring:progress': read((ctx, input) => sessionProgress(ctx.db, input.sessionId)),
  'scoring:productSheets': read((ctx, input) => productSheets(ctx.db, input)),
  'scoring:spread': read((ctx, input) => sessionSpread(ctx.db, input)),
  'scoring:openRescoring': write(openRescoring),
  'scoring:paperGet': read((ctx, input) => paperState(ctx.db, input)),
  'scoring:paperSave': write(savePaperEntry),
  'scoring:paperCommit': write(commitPaper),
  'scoring:export': read((ctx, input) => exportSheets(ctx, input.sessionId)),
  'scoring:importPreview': read((ctx, input) => previewImport(ctx, input.document)),
  'scoring:import': task(importSheets),
};
