import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';
import { useSheetEditor, type ChooseOutcome } from './useSheetEditor';
import { nextEvaluated, useSheetKeys } from './useSheetKeys';

/**
 * What every scoring screen (the desktop's and a member's own device) does with a sheet: the
 * editor and its queue, the highlighted criterion, keys and taps that choose and move on, the
 * message when a key chose nothing, undo, and the warning before leaving with unsent changes.
 */
export function useSheetScreen(view: SheetView, set: CriteriaSet, opts: { warnOnUnload: boolean; mark: number }) {
  const { t } = useT();
  const editor = useSheetEditor(view, set, opts.mark);
  const placed = useMemo(() => allCriteria(set), [set]);
  const [active, setActiveState] = useState(() => {
    const firstMissing = placed.findIndex((p) => !editor.local.answers.has(p.criterion.code));
    return firstMissing >= 0 ? firstMissing : 0;
  });
  // Keys read and move the highlight synchronously; the state only draws it.
  const activeRef = useRef(active);
  const setActive = useCallback((i: number) => {
    activeRef.current = i;
    setActiveState(i);
  }, []);
  const [notice, setNotice] = useState<{ index: number; text: string } | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const focusRow = useRef<(index: number) => void>(() => {});

  const doUndo = useCallback(async () => {
    const r = await editor.undo();
    const message =
      r === 'undone'
        ? t('scoring:sheet.undone')
        : r === 'pending'
          ? t('scoring:sheet.undoPending')
          : t('scoring:sheet.nothingToUndo');
    toastDone(message, 'neutral');
  }, [editor, t]);

  const refuse = (index: number, outcome: Exclude<ChooseOutcome, { ok: true }>, key: string) => {
    const code = placed[index]!.criterion.code;
    const text =
      outcome.reason === 'noSuchLevel'
        ? t('scoring:sheet.keyNoSuchLevel', { code, key, levels: outcome.levels })
        : outcome.reason === 'notEvaluated'
          ? t('scoring:sheet.keyNotEvaluated', { code, key })
          : t('scoring:sheet.keyReadOnly', { key });
    setNotice({ index, text });
  };

  /** A click or tap on a level: chosen, and the highlight moves on without scrolling the page. */
  const chooseByPointer = (index: number, levelIndex: number) => {
    const outcome = editor.setLevel(placed[index]!.criterion.code, levelIndex);
    if (!outcome.ok) {
      refuse(index, outcome, String(levelIndex + 1));
      return;
    }
    setNotice(null);
    setActive(nextEvaluated(placed, editor, index));
  };

  useSheetKeys({
    placed,
    editor,
    activeRef,
    moveTo: (i) => {
      setNotice(null);
      focusRow.current(i);
    },
    onChosen: () => setNotice(null),
    onRefused: refuse,
    onUndo: () => void doUndo(),
    paused: submitOpen,
  });

  // Warn before closing the window while a change has not reached the host (the desktop keeps
  // them in memory; a device keeps them in IndexedDB and does not need to).
  const unsent = editor.save.kind === 'saving' || editor.save.kind === 'waiting' || editor.save.kind === 'error';
  useEffect(() => {
    if (!opts.warnOnUnload) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (unsent) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [unsent, opts.warnOnUnload]);

  /** From the submit dialog: the first criterion still missing, highlighted and focused. */
  const goTo = (code: string) => {
    setSubmitOpen(false);
    const i = placed.findIndex((p) => p.criterion.code === code);
    if (i >= 0) {
      setActive(i);
      setTimeout(() => focusRow.current(i), 50);
    }
  };

  return {
    editor,
    placed,
    active,
    setActive,
    notice,
    chooseByPointer,
    registerFocus: (f: (index: number) => void) => (focusRow.current = f),
    doUndo,
    submitOpen,
    setSubmitOpen,
    goTo,
  };
}

export type SheetScreenState = ReturnType<typeof useSheetScreen>;
