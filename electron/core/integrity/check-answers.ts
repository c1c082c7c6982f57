import type Database from 'better-sqlite3';
import { evaluateSheet, sheetContent } from '../../../shared/ocop/sheet-rules';
import { criteriaSetSync } from '../scoring/criteria-cache';
import { derivedColumns } from '../scoring/sheet-repo';
import { actionsOf, eventsOf, type AuditIndex, type AuditRow } from './audit-index';
import type { Collector } from './collector';

/**
 * The scoring checks: every sheet's current answers, declarations and opinion replayed from its
 * answer events; every total recomputed from that replay; every answer event against its audit
 * event (and the other way round); every submitted sheet against the content its submission
 * recorded in the audit log; sheets without events and events without sheets.
 */

interface SheetRow {
  id: number;
  criteria_set_version_id: number;
  set_hash: string;
  status: string;
  total_points: number;
  answered_count: number;
  applicable_count: number;
  complete: number;
  disqualified: number;
  disqualify_reason: string | null;
  stopped: number;
  opinion: string;
}

interface EventRow {
  seq: number;
  sheet_id: number;
  kind: 'level' | 'note' | 'declaration' | 'opinion';
  target: string;
  level_index: number | null;
  points: number | null;
  holds: number | null;
  text: string | null;
  at: string;
}

interface Answer {
  level_index: number | null;
  points: number | null;
  note: string;
  last_seq: number;
}
interface Declaration {
  holds: number;
  reason: string | null;
  last_seq: number;
}

/** The state an event sets, in the shape the audit event records (answer-events.ts `State`). */
function eventState(e: EventRow): unknown {
  switch (e.kind) {
    case 'level':
      return { levelIndex: e.level_index, points: e.points };
    case 'note':
      return { note: e.text ?? '' };
    case 'declaration':
      return e.holds === null ? null : { holds: e.holds === 1, reason: e.text };
    case 'opinion':
      return { opinion: e.text ?? '' };
  }
}

const PER_CHANGE_ACTIONS = ['scoring.answer', 'scoring.note', 'scoring.declaration', 'scoring.opinion', 'scoring.undo'];

export function checkAnswers(sqlite: Database.Database, audit: AuditIndex, c: Collector): void {
  const sheets = sqlite
    .prepare(
      `SELECT sh.id, sh.criteria_set_version_id, v.content_hash AS set_hash, sh.status, sh.total_points, sh.answered_count,
              sh.applicable_count, sh.complete, sh.disqualified, sh.disqualify_reason, sh.stopped, sh.opinion
       FROM score_sheet sh JOIN criteria_set_version v ON v.id = sh.criteria_set_version_id ORDER BY sh.id`,
    )
    .all() as SheetRow[];
  const sheetIds = new Set(sheets.map((s) => s.id));
  const events = sqlite
    .prepare('SELECT seq, sheet_id, kind, target, level_index, points, holds, text, at FROM score_answer_event ORDER BY seq')
    .all() as EventRow[];
  const eventsBySheet = groupBy(events, (e) => e.sheet_id);
  const storedAnswers = groupBy(
    sqlite.prepare('SELECT sheet_id, criterion_code, level_index, points, note, last_seq FROM score_answer').all() as (Answer & {
      sheet_id: number;
      criterion_code: string;
    })[],
    (r) => r.sheet_id,
  );
  const storedDecls = groupBy(
    sqlite.prepare('SELECT sheet_id, rule_id, holds, reason, last_seq FROM score_declaration').all() as (Declaration & {
      sheet_id: number;
      rule_id: string;
    })[],
    (r) => r.sheet_id,
  );

  // Per-change audit events, by the answer event's seq they record.
  const audited = new Map<number, AuditRow>();
  for (const a of actionsOf(audit, ...PER_CHANGE_ACTIONS)) {
    const seq = a.after?.seq;
    if (typeof seq === 'number') audited.set(seq, a);
  }
  // Paths that write many events under one audit event (paper commit, import, re-scoring carry-over).
  const bulkAt = new Map<number, Set<string>>();
  const addBulk = (sheetId: number, at: string) => (bulkAt.get(sheetId) ?? bulkAt.set(sheetId, new Set()).get(sheetId)!).add(at);
  for (const a of actionsOf(audit, 'scoring.paper.commit', 'scoring.open')) if (a.entityId) addBulk(Number(a.entityId), a.at);
  for (const a of actionsOf(audit, 'scoring.import')) for (const s of importedSheets(a)) addBulk(s.sheetId, a.at);

  for (const sheet of sheets) {
    const key = `sheet ${sheet.id}`;
    const answers = new Map<string, Answer>();
    const decls = new Map<string, Declaration>();
    let opinion = '';
    for (const e of eventsBySheet.get(sheet.id) ?? []) {
      switch (e.kind) {
        case 'level': {
          const a = answers.get(e.target) ?? { level_index: null, points: null, note: '', last_seq: 0 };
          answers.set(e.target, { ...a, level_index: e.level_index, points: e.points, last_seq: e.seq });
          break;
        }
        case 'note': {
          const a = answers.get(e.target) ?? { level_index: null, points: null, note: '', last_seq: 0 };
          answers.set(e.target, { ...a, note: e.text ?? '', last_seq: e.seq });
          break;
        }
        case 'declaration':
          if (e.holds === null) decls.delete(e.target);
          else decls.set(e.target, { holds: e.holds, reason: e.text, last_seq: e.seq });
          break;
        case 'opinion':
          opinion = e.text ?? '';
          break;
      }
      // Every event against its audit event.
      c.checked('answer-audit');
      const a = audited.get(e.seq);
      if (a) {
        const expected = { sheet: e.sheet_id, kind: e.kind, target: e.target, value: eventState(e) };
        const found = { sheet: Number(a.entityId), kind: a.after?.kind, target: a.after?.target, value: a.after?.value ?? null };
        if (JSON.stringify(expected) !== JSON.stringify(found))
          c.add('answer-audit', 'score_answer_event', `event ${e.seq} (${key}, ${e.target || e.kind})`, found, expected);
      } else if (!bulkAt.get(e.sheet_id)?.has(e.at)) {
        c.add(
          'answer-audit',
          'score_answer_event',
          `event ${e.seq} (${key}, ${e.target || e.kind})`,
          'an audit event recording it',
          'none',
        );
      }
    }

    // Replay against the stored current state.
    const stored = new Map((storedAnswers.get(sheet.id) ?? []).map((r) => [r.criterion_code, r]));
    for (const code of union(answers.keys(), stored.keys())) {
      c.checked('answers-replay');
      const want = answers.get(code);
      const got = stored.get(code);
      const w = want ? { level: want.level_index, points: want.points, note: want.note } : null;
      const g = got ? { level: got.level_index, points: got.points, note: got.note } : null;
      if (JSON.stringify(w) !== JSON.stringify(g)) c.add('answers-replay', 'score_answer', `${key}, criterion ${code}`, w, g);
    }
    const storedD = new Map((storedDecls.get(sheet.id) ?? []).map((r) => [r.rule_id, r]));
    for (const rule of union(decls.keys(), storedD.keys())) {
      c.checked('answers-replay');
      const want = decls.get(rule);
      const got = storedD.get(rule);
      const w = want ? { holds: want.holds, reason: want.reason } : null;
      const g = got ? { holds: got.holds, reason: got.reason } : null;
      if (JSON.stringify(w) !== JSON.stringify(g)) c.add('answers-replay', 'score_declaration', `${key}, rule ${rule}`, w, g);
    }
    c.checked('answers-replay');
    if (opinion !== sheet.opinion) c.add('answers-replay', 'score_sheet', `${key}, opinion`, opinion, sheet.opinion);

    // Totals recomputed from the replayed answers.
    const content = sheetContent(
      [...answers].map(([code, a]) => ({ criterionCode: code, levelIndex: a.level_index })),
      [...decls].map(([ruleId, d]) => ({ ruleId, holds: d.holds === 1, reason: d.reason })),
    );
    let evaluation: ReturnType<typeof evaluateSheet> | null = null;
    try {
      evaluation = evaluateSheet(criteriaSetSync(sqlite, sheet.criteria_set_version_id, sheet.set_hash), content);
    } catch (e) {
      c.add('sheet-totals', 'score_sheet', key, 'answers that fit its criteria set', e instanceof Error ? e.message : String(e));
    }
    if (evaluation) {
      const d = derivedColumns(evaluation);
      for (const col of Object.keys(d) as (keyof typeof d)[]) {
        c.checked('sheet-totals');
        if (d[col] !== sheet[col]) c.add('sheet-totals', 'score_sheet', `${key}, ${col}`, d[col], sheet[col]);
      }
    }

    // A submitted sheet against the content its submission recorded.
    if (sheet.status === 'submitted' || sheet.status === 'superseded') {
      c.checked('submissions');
      const record = submissionOf(audit, sheet.id);
      if (!record)
        c.add('submissions', 'score_sheet', key, 'a submission in the audit log', `status ${sheet.status}, no submission event`);
      else {
        if (typeof record.totalPoints === 'number' && evaluation && record.totalPoints !== evaluation.total)
          c.add(
            'submissions',
            'score_sheet',
            `${key}, total at submission (audit event ${record.seq})`,
            record.totalPoints,
            evaluation.total,
          );
        if (record.answers) {
          const now = Object.fromEntries([...content.answers].sort(([a], [b]) => a.localeCompare(b)));
          const then = Object.fromEntries(Object.entries(record.answers).sort(([a], [b]) => a.localeCompare(b)));
          for (const code of union(Object.keys(now), Object.keys(then))) {
            if (now[code] !== then[code])
              c.add(
                'submissions',
                'score_answer',
                `${key}, criterion ${code} (submitted in audit event ${record.seq})`,
                then[code] ?? null,
                now[code] ?? null,
              );
          }
        }
      }
    }
  }

  // Audit events that record answer events no longer there.
  const eventSeqs = new Set(events.map((e) => e.seq));
  for (const [seq, a] of audited) {
    if (!eventSeqs.has(seq))
      c.add(
        'answer-audit',
        'score_answer_event',
        `event ${seq} (sheet ${a.entityId ?? '?'})`,
        `recorded by audit event ${a.seq}`,
        'missing',
      );
  }

  // Sheets against the audit log: every sheet was opened, committed or imported under an event,
  // and every sheet the log speaks of still exists.
  const importedIds = new Set(actionsOf(audit, 'scoring.import').flatMap((a) => importedSheets(a).map((s) => s.sheetId)));
  for (const sheet of sheets) {
    c.checked('sheets-audit');
    if (eventsOf(audit, 'score_sheet', sheet.id).length === 0 && !importedIds.has(sheet.id))
      c.add('sheets-audit', 'score_sheet', `sheet ${sheet.id}`, 'an audit event creating it', 'none');
  }
  const mentioned = new Set<number>([...importedIds]);
  for (const a of audit.rows) if (a.entity === 'score_sheet' && a.entityId !== null) mentioned.add(Number(a.entityId));
  for (const id of mentioned) {
    if (!sheetIds.has(id)) c.add('sheets-audit', 'score_sheet', `sheet ${id}`, 'the sheet the audit log records', 'missing');
  }
}

interface Submission {
  seq: number;
  totalPoints?: number;
  answers?: Record<string, number>;
}

/** The latest event that recorded this sheet's submitted content. */
function submissionOf(audit: AuditIndex, sheetId: number): Submission | null {
  let found: Submission | null = null;
  for (const a of eventsOf(audit, 'score_sheet', sheetId)) {
    if (a.action === 'scoring.submit' || a.action === 'scoring.paper.commit') {
      found = {
        seq: a.seq,
        ...(typeof a.after?.totalPoints === 'number' ? { totalPoints: a.after.totalPoints } : {}),
        ...(isAnswers(a.after?.answers) ? { answers: a.after.answers } : {}),
      };
    }
  }
  if (found) return found;
  for (const a of actionsOf(audit, 'scoring.import')) {
    const s = importedSheets(a).find((x) => x.sheetId === sheetId);
    if (s) found = { seq: a.seq, ...(typeof s.totalPoints === 'number' ? { totalPoints: s.totalPoints } : {}) };
  }
  return found;
}

const isAnswers = (v: unknown): v is Record<string, number> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number');

function importedSheets(a: AuditRow): { sheetId: number; totalPoints?: number }[] {
  const sheets = a.after?.sheets;
  if (!Array.isArray(sheets)) return [];
  return sheets
    .filter((s): s is { sheetId: number; totalPoints?: number } => typeof (s as { sheetId?: unknown })?.sheetId === 'number')
    .map((s) => ({ sheetId: s.sheetId, ...(typeof s.totalPoints === 'number' ? { totalPoints: s.totalPoints } : {}) }));
}

export function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    (m.get(k) ?? m.set(k, []).get(k)!).push(x);
  }
  return m;
}

const union = <T>(a: Iterable<T>, b: Iterable<T>): T[] => [...new Set([...a, ...b])];
