import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PlacedCriterion } from '../../../../shared/ocop/criteria-set-walk';
import type { ChooseOutcome, SheetEditor } from './useSheetEditor';

export interface SheetKeysOptions {
  placed: readonly PlacedCriterion[];
  editor: SheetEditor;
  /** The highlighted criterion, read and written synchronously (keys come faster than renders). */
  activeRef: { current: number };
  moveTo: (index: number) => void;
  /** A key that chose nothing says why, where the member is looking. */
  onRefused: (index: number, outcome: Exclude<ChooseOutcome, { ok: true }>, key: string) => void;
  onChosen: () => void;
  onUndo: () => void;
  /** Keys go to a dialog while one is open. */
  paused: boolean;
}

const isTextField = (el: Element | null): boolean =>
  !!el?.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]');

/**
 * The sheet's keyboard, listened to on the whole window so it works from the moment the sheet
 * opens (before anything has the focus), after a click on a level, and at any speed:
 * 1–9 chooses that level of the highlighted criterion and moves to the next one that is
 * evaluated; ↑/↓ and Enter move; ←/→ change the level in place; Delete clears; G opens the
 * note; Ctrl+Z undoes. Inside a text field keys type text; inside a dialog they belong to it.
 */
export function useSheetKeys(opts: SheetKeysOptions): void {
  const live = useRef(opts);
  useLayoutEffect(() => {
    live.current = opts;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const o = live.current;
      if (o.paused || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="dialog"]')) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
        if (isTextField(target)) return; // undo of typing
        e.preventDefault();
        o.onUndo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTextField(target)) return;
      const inList = !!target?.closest('[data-criteria-list]');
      // Enter and Space on a button outside the list press that button (back, submit, …).
      const onOtherControl = !inList && !!target?.closest('button, a, [role="button"], [role="switch"], [role="checkbox"]');
      const i = o.activeRef.current;
      const placed = o.placed[i];
      if (!placed) return;
      const code = placed.criterion.code;
      const k = e.key;

      if (/^[1-9]$/.test(k)) {
        e.preventDefault();
        const outcome = o.editor.setLevel(code, Number(k) - 1);
        if (!outcome.ok) {
          o.onRefused(i, outcome, k);
          return;
        }
        o.onChosen();
        o.moveTo(nextEvaluated(o.placed, o.editor, i));
      } else if (k === 'ArrowDown' || (k === 'Enter' && !onOtherControl)) {
        e.preventDefault();
        o.moveTo(i + 1);
      } else if (k === 'ArrowUp') {
        e.preventDefault();
        o.moveTo(i - 1);
      } else if (k === 'Tab' && inList) {
        // The last Tab leaves the list for the opinion field; Shift+Tab on the first leaves upwards.
        if (!e.shiftKey && i < o.placed.length - 1) {
          e.preventDefault();
          o.moveTo(i + 1);
        } else if (e.shiftKey && i > 0) {
          e.preventDefault();
          o.moveTo(i - 1);
        }
      } else if ((k === 'ArrowRight' || k === 'ArrowLeft') && !onOtherControl) {
        e.preventDefault();
        const chosen = o.editor.localNow().answers.get(code) ?? null;
        const next = chosen === null ? 0 : chosen + (k === 'ArrowRight' ? 1 : -1);
        if (next < 0 || next >= placed.criterion.levels.length) return;
        const outcome = o.editor.setLevel(code, next);
        if (!outcome.ok) o.onRefused(i, outcome, k);
        else o.onChosen();
      } else if ((k === 'Delete' || k === 'Backspace') && !onOtherControl) {
        e.preventDefault();
        if (o.editor.localNow().answers.has(code)) o.editor.setLevel(code, null);
      } else if ((k === 'g' || k === 'G') && !onOtherControl) {
        e.preventDefault();
        const row = document.querySelector<HTMLElement>(`[data-testid="criterion-${CSS.escape(code)}"]`);
        const note = row?.querySelector<HTMLTextAreaElement>('textarea');
        if (note) note.focus();
        else row?.querySelector<HTMLElement>('[data-note-open]')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The next criterion after `i` still evaluated under the answers just given (or simply the next one). */
export function nextEvaluated(placed: readonly PlacedCriterion[], editor: Pick<SheetEditor, 'evaluateNow'>, i: number): number {
  const states = new Map(editor.evaluateNow().criteria.map((c) => [c.code, c.status]));
  for (let j = i + 1; j < placed.length; j++) {
    const s = states.get(placed[j]!.criterion.code);
    if (s === 'answered' || s === 'missing') return j;
  }
  return Math.min(i + 1, placed.length - 1);
}
