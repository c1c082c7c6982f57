import type { Kysely } from 'kysely';
import type { ImportAction } from '../../../shared/api/channels/scoring';
import {
  ScoreSheetsFile,
  upgradeScoreSheets,
  type ExchangeRound,
  type ExchangeSheet,
  type ScoreSheetsDocument,
} from '../../../shared/api/channels/scoring-exchange';
import type { ImportRowError } from '../../../shared/api/fields';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { findCriterion } from '../../../shared/ocop/criteria-set-walk';
import { checkAnswer, checkDeclaration, evaluateSheet, isDeclarable, sheetContent } from '../../../shared/ocop/sheet-rules';
import { nfcDeep } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { loadCriteriaSet, type LoadedSet } from './criteria-cache';
import { sheetAsExchange } from './exchange-export';
import { storedRounds, type StoredRound } from './rescoring-repo';
import { listSheets, type Sheet } from './sheet-repo';
import { agendaOf, isScoringRole, sessionMembers, type AgendaRow, type SessionMemberRow } from './session-access';
import { getSession, recusalsOf } from '../sessions/session-repo';

/**
 * Checks a score-sheet file against this computer (session, members, agenda, recusals, pinned
 * criteria sets, re-scoring rounds, stored sheets) and says what importing it would do, item by
 * item. It never writes and never stops at the first problem: every problem is listed with where
 * it is (`sheet` "sheets"/"rounds", 1-based `row`, JSON path `column`), a stable code and params.
 */

export interface PlannedSheet {
  row: number;
  sheet: ExchangeSheet;
  registrationId: number;
  memberId: number;
  set: CriteriaSet;
  versionId: number;
  action: Exclude<ImportAction, 'rejected'>;
  /** The stored sheet it matches ('update', 'same'). */
  storedId: number | null;
}

export interface PlannedRound {
  row: number;
  round: ExchangeRound;
  registrationId: number;
  action: Exclude<ImportAction, 'rejected'>;
}

export interface ImportPlan {
  doc: ScoreSheetsDocument | null;
  /** The file's version as written (1 or 2), null when unreadable. */
  formatVersion: number | null;
  sheets: PlannedSheet[];
  rounds: PlannedRound[];
  /** Stored submitted sheets that a later round of the file replaces. */
  superseded: Sheet[];
  agenda: Map<number, AgendaRow>;
  errors: ImportRowError[];
}

type Params = Record<string, string | number>;

const same = (a: ExchangeSheet, b: ExchangeSheet): boolean => {
  // Status is left out: a sheet submitted here and marked superseded in the file (or the other
  // way round) is the same sheet; the rounds decide which one counts.
  const key = (s: ExchangeSheet) =>
    JSON.stringify({
      answers: [...s.answers]
        .sort((x, y) => x.criterionCode.localeCompare(y.criterionCode))
        .map((x) => [x.criterionCode, x.levelIndex, x.note]),
      declarations: [...s.declarations]
        .sort((x, y) => x.ruleId.localeCompare(y.ruleId))
        .map((x) => [x.ruleId, x.holds, x.reason ?? null]),
      total: s.totalPoints,
      opinion: s.opinion,
      revisionReason: s.revisionReason ?? null,
    });
  return key(a) === key(b);
};

const isEmpty = (s: ExchangeSheet): boolean => s.answers.length === 0 && s.declarations.length === 0 && s.opinion === '';

export async function planImport(db: Kysely<DB>, raw: unknown): Promise<ImportPlan> {
  const errors: ImportRowError[] = [];
  const plan: ImportPlan = { doc: null, formatVersion: null, sheets: [], rounds: [], superseded: [], agenda: new Map(), errors };
  const parsed = ScoreSheetsFile.safeParse(nfcDeep(raw));
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      // An unknown field is named in the path, so the place says which one.
      const path = [...i.path.map(String), ...(i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [])];
      const [head, idx, ...rest] = path;
      const inList = (head === 'sheets' || head === 'rounds') && idx !== undefined && /^\d+$/.test(idx);
      const place = inList
        ? { sheet: head, row: Number(idx) + 1, column: rest.join('.') || `(${head === 'sheets' ? 'sheet' : 'round'})` }
        : { column: path.join('.') || '(document)' };
      errors.push({ ...place, code: 'FORMAT', message: i.message, params: { path: place.column, detail: i.message } });
    }
    return plan;
  }
  const doc = upgradeScoreSheets(parsed.data);
  plan.doc = doc;
  plan.formatVersion = parsed.data.formatVersion;
  const fileErr = (column: string, code: string, message: string, params: Params) =>
    errors.push({ column, code, message, params });

  const session = await getSession(db, doc.session.id).catch((e: unknown) => {
    if (e instanceof CoreError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  });
  if (!session) {
    fileErr('session.id', 'SESSION_UNKNOWN', `There is no session ${doc.session.id} on this computer`, { id: doc.session.id });
    return plan;
  }
  if (
    session.date !== doc.session.date ||
    session.number !== doc.session.number ||
    session.council.name !== doc.session.councilName
  ) {
    const here = `"${session.council.name}" no. ${session.number} on ${session.date}`;
    const file = `"${doc.session.councilName}" no. ${doc.session.number} on ${doc.session.date}`;
    fileErr('session', 'SESSION_MISMATCH', `Session ${doc.session.id} on this computer is ${here}, but the file is for ${file}`, {
      id: doc.session.id,
      here: `${session.council.name} — ${session.number} — ${session.date}`,
      file: `${doc.session.councilName} — ${doc.session.number} — ${doc.session.date}`,
    });
    return plan;
  }
  if (session.status !== 'in_progress') {
    fileErr(
      'session',
      'SESSION_NOT_OPEN',
      `Session ${session.id} is ${session.status}; sheets can only be imported while it is in progress`,
      { id: session.id, status: session.status },
    );
    return plan;
  }

  const members = new Map((await sessionMembers(db, session.id)).map((m) => [m.memberId, m]));
  const agendaList = await agendaOf(db, session.id);
  plan.agenda = new Map(agendaList.map((a) => [a.registrationId, a]));
  const byNo = new Map(agendaList.map((a) => [a.registrationNo, a]));
  const product = (
    add: (c: string, code: string, m: string, p: Params) => void,
    registrationNo: string,
    productCode: string,
  ): AgendaRow | undefined => {
    const item = byNo.get(registrationNo);
    if (!item)
      add('registrationNo', 'PRODUCT_UNKNOWN', `Registration ${registrationNo} is not on this session's agenda`, {
        registrationNo,
      });
    else if (item.productCode !== productCode) {
      add(
        'productCode',
        'PRODUCT_CODE_MISMATCH',
        `Registration ${registrationNo} is product ${item.productCode} on this computer, not ${productCode}`,
        { registrationNo, here: item.productCode, file: productCode },
      );
    }
    return item;
  };
  const member = (
    add: (c: string, code: string, m: string, p: Params) => void,
    at: string,
    ref: { id: number; fullName: string },
  ): SessionMemberRow | undefined => {
    const m = members.get(ref.id);
    if (!m)
      add(`${at}.id`, 'MEMBER_UNKNOWN', `Member ${ref.id} (${ref.fullName}) is not listed for this session`, {
        id: ref.id,
        name: ref.fullName,
      });
    else if (m.fullName !== ref.fullName)
      add(
        `${at}.fullName`,
        'MEMBER_NAME_MISMATCH',
        `Member ${ref.id} is "${m.fullName}" on this computer, not "${ref.fullName}"`,
        { id: ref.id, here: m.fullName, file: ref.fullName },
      );
    return m;
  };

  // ── Rounds first: the sheets' round numbers are checked against the rounds after the import.
  const stored = await storedRounds(db, session.id);
  const roundsAfter = new Map<number, Set<number>>();
  for (const r of stored)
    (roundsAfter.get(r.registrationId) ?? roundsAfter.set(r.registrationId, new Set()).get(r.registrationId)!).add(r.roundNo);
  const seenRounds = new Map<string, number>();
  for (const [i, r] of doc.rounds.entries()) {
    const row = i + 1;
    const before = errors.length;
    const add = (column: string, code: string, message: string, params: Params) =>
      errors.push({ sheet: 'rounds', row, column, code, message, params });
    const item = product(add, r.registrationNo, r.productCode);
    const opener = member(add, 'openedBy', r.openedBy);
    const isChair =
      opener !== undefined &&
      (session.chairMemberId !== null ? session.chairMemberId === opener.memberId : opener.role === 'chair');
    if (opener && opener.fullName === r.openedBy.fullName && !isChair) {
      add(
        'openedBy.id',
        'ROUND_OPENER_NOT_CHAIR',
        `${opener.fullName} is not the chair of this session; only the chair opens a re-scoring round`,
        { name: opener.fullName },
      );
    }
    if (!item) continue;
    const k = `${item.registrationId}/${r.roundNo}`;
    if (seenRounds.has(k))
      add(
        'roundNo',
        'ROUND_DUPLICATE',
        `Round entry ${seenRounds.get(k)} of the file is already re-scoring round ${r.roundNo} of "${item.productName}"`,
        { other: seenRounds.get(k)!, product: item.productName, round: r.roundNo },
      );
    seenRounds.set(k, row);
    const here = stored.find((s) => s.registrationId === item.registrationId && s.roundNo === r.roundNo);
    if (here && !sameRound(here, r)) {
      add(
        '(round)',
        'ROUND_CONFLICT',
        `Re-scoring round ${r.roundNo} of "${item.productName}" was opened differently on this computer (by ${here.openedByName} at ${here.openedAt}: "${here.reason}")`,
        {
          product: item.productName,
          round: r.roundNo,
          hereBy: here.openedByName,
          hereReason: here.reason,
        },
      );
    }
    if (errors.length > before) continue;
    (roundsAfter.get(item.registrationId) ?? roundsAfter.set(item.registrationId, new Set()).get(item.registrationId)!).add(
      r.roundNo,
    );
    plan.rounds.push({ row, round: r, registrationId: item.registrationId, action: here ? 'same' : 'new' });
  }
  // Round numbers of a product must run 1, 2, 3 … with none missing, here and in the file together.
  for (const p of plan.rounds) {
    const nos = roundsAfter.get(p.registrationId)!;
    for (let n = 1; n < p.round.roundNo; n++) {
      if (!nos.has(n)) {
        const name = plan.agenda.get(p.registrationId)!.productName;
        errors.push({
          sheet: 'rounds',
          row: p.row,
          column: 'roundNo',
          code: 'ROUND_GAP',
          message: `Re-scoring round ${p.round.roundNo} of "${name}" needs round ${n}, which is neither in the file nor on this computer`,
          params: { product: name, round: p.round.roundNo, missing: n },
        });
        break;
      }
    }
  }
  const currentAfter = (registrationId: number) => Math.max(0, ...(roundsAfter.get(registrationId) ?? []));

  // ── Sheets
  const recusals = await recusalsOf(db, session.id);
  const existing = await listSheets(db, { sessionId: session.id });
  const sets = new Map<number, LoadedSet>();
  const seen = new Map<string, number>();
  for (const [i, s] of doc.sheets.entries()) {
    const row = i + 1;
    const add = (column: string, code: string, message: string, params: Params = {}) =>
      errors.push({ sheet: 'sheets', row, column, code, message, params });
    const before = errors.length;
    const m = member(add, 'member', s.member);
    if (m && m.fullName === s.member.fullName) {
      if (!isScoringRole(m.role))
        add('member.id', 'MEMBER_NOT_SCORING', `${m.fullName} is the secretary (Thư ký) and does not score`, {
          name: m.fullName,
        });
      else if (m.present === false)
        add('member.id', 'MEMBER_ABSENT', `${m.fullName} is recorded absent from this session`, { name: m.fullName });
    }
    const item = product(add, s.registrationNo, s.productCode);
    if (item && m && recusals.get(item.registrationId)?.has(m.memberId))
      add('member.id', 'RECUSED', `${m.fullName} is recused from "${item.productName}" and has no sheet for it`, {
        name: m.fullName,
        product: item.productName,
      });
    if (s.status === 'draft')
      add('status', 'DRAFT_NOT_IMPORTED', 'Draft sheets are not imported; submit the sheet on the other computer first');
    if (s.source === 'paper' && !(s.enteredBy ?? '').trim())
      add('enteredBy', 'PAPER_WITHOUT_ENTERER', 'A paper sheet must say who entered it (enteredBy)');
    if (item && s.rescoringRound > currentAfter(item.registrationId)) {
      const current = currentAfter(item.registrationId);
      add(
        'rescoringRound',
        'ROUND_NOT_OPEN',
        `Re-scoring round ${s.rescoringRound} of "${item.productName}" is neither open on this computer nor in the file's rounds (latest round ${current})`,
        {
          round: s.rescoringRound,
          product: item.productName,
          current,
        },
      );
    }
    if (!item || !m) continue;
    if (!sets.has(item.criteriaSetVersionId))
      sets.set(item.criteriaSetVersionId, await loadCriteriaSet(db, item.criteriaSetVersionId));
    const loaded = sets.get(item.criteriaSetVersionId)!;
    if (
      s.criteriaSet.setKey !== loaded.setKey ||
      s.criteriaSet.version !== loaded.version ||
      s.criteriaSet.contentHash !== loaded.contentHash
    ) {
      add(
        'criteriaSet',
        'SET_MISMATCH',
        `"${item.productName}" is scored on ${loaded.setKey} v${loaded.version} here, but the sheet uses ${s.criteriaSet.setKey} v${s.criteriaSet.version} (${s.criteriaSet.contentHash.slice(0, 12)}…)`,
        {
          product: item.productName,
          here: `${loaded.setKey} v${loaded.version}`,
          file: `${s.criteriaSet.setKey} v${s.criteriaSet.version}`,
        },
      );
      continue;
    }
    const set = loaded.set;
    checkContent(set, s, add);
    if (errors.length > before) continue;
    const e = evaluateSheet(set, sheetContent(s.answers, s.declarations));
    for (const c of e.criteria) {
      if ((c.status === 'skipped' || c.status === 'stopped') && c.levelIndex !== null) {
        add(
          'answers',
          'CRITERION_NOT_EVALUATED',
          `Criterion ${c.code} has a level but is not evaluated on this sheet (${c.notEvaluatedBecause.join(', ')})`,
          { code: c.code },
        );
      }
    }
    if (e.total !== s.totalPoints)
      add('totalPoints', 'TOTAL_MISMATCH', `The answers add up to ${e.total} points, but the sheet says ${s.totalPoints}`, {
        computed: e.total,
        file: s.totalPoints,
      });
    if (!e.complete)
      add('answers', 'INCOMPLETE', `A submitted sheet must answer every applicable criterion; missing: ${e.missing.join(', ')}`, {
        missing: e.missing.join(', '),
      });
    const k = `${item.registrationId}/${m.memberId}/${s.rescoringRound}`;
    if (seen.has(k))
      add(
        '(sheet)',
        'DUPLICATE_SHEET',
        `Sheet ${seen.get(k)} of the file is already ${m.fullName}'s sheet for "${item.productName}" in round ${s.rescoringRound}`,
        { other: seen.get(k)!, name: m.fullName, product: item.productName, round: s.rescoringRound },
      );
    seen.set(k, row);
    const here = existing.find(
      (r) => r.registrationId === item.registrationId && r.memberId === m.memberId && r.rescoringRound === s.rescoringRound,
    );
    let action: PlannedSheet['action'] = 'new';
    if (here) {
      const hereSheet = await sheetAsExchange(db, here);
      if (here.status === 'draft' && (isEmpty(hereSheet) || same(hereSheet, s))) action = 'update';
      else if (here.status !== 'draft' && same(hereSheet, s)) action = 'same';
      else {
        add(
          '(sheet)',
          'CONFLICT_EXISTING',
          `${m.fullName} already has a different sheet (${here.id}, ${here.status}, ${here.totalPoints} points) for "${item.productName}" in round ${s.rescoringRound} on this computer`,
          {
            name: m.fullName,
            product: item.productName,
            round: s.rescoringRound,
            sheetId: here.id,
            status: here.status,
            points: here.totalPoints,
          },
        );
      }
    }
    if (errors.length === before)
      plan.sheets.push({
        row,
        sheet: s,
        registrationId: item.registrationId,
        memberId: m.memberId,
        set,
        versionId: item.criteriaSetVersionId,
        action,
        storedId: here?.id ?? null,
      });
  }

  // A sheet marked superseded needs a later round of the same member and product, in the file or stored.
  for (const p of plan.sheets.filter((x) => x.sheet.status === 'superseded')) {
    const later =
      plan.sheets.some(
        (q) =>
          q.registrationId === p.registrationId && q.memberId === p.memberId && q.sheet.rescoringRound > p.sheet.rescoringRound,
      ) ||
      existing.some(
        (r) =>
          r.registrationId === p.registrationId &&
          r.memberId === p.memberId &&
          r.rescoringRound > p.sheet.rescoringRound &&
          r.status !== 'draft',
      );
    if (!later)
      errors.push({
        sheet: 'sheets',
        row: p.row,
        column: 'status',
        code: 'SUPERSEDED_WITHOUT_LATER',
        message: 'The sheet is marked superseded but no later round of the same member and product exists',
        params: {},
      });
  }
  // Stored submitted sheets that a written sheet of a later round replaces.
  const written = plan.sheets.filter((p) => p.action !== 'same');
  plan.superseded = existing.filter(
    (r) =>
      r.status === 'submitted' &&
      written.some(
        (p) => p.registrationId === r.registrationId && p.memberId === r.memberId && p.sheet.rescoringRound > r.rescoringRound,
      ),
  );
  return plan;
}

const sameRound = (here: StoredRound, r: ExchangeRound): boolean =>
  here.reason === r.reason && here.openedById === r.openedBy.id && here.openedAt === r.openedAt;

/** Answers and declarations against the pinned set: codes, levels, points, rules, reasons. */
function checkContent(
  set: CriteriaSet,
  s: ExchangeSheet,
  add: (column: string, code: string, message: string, params?: Params) => void,
): void {
  const codes = new Set<string>();
  s.answers.forEach((a, j) => {
    const col = `answers.${j}`;
    if (codes.has(a.criterionCode))
      add(`${col}.criterionCode`, 'CRITERION_DUPLICATE', `Criterion ${a.criterionCode} is answered twice`, {
        code: a.criterionCode,
      });
    codes.add(a.criterionCode);
    const p = checkAnswer(set, a.criterionCode, a.levelIndex);
    if (p?.code === 'UNKNOWN_CRITERION')
      add(`${col}.criterionCode`, 'CRITERION_UNKNOWN', `The criteria set has no criterion "${a.criterionCode}"`, {
        code: a.criterionCode,
      });
    else if (p?.code === 'LEVEL_OUT_OF_RANGE') {
      add(
        `${col}.levelIndex`,
        'LEVEL_OUT_OF_RANGE',
        `Criterion ${a.criterionCode} has levels 0 to ${p.levelCount - 1}; ${a.levelIndex} is not one of them`,
        { code: a.criterionCode, count: p.levelCount, level: a.levelIndex + 1 },
      );
    } else {
      const points = findCriterion(set, a.criterionCode)!.criterion.levels[a.levelIndex]!.points;
      if (points !== a.points)
        add(
          `${col}.points`,
          'POINTS_MISMATCH',
          `Level ${a.levelIndex} of criterion ${a.criterionCode} gives ${points} points, not ${a.points}`,
          { code: a.criterionCode, level: a.levelIndex + 1, points, file: a.points },
        );
    }
  });
  s.declarations.forEach((d, j) => {
    const rule = set.rules.find((r) => r.id === d.ruleId);
    if (!rule || !isDeclarable(rule))
      add(`declarations.${j}.ruleId`, 'RULE_UNKNOWN', `The criteria set has no rule "${d.ruleId}" on which a member declares`, {
        rule: d.ruleId,
      });
    else if (checkDeclaration(set, d.ruleId, d))
      add(`declarations.${j}.reason`, 'REASON_REQUIRED', `The disqualifying finding ${d.ruleId} has no reason`, {
        rule: d.ruleId,
      });
  });
}
