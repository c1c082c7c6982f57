import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { findCriterion } from '../../../../shared/ocop/criteria-set-walk';
import { evaluateSheet, type RuleDeclaration, type SheetEvaluation } from '../../../../shared/ocop/sheet-rules';
import { call } from '../../api/client';
import type { PendingChange, QueueStatus, SheetChange } from './save-queue';
import { useSaveQueue } from './save-queue-context';

/** What the sheet's save badge shows. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; pending: number }
  | { kind: 'saved'; at: string }
  /** The host cannot be reached; the changes wait on this device and are re-sent by themselves. */
  | { kind: 'waiting'; pending: number; error: unknown }
  /** The host refused a change: it and the ones behind it wait for "Lưu lại" or "Bỏ thay đổi này". */
  | { kind: 'error'; pending: number; error: unknown; change: PendingChange };

export interface Local {
  answers: Map<string, number>;
  notes: Map<string, string>;
  declarations: Map<string, RuleDeclaration>;
  opinion: string;
}

const fromView = (v: SheetView): Local => ({
  answers: new Map(v.answers.filter((a) => a.levelIndex !== null).map((a) => [a.criterionCode, a.levelIndex!])),
  notes: new Map(v.answers.filter((a) => a.note !== '').map((a) => [a.criterionCode, a.note])),
  declarations: new Map(v.declarations.map((d) => [d.ruleId, { holds: d.holds, reason: d.reason }])),
  opinion: v.sheet.opinion,
});

/** The sheet as the member sees it: what the host holds plus the changes still waiting to be sent. */
export function applyChange(l: Local, c: SheetChange): Local {
  switch (c.kind) {
    case 'level': {
      const answers = new Map(l.answers);
      if (c.levelIndex === null) answers.delete(c.code);
      else answers.set(c.code, c.levelIndex);
      return { ...l, answers };
    }
    case 'note':
      return { ...l, notes: new Map(l.notes).set(c.code, c.note) };
    case 'declaration': {
      const declarations = new Map(l.declarations);
      if (c.holds === null) declarations.delete(c.ruleId);
      else declarations.set(c.ruleId, { holds: c.holds, reason: c.reason });
      return { ...l, declarations };
    }
    case 'opinion':
      return { ...l, opinion: c.opinion };
    case 'undo':
      // Its effect is known only once the host has undone; the sheet is then read back.
      return l;
  }
}

const withPending = (view: SheetView, pending: readonly PendingChange[]): Local =>
  pending.reduce((l, p) => applyChange(l, p.change), fromView(view));

function toSaveState(s: QueueStatus, pendingHere: number): SaveState {
  switch (s.kind) {
    case 'idle':
      return s.lastSavedAt ? { kind: 'saved', at: s.lastSavedAt } : { kind: 'idle' };
    case 'saving':
      return { kind: 'saving', pending: pendingHere };
    case 'waiting':
      return { kind: 'waiting', pending: pendingHere, error: s.error };
    case 'refused':
      return { kind: 'error', pending: pendingHere, error: s.error, change: s.change };
  }
}

/** Text is saved after a pause in typing (and on leaving the field), not on every key. */
const TEXT_DELAY_MS = 700;

export type ChooseOutcome = { ok: true } | { ok: false; reason: 'readOnly' | 'notEvaluated' | 'noSuchLevel'; levels: number };

/**
 * The member's sheet while scoring. Every choice shows at once (the totals come from the same
 * shared sheet rules as the core) and becomes one change in the ordered save queue, so "Đã lưu"
 * means every choice on screen is on the host. The state is kept in a ref as well as in React
 * state: keys at machine speed each see the result of the key before, not the last render.
 */
export function useSheetEditor(view: SheetView, set: CriteriaSet, mark: number) {
  const qc = useQueryClient();
  const queue = useSaveQueue();
  const sheetId = view.sheet.id;
  const editable = view.sheet.status === 'draft';
  const [local, setLocalState] = useState<Local>(() => withPending(view, queue.changesAfter(mark, sheetId)));
  const localRef = useRef<Local>(local);
  const [canUndo, setCanUndo] = useState(view.canUndo);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const textChanges = useRef(new Map<string, SheetChange>());

  const status = useSyncExternalStore(
    useCallback((cb) => queue.subscribe(cb), [queue]),
    () => queue.current(),
  );
  // Text waiting for a pause in typing counts as not sent yet.
  const [typing, setTyping] = useState(0);
  const pendingHere = queue.pending(sheetId).length + typing;
  const save: SaveState =
    status.kind === 'idle' && typing > 0 ? { kind: 'saving', pending: pendingHere } : toSaveState(status, pendingHere);

  useEffect(
    () =>
      queue.onSent((p) => {
        if (p.sheetId === sheetId && p.change.kind !== 'undo') setCanUndo(true);
      }),
    [queue, sheetId],
  );

  const setLocal = (next: Local) => {
    localRef.current = next;
    setLocalState(next);
  };

  /** Applies a change on screen at once and queues it for the host. */
  const change = useCallback(
    (c: SheetChange) => {
      setLocal(applyChange(localRef.current, c));
      queue.enqueue(sheetId, c);
    },
    [queue, sheetId],
  );

  const evaluateNow = useCallback(
    (): SheetEvaluation => evaluateSheet(set, { answers: localRef.current.answers, declarations: localRef.current.declarations }),
    [set],
  );

  /** Chooses a level (null clears it); says why not when the sheet or the criterion does not allow it. */
  const setLevel = useCallback(
    (code: string, levelIndex: number | null): ChooseOutcome => {
      const levels = findCriterion(set, code)?.criterion.levels.length ?? 0;
      if (!editable) return { ok: false, reason: 'readOnly', levels };
      if (levelIndex !== null) {
        if (levelIndex < 0 || levelIndex >= levels) return { ok: false, reason: 'noSuchLevel', levels };
        const state = evaluateNow().criteria.find((c) => c.code === code);
        if (state && state.status !== 'answered' && state.status !== 'missing')
          return { ok: false, reason: 'notEvaluated', levels };
      }
      change({ kind: 'level', code, levelIndex });
      return { ok: true };
    },
    [change, editable, evaluateNow, set],
  );

  /** Queues the text still waiting for a pause in typing. */
  const queueText = useCallback(() => {
    for (const t of timers.current.values()) clearTimeout(t);
    timers.current.clear();
    for (const c of textChanges.current.values()) queue.enqueue(sheetId, c);
    textChanges.current.clear();
    setTyping(0);
  }, [queue, sheetId]);

  const scheduleText = useCallback(
    (key: string, c: SheetChange) => {
      setLocal(applyChange(localRef.current, c));
      const old = timers.current.get(key);
      if (old) clearTimeout(old);
      textChanges.current.set(key, c);
      setTyping(textChanges.current.size);
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          const pending = textChanges.current.get(key);
          textChanges.current.delete(key);
          setTyping(textChanges.current.size);
          if (pending) queue.enqueue(sheetId, pending);
        }, TEXT_DELAY_MS),
      );
    },
    [queue, sheetId],
  );

  /** Sends everything typed and resolves when the queue has settled ('idle' = every change is on the host). */
  const flush = useCallback(async (): Promise<QueueStatus> => {
    queueText();
    return queue.settled();
  }, [queue, queueText]);

  // Leaving the sheet queues what was typed; the queue outlives the page and keeps sending.
  useEffect(() => () => queueText(), [queueText]);

  const setNote = useCallback(
    (code: string, note: string) => {
      if (editable) scheduleText(`note:${code}`, { kind: 'note', code, note });
    },
    [editable, scheduleText],
  );

  const setOpinion = useCallback(
    (opinion: string) => {
      if (editable) scheduleText('opinion', { kind: 'opinion', opinion });
    },
    [editable, scheduleText],
  );

  const setDeclaration = useCallback(
    (ruleId: string, value: RuleDeclaration | null) => {
      if (editable) change({ kind: 'declaration', ruleId, holds: value?.holds ?? null, reason: value?.reason ?? null });
    },
    [change, editable],
  );

  /** Reads the sheet back from the host and shows it with the changes still waiting on top. */
  const reload = useCallback(async () => {
    const before = queue.sentMark();
    const fresh = await call('scoring:get', { sheetId });
    qc.setQueryData(['scoring:get', { sheetId }], fresh);
    setLocal(withPending(fresh, queue.changesAfter(before, sheetId)));
    setCanUndo(fresh.canUndo);
  }, [qc, queue, sheetId]);

  /**
   * Reverts the latest saved change. Only once every earlier change is on the host (the host
   * keeps the undo history); 'pending' when that is not the case yet.
   */
  const undo = useCallback(async (): Promise<'undone' | 'nothing' | 'pending'> => {
    if (!editable) return 'nothing';
    const before = await flush();
    if (before.kind !== 'idle') return 'pending';
    const p = queue.enqueue(sheetId, { kind: 'undo' });
    let undone = false;
    const off = queue.onSent((sent, result) => {
      if (sent.opId === p.opId) undone = (result as { undone?: unknown }).undone != null;
    });
    const after = await queue.settled();
    off();
    if (after.kind !== 'idle') return 'pending';
    await reload();
    return undone ? 'undone' : 'nothing';
  }, [editable, flush, queue, reload, sheetId]);

  /** The member gives up the change the host refused; the screen shows the host's sheet again. */
  const discard = useCallback(async () => {
    if (queue.discardRefused()) await reload().catch(() => undefined);
  }, [queue, reload]);

  const evaluation: SheetEvaluation = useMemo(
    () => evaluateSheet(set, { answers: local.answers, declarations: local.declarations }),
    [set, local.answers, local.declarations],
  );

  return {
    local,
    /** The sheet including changes made since the last render. */
    localNow: () => localRef.current,
    evaluation,
    evaluateNow,
    save,
    retry: () => queue.retry(),
    discard,
    canUndo,
    editable,
    setLevel,
    setNote,
    setOpinion,
    setDeclaration,
    undo,
    flush,
  };
}

export type SheetEditor = ReturnType<typeof useSheetEditor>;
