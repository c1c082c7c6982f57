import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { evaluateSheet, type RuleDeclaration, type SheetEvaluation } from '../../../../shared/ocop/sheet-rules';
import { call } from '../../api/client';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; error: unknown };

interface Local {
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

type Op = () => Promise<{ savedAt: string; canUndo: boolean }>;

/** Text is saved after a pause in typing (and on leaving the field), not on every key. */
const TEXT_DELAY_MS = 700;

/**
 * The member's sheet while scoring. Every choice shows at once (the totals come from the same
 * shared sheet rules as the core) and is saved in order through one queue, so "Đã lưu" means
 * every choice on screen is in the database. A failed save keeps the choice on screen, says so,
 * and is retried with "Lưu lại"; nothing is dropped.
 */
export function useSheetEditor(view: SheetView, set: CriteriaSet) {
  const qc = useQueryClient();
  const sheetId = view.sheet.id;
  const [local, setLocal] = useState<Local>(() => fromView(view));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [canUndo, setCanUndo] = useState(view.canUndo);
  const queue = useRef<{ op: Op; done: () => void }[]>([]);
  const running = useRef(false);
  const blocked = useRef(false);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const textOps = useRef(new Map<string, Op>());
  const editable = view.sheet.status === 'draft';

  /** Runs the queued saves one after the other; stops at a failure until "Lưu lại". */
  const pump = useCallback(async () => {
    if (running.current || blocked.current) return;
    running.current = true;
    let last: string | null = null;
    while (queue.current.length > 0) {
      const item = queue.current[0]!;
      try {
        const r = await item.op();
        queue.current.shift();
        setCanUndo(r.canUndo);
        last = r.savedAt;
        item.done();
      } catch (error) {
        // Later saves wait behind the failed one: their order matters (undo, stops, notes).
        blocked.current = true;
        setSave({ kind: 'error', error });
        break;
      }
    }
    running.current = false;
    if (!blocked.current && queue.current.length === 0 && last !== null) setSave({ kind: 'saved', at: last });
  }, []);

  const enqueue = useCallback(
    (op: Op) =>
      new Promise<void>((done) => {
        queue.current.push({ op, done });
        if (!blocked.current) setSave({ kind: 'saving' });
        void pump();
      }),
    [pump],
  );

  const retry = useCallback(() => {
    blocked.current = false;
    setSave({ kind: 'saving' });
    void pump();
  }, [pump]);

  /** Queues the text still waiting for a pause and resolves when every queued save is done. */
  const flushText = useCallback(async () => {
    for (const [k, t] of timers.current) {
      clearTimeout(t);
      const op = textOps.current.get(k);
      textOps.current.delete(k);
      timers.current.delete(k);
      if (op) void enqueue(op);
    }
    await Promise.all(
      queue.current.map(
        (q) =>
          new Promise<void>((resolve) => {
            const done = q.done;
            q.done = () => {
              done();
              resolve();
            };
          }),
      ),
    );
  }, [enqueue]);

  const scheduleText = useCallback(
    (key: string, op: Op) => {
      const old = timers.current.get(key);
      if (old) clearTimeout(old);
      textOps.current.set(key, op);
      setSave({ kind: 'saving' });
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          const o = textOps.current.get(key);
          textOps.current.delete(key);
          if (o) void enqueue(o);
        }, TEXT_DELAY_MS),
      );
    },
    [enqueue],
  );

  // Leaving the sheet saves what was typed.
  useEffect(() => () => void flushText(), [flushText]);

  const setLevel = useCallback(
    (code: string, levelIndex: number | null) => {
      if (!editable) return;
      setLocal((l) => {
        const answers = new Map(l.answers);
        if (levelIndex === null) answers.delete(code);
        else answers.set(code, levelIndex);
        return { ...l, answers };
      });
      void enqueue(() => call('scoring:setAnswer', { sheetId, criterionCode: code, levelIndex }));
    },
    [editable, enqueue, sheetId],
  );

  const setNote = useCallback(
    (code: string, note: string) => {
      if (!editable) return;
      setLocal((l) => ({ ...l, notes: new Map(l.notes).set(code, note) }));
      scheduleText(`note:${code}`, () => call('scoring:setNote', { sheetId, criterionCode: code, note }));
    },
    [editable, scheduleText, sheetId],
  );

  const setOpinion = useCallback(
    (opinion: string) => {
      if (!editable) return;
      setLocal((l) => ({ ...l, opinion }));
      scheduleText('opinion', () => call('scoring:setOpinion', { sheetId, opinion }));
    },
    [editable, scheduleText, sheetId],
  );

  const setDeclaration = useCallback(
    (ruleId: string, value: RuleDeclaration | null) => {
      if (!editable) return;
      setLocal((l) => {
        const declarations = new Map(l.declarations);
        if (value === null) declarations.delete(ruleId);
        else declarations.set(ruleId, value);
        return { ...l, declarations };
      });
      void enqueue(() =>
        call('scoring:setDeclaration', { sheetId, ruleId, holds: value?.holds ?? null, reason: value?.reason ?? null }),
      );
    },
    [editable, enqueue, sheetId],
  );

  /** Reverts the latest saved change; the screen then shows the sheet as the database holds it. */
  const undo = useCallback(async (): Promise<boolean> => {
    if (!editable) return false;
    if (blocked.current) return false;
    await flushText();
    let undone = false;
    await enqueue(async () => {
      const r = await call('scoring:undo', { sheetId });
      undone = r.undone !== null;
      const fresh = await call('scoring:get', { sheetId });
      setLocal(fromView(fresh));
      qc.setQueryData(['scoring:get', { sheetId }], fresh);
      return { savedAt: r.savedAt, canUndo: r.canUndo };
    });
    return undone;
  }, [editable, enqueue, flushText, qc, sheetId]);

  const evaluation: SheetEvaluation = useMemo(
    () => evaluateSheet(set, { answers: local.answers, declarations: local.declarations }),
    [set, local.answers, local.declarations],
  );

  return {
    local,
    evaluation,
    save,
    retry,
    canUndo,
    editable,
    setLevel,
    setNote,
    setOpinion,
    setDeclaration,
    undo,
    flush: flushText,
  };
}

export type SheetEditor = ReturnType<typeof useSheetEditor>;
