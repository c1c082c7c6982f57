import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ImportResult } from '../../../shared/api/channels/scoring';
import { SCORE_SHEETS_FORMAT, SCORE_SHEETS_FORMAT_VERSION, ScoreSheetsDocument, type ExchangeSheet } from '../../../shared/api/channels/scoring-exchange';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { findCriterion } from '../../../shared/ocop/criteria-set-walk';
import { checkAnswer, checkDeclaration, evaluateSheet, isDeclarable, sheetContent } from '../../../shared/ocop/sheet-rules';
import { nfcDeep } from '../../../shared/text/normalize';
import { APP_NAME, APP_VERSION } from '../app/version';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { actorOf, type CallMeta } from '../handlers';
import { applyChange, type Change } from './answer-events';
import { loadCriteriaSet, type LoadedSet } from './criteria-cache';
import { derivedColumns, listSheetRows, loadSheetContent, type SheetRow } from './sheet-repo';
import { supersedeEarlier } from './sheet-service';
import { agendaOf, currentRounds, getSession, isScoringRole, recusalsOf, sessionMembers } from './session-access';

/**
 * Export and import of a session's member sheets (docs/formats/score-sheets.md). The import is
 * all or nothing: every sheet is checked against this computer's session, members, agenda,
 * recusals, pinned criteria sets and existing sheets first; any error and nothing is written.
 */

export async function exportSheets(ctx: CoreContext, sessionId: number): Promise<ScoreSheetsDocument> {
  const db = ctx.db;
  const session = await getSession(db, sessionId);
  const agenda = new Map((await agendaOf(db, sessionId)).map((a) => [a.registrationId, a]));
  const rows = await listSheetRows(db, { sessionId });
  const sets = new Map<number, LoadedSet>();
  const sheets: ExchangeSheet[] = [];
  for (const r of rows) {
    if (!sets.has(r.criteria_set_version_id)) sets.set(r.criteria_set_version_id, await loadCriteriaSet(db, r.criteria_set_version_id));
    const set = sets.get(r.criteria_set_version_id)!;
    const item = agenda.get(r.registration_id) ?? (await registrationInfo(db, r.registration_id));
    const { answers, declarations } = await loadSheetContent(db, r.id);
    sheets.push({
      registrationNo: item.registrationNo,
      productCode: item.productCode,
      productName: item.productName,
      criteriaSet: { setKey: set.setKey, version: set.version, contentHash: set.contentHash },
      member: { id: r.member_id, fullName: r.member_name },
      rescoringRound: r.rescoring_round,
      source: r.source as 'member' | 'paper',
      enteredBy: r.entered_by,
      status: r.status as 'draft' | 'submitted' | 'superseded',
      submittedAt: r.submitted_at,
      revisionReason: r.revision_reason,
      opinion: r.opinion,
      // Notes travel with their answer; a note on a criterion without a level is not exported.
      answers: answers
        .filter((a) => a.levelIndex !== null)
        .map((a) => ({ criterionCode: a.criterionCode, levelIndex: a.levelIndex!, points: a.points!, note: a.note })),
      declarations: declarations.map((d) => ({ ruleId: d.ruleId, holds: d.holds, reason: d.reason })),
      totalPoints: r.total_points,
    });
  }
  return {
    format: SCORE_SHEETS_FORMAT,
    formatVersion: SCORE_SHEETS_FORMAT_VERSION,
    exportedAt: ctx.now().toISOString(),
    app: { name: APP_NAME, version: APP_VERSION },
    session: { id: session.id, councilName: session.councilName, number: session.number, date: session.date, title: session.title },
    sheets,
  };
}

async function registrationInfo(db: Kysely<DB>, registrationId: number): Promise<{ registrationNo: string; productCode: string; productName: string }> {
  const r = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .select(['r.registration_no', 'p.product_code', 'p.name'])
    .where('r.id', '=', registrationId)
    .executeTakeFirstOrThrow();
  return { registrationNo: r.registration_no, productCode: r.product_code, productName: r.name };
}

/** One problem of an import file: `row` is the 1-based sheet number, `column` the JSON path inside it. */
export interface ImportIssue {
  row?: number;
  column?: string;
  code: string;
  message: string;
}

interface Planned {
  sheet: ExchangeSheet;
  registrationId: number;
  memberId: number;
  set: CriteriaSet;
  versionId: number;
  /** An identical sheet is already stored: nothing to write. */
  existingId: number | null;
}

const sameContent = (a: ExchangeSheet, b: ExchangeSheet): boolean => {
  const key = (s: ExchangeSheet) =>
    JSON.stringify({
      answers: [...s.answers].sort((x, y) => x.criterionCode.localeCompare(y.criterionCode)).map((x) => [x.criterionCode, x.levelIndex, x.note]),
      declarations: [...s.declarations].sort((x, y) => x.ruleId.localeCompare(y.ruleId)).map((x) => [x.ruleId, x.holds, x.reason ?? null]),
      total: s.totalPoints,
      status: s.status,
      opinion: s.opinion,
    });
  return key(a) === key(b);
};

/** Checks everything; returns the plan or throws IMPORT_INVALID listing every problem found. */
async function planImport(db: Kysely<DB>, raw: unknown): Promise<{ doc: ScoreSheetsDocument; plan: Planned[] }> {
  const parsed = ScoreSheetsDocument.safeParse(nfcDeep(raw));
  if (!parsed.success) {
    const issues: ImportIssue[] = parsed.error.issues.map((i) => {
      const [head, idx, ...rest] = i.path.map(String);
      const inSheet = head === 'sheets' && idx !== undefined && /^\d+$/.test(idx);
      return {
        ...(inSheet ? { row: Number(idx) + 1, column: rest.join('.') || '(sheet)' } : { column: i.path.map(String).join('.') || '(document)' }),
        code: 'FORMAT',
        message: i.message,
      };
    });
    throw invalid(issues);
  }
  const doc = parsed.data;
  const issues: ImportIssue[] = [];
  const session = await db.selectFrom('session as s').innerJoin('council as c', 'c.id', 's.council_id').select(['s.id', 's.date', 's.number', 's.status', 'c.name']).where('s.id', '=', doc.session.id).executeTakeFirst();
  if (!session) throw invalid([{ column: 'session.id', code: 'SESSION_UNKNOWN', message: `There is no session ${doc.session.id} on this computer` }]);
  if (session.date !== doc.session.date || session.number !== doc.session.number || session.name !== doc.session.councilName) {
    throw invalid([
      {
        column: 'session',
        code: 'SESSION_MISMATCH',
        message: `Session ${doc.session.id} on this computer is "${session.name}" no. ${session.number} on ${session.date}, but the file is for "${doc.session.councilName}" no. ${doc.session.number} on ${doc.session.date}`,
      },
    ]);
  }
  if (session.status !== 'in_progress') throw invalid([{ column: 'session', code: 'SESSION_NOT_OPEN', message: `Session ${session.id} is ${session.status}; sheets can only be imported while it is in progress` }]);

  const members = new Map((await sessionMembers(db, session.id)).map((m) => [m.memberId, m]));
  const agenda = new Map((await agendaOf(db, session.id)).map((a) => [a.registrationNo, a]));
  const recusals = await recusalsOf(db, session.id);
  const rounds = await currentRounds(db, session.id);
  const existing = await listSheetRows(db, { sessionId: session.id });
  const sets = new Map<number, LoadedSet>();
  const seen = new Map<string, number>();
  const plan: Planned[] = [];

  for (const [i, s] of doc.sheets.entries()) {
    const row = i + 1;
    const add = (column: string, code: string, message: string) => issues.push({ row, column, code, message });
    const before = issues.length;
    const m = members.get(s.member.id);
    if (!m) add('member.id', 'MEMBER_UNKNOWN', `Member ${s.member.id} (${s.member.fullName}) is not listed for this session`);
    else if (m.fullName !== s.member.fullName) add('member.fullName', 'MEMBER_NAME_MISMATCH', `Member ${s.member.id} is "${m.fullName}" on this computer, not "${s.member.fullName}"`);
    else if (!isScoringRole(m.role)) add('member.id', 'MEMBER_NOT_SCORING', `${m.fullName} is the secretary (Thư ký) and does not score`);
    else if (m.present === false) add('member.id', 'MEMBER_ABSENT', `${m.fullName} is recorded absent from this session`);
    const item = agenda.get(s.registrationNo);
    if (!item) add('registrationNo', 'PRODUCT_UNKNOWN', `Registration ${s.registrationNo} is not on this session's agenda`);
    else if (item.productCode !== s.productCode) add('productCode', 'PRODUCT_CODE_MISMATCH', `Registration ${s.registrationNo} is product ${item.productCode} on this computer, not ${s.productCode}`);
    if (item && m && recusals.get(item.registrationId)?.has(m.memberId)) add('member.id', 'RECUSED', `${m.fullName} is recused from "${item.productName}" and has no sheet for it`);
    if (s.status === 'draft') add('status', 'DRAFT_NOT_IMPORTED', 'Draft sheets are not imported; submit the sheet on the other computer first');
    if (s.source === 'paper' && !(s.enteredBy ?? '').trim()) add('enteredBy', 'PAPER_WITHOUT_ENTERER', 'A paper sheet must say who entered it (enteredBy)');
    if (item && s.rescoringRound > (rounds.get(item.registrationId) ?? 0)) {
      add('rescoringRound', 'ROUND_NOT_OPEN', `Re-scoring round ${s.rescoringRound} of "${item.productName}" has not been opened on this computer (current round ${rounds.get(item.registrationId) ?? 0})`);
    }
    if (!item || !m) continue;
    if (!sets.has(item.criteriaSetVersionId)) sets.set(item.criteriaSetVersionId, await loadCriteriaSet(db, item.criteriaSetVersionId));
    const loaded = sets.get(item.criteriaSetVersionId)!;
    if (s.criteriaSet.setKey !== loaded.setKey || s.criteriaSet.version !== loaded.version || s.criteriaSet.contentHash !== loaded.contentHash) {
      add('criteriaSet', 'SET_MISMATCH', `"${item.productName}" is scored on ${loaded.setKey} v${loaded.version} here, but the sheet uses ${s.criteriaSet.setKey} v${s.criteriaSet.version} (${s.criteriaSet.contentHash.slice(0, 12)}…)`);
      continue;
    }
    const set = loaded.set;
    const codes = new Set<string>();
    s.answers.forEach((a, j) => {
      const col = `answers.${j}`;
      if (codes.has(a.criterionCode)) add(`${col}.criterionCode`, 'CRITERION_DUPLICATE', `Criterion ${a.criterionCode} is answered twice`);
      codes.add(a.criterionCode);
      const p = checkAnswer(set, a.criterionCode, a.levelIndex);
      if (p?.code === 'UNKNOWN_CRITERION') add(`${col}.criterionCode`, 'CRITERION_UNKNOWN', `The criteria set has no criterion "${a.criterionCode}"`);
      else if (p?.code === 'LEVEL_OUT_OF_RANGE') add(`${col}.levelIndex`, 'LEVEL_OUT_OF_RANGE', `Criterion ${a.criterionCode} has levels 0 to ${p.levelCount - 1}; ${a.levelIndex} is not one of them`);
      else {
        const points = findCriterion(set, a.criterionCode)!.criterion.levels[a.levelIndex]!.points;
        if (points !== a.points) add(`${col}.points`, 'POINTS_MISMATCH', `Level ${a.levelIndex} of criterion ${a.criterionCode} gives ${points} points, not ${a.points}`);
      }
    });
    s.declarations.forEach((d, j) => {
      const rule = set.rules.find((r) => r.id === d.ruleId);
      if (!rule || !isDeclarable(rule)) add(`declarations.${j}.ruleId`, 'RULE_UNKNOWN', `The criteria set has no rule "${d.ruleId}" on which a member declares`);
      else if (checkDeclaration(set, d.ruleId, d)) add(`declarations.${j}.reason`, 'REASON_REQUIRED', `The disqualifying finding ${d.ruleId} has no reason`);
    });
    if (issues.length > before) continue;
    const e = evaluateSheet(set, sheetContent(s.answers, s.declarations));
    for (const c of e.criteria) {
      if ((c.status === 'skipped' || c.status === 'stopped') && c.levelIndex !== null) {
        add(`answers`, 'CRITERION_NOT_EVALUATED', `Criterion ${c.code} has a level but is not evaluated on this sheet (${c.notEvaluatedBecause.join(', ')})`);
      }
    }
    if (e.total !== s.totalPoints) add('totalPoints', 'TOTAL_MISMATCH', `The answers add up to ${e.total} points, but the sheet says ${s.totalPoints}`);
    if (s.status !== 'draft' && !e.complete) add('answers', 'INCOMPLETE', `A submitted sheet must answer every applicable criterion; missing: ${e.missing.join(', ')}`);
    const k = `${item.registrationId}/${m.memberId}/${s.rescoringRound}`;
    if (seen.has(k)) add('(sheet)', 'DUPLICATE_SHEET', `Sheet ${seen.get(k)} of the file is already ${m.fullName}'s sheet for "${item.productName}" in round ${s.rescoringRound}`);
    seen.set(k, row);
    const stored = existing.find((r) => r.registration_id === item.registrationId && r.member_id === m.memberId && r.rescoring_round === s.rescoringRound);
    let existingId: number | null = null;
    if (stored) {
      const storedSheet = await storedAsExchange(db, stored);
      if (sameContent(storedSheet, s)) existingId = stored.id;
      else add('(sheet)', 'CONFLICT_EXISTING', `${m.fullName} already has a different sheet (${stored.id}, ${stored.status}, ${stored.total_points} points) for "${item.productName}" in round ${s.rescoringRound} on this computer`);
    }
    if (issues.length === before) plan.push({ sheet: s, registrationId: item.registrationId, memberId: m.memberId, set, versionId: item.criteriaSetVersionId, existingId });
  }
  // A sheet marked superseded needs a later round of the same member and product, in the file or stored.
  for (const p of plan.filter((x) => x.sheet.status === 'superseded')) {
    const later =
      plan.some((q) => q.registrationId === p.registrationId && q.memberId === p.memberId && q.sheet.rescoringRound > p.sheet.rescoringRound && q.sheet.status !== 'draft') ||
      existing.some((r) => r.registration_id === p.registrationId && r.member_id === p.memberId && r.rescoring_round > p.sheet.rescoringRound && r.status !== 'draft');
    if (!later) issues.push({ row: doc.sheets.indexOf(p.sheet) + 1, column: 'status', code: 'SUPERSEDED_WITHOUT_LATER', message: 'The sheet is marked superseded but no later round of the same member and product exists' });
  }
  if (issues.length > 0) throw invalid(issues);
  return { doc, plan };
}

async function storedAsExchange(db: Kysely<DB>, r: SheetRow): Promise<ExchangeSheet> {
  const { answers, declarations } = await loadSheetContent(db, r.id);
  return {
    registrationNo: '',
    productCode: '',
    productName: '',
    criteriaSet: { setKey: '', version: 1, contentHash: '0'.repeat(64) },
    member: { id: r.member_id, fullName: r.member_name },
    rescoringRound: r.rescoring_round,
    source: r.source as 'member' | 'paper',
    enteredBy: r.entered_by,
    status: r.status as ExchangeSheet['status'],
    submittedAt: r.submitted_at,
    revisionReason: r.revision_reason,
    opinion: r.opinion,
    answers: answers.filter((a) => a.levelIndex !== null).map((a) => ({ criterionCode: a.criterionCode, levelIndex: a.levelIndex!, points: a.points!, note: a.note })),
    declarations: declarations.map((d) => ({ ruleId: d.ruleId, holds: d.holds, reason: d.reason })),
    totalPoints: r.total_points,
  };
}

const invalid = (errors: ImportIssue[]): CoreError =>
  new CoreError('IMPORT_INVALID', `The score-sheet file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported. First: ${errors[0]?.row ? `sheet ${errors[0].row}, ` : ''}${errors[0]?.column ?? ''}: ${errors[0]?.message ?? ''}`, { errors });

export async function importSheets(ctx: CoreContext, raw: unknown, dryRun: boolean, meta: CallMeta): Promise<ImportResult> {
  if (dryRun) {
    const { plan } = await planImport(ctx.db, raw);
    return { dryRun: true, sheets: plan.map(resultRow) };
  }
  // One transaction: the checks and the writes see the same data, and any failure writes nothing.
  return ctx.db.transaction().execute(async (trx) => {
    const { doc, plan } = await planImport(trx, raw);
    return { dryRun: false, sheets: await writePlan(trx, ctx.sqlite, doc, plan, ctx.now(), actorOf(ctx, meta)) };
  });
}

const resultRow = (p: Planned): ImportResult['sheets'][number] => ({
  registrationNo: p.sheet.registrationNo,
  memberName: p.sheet.member.fullName,
  rescoringRound: p.sheet.rescoringRound,
  status: p.sheet.status,
  totalPoints: p.sheet.totalPoints,
  sheetId: p.existingId,
});

async function writePlan(db: Kysely<DB>, sqlite: Database.Database, doc: ScoreSheetsDocument, plan: Planned[], now: Date, operator: string): Promise<ImportResult['sheets']> {
  const at = now.toISOString();
  const out = plan.map(resultRow);
  // Earlier rounds first, so a later round's submission supersedes them.
  const ordered = plan.map((p, i) => ({ p, i })).sort((a, b) => a.p.sheet.rescoringRound - b.p.sheet.rescoringRound);
  for (const { p, i } of ordered) {
    if (p.existingId !== null) continue;
    const s = p.sheet;
    const { id } = await db
      .insertInto('score_sheet')
      .values({
        session_id: doc.session.id,
        registration_id: p.registrationId,
        member_id: p.memberId,
        criteria_set_version_id: p.versionId,
        rescoring_round: s.rescoringRound,
        source: s.source,
        entered_by: s.enteredBy,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = s.source === 'paper' ? (s.enteredBy ?? operator) : s.member.fullName;
    const changes: Change[] = [
      ...s.declarations.map((d): Change => ({ kind: 'declaration', ruleId: d.ruleId, value: { holds: d.holds, reason: d.reason } })),
      ...s.answers.map((a): Change => ({ kind: 'level', code: a.criterionCode, levelIndex: a.levelIndex })),
      ...s.answers.filter((a) => a.note !== '').map((a): Change => ({ kind: 'note', code: a.criterionCode, note: a.note })),
      ...(s.opinion ? [{ kind: 'opinion', opinion: s.opinion } as Change] : []),
    ];
    // Inside the import's Kysely transaction (it holds the connection): the sync primitive joins it.
    for (const c of changes) applyChange(sqlite, { id, set: p.set }, c, { at, actor });
    const e = evaluateSheet(p.set, sheetContent(s.answers, s.declarations));
    await db
      .updateTable('score_sheet')
      .set({ ...derivedColumns(e), status: 'submitted', submitted_at: s.submittedAt ?? at, submitted_by: actor, revision_reason: s.revisionReason })
      .where('id', '=', id)
      .execute();
    await supersedeEarlier(db, { session_id: doc.session.id, registration_id: p.registrationId, member_id: p.memberId, rescoring_round: s.rescoringRound });
    out[i]!.sheetId = id;
  }
  await appendAudit(db, now, {
    actor: operator,
    action: 'scoring.import',
    entity: 'session',
    entityId: doc.session.id,
    after: { exportedAt: doc.exportedAt, app: doc.app, sheets: out },
  });
  return out;
}
