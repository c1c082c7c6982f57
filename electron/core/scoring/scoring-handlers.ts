import type { scoringChannels } from '../../../shared/api/channels/scoring';
import { read, syncWrite, task, write, type AreaHandlers } from '../handlers';
import { assignments, identify, listScoringMembers, openSheet, sessionProgress } from './assignment-service';
import { sheetContext } from './context-service';
import { exportSheets, importSheets, previewImport } from './exchange-service';
import { commitPaper, getPaper, savePaperEntry } from './paper-service';
import { setAnswer, setDeclaration, setNote, setOpinion, sheetView, submitSheet, undoLast, unlockSheet } from './sheet-service';
import { openRescoring, productSheets, spread } from './spread-service';
import { keepPreviousSheet } from './keep-previous';
import { setMemberPin } from './pin-service';

/**
 * The autosave channels (setAnswer, setNote, setDeclaration, setOpinion, undo) are `syncWrite`:
 * the same Write on better-sqlite3's prepared statements (docs/CONVENTIONS.md, rule 11).
 * Import is a `task`: its automatic backup is written before its one transaction.
 */
export const scoringHandlers: AreaHandlers<typeof scoringChannels> = {
  'scoring:members': read(listScoringMembers),
  'scoring:identify': read(identify),
  'scoring:setPin': write(setMemberPin),
  'scoring:assignments': read(assignments),
  'scoring:open': write(openSheet),
  'scoring:keepPrevious': write(keepPreviousSheet),
  'scoring:get': read(sheetView),
  'scoring:context': read(sheetContext),
  'scoring:setAnswer': syncWrite(setAnswer),
  'scoring:setNote': syncWrite(setNote),
  'scoring:setDeclaration': syncWrite(setDeclaration),
  'scoring:setOpinion': syncWrite(setOpinion),
  'scoring:undo': syncWrite(undoLast),
  'scoring:submit': write(submitSheet),
  'scoring:unlock': write(unlockSheet),
  'scoring:progress': read(sessionProgress),
  'scoring:productSheets': read(productSheets),
  'scoring:spread': read(spread),
  'scoring:openRescoring': write(openRescoring),
  'scoring:paperGet': read(getPaper),
  'scoring:paperSave': write(savePaperEntry),
  'scoring:paperCommit': write(commitPaper),
  'scoring:export': read(exportSheets),
  'scoring:importPreview': read(previewImport),
  'scoring:import': task(importSheets),
};
