import type { Kysely } from 'kysely';
import type { PaperEntry, PaperState, SheetView } from '../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { checkWrittenTotal, diffPaperEntries, mergePaperEntries, type PaperEntryContent } from '../../../shared/ocop/paper-entry';
import {
  checkAnswer,
  checkDeclaration,
  evaluateSheet,
  isDeclarable,
  type RuleDeclaration,
} from '../../../shared/ocop/sheet-rules';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { syncWriteIn, type Write } from '../handlers';
import { applyChange, type Change } from './answer-events';
import { criteriaSetOf } from './criteria-cache';
import { entryRows, markEntriesCommitted, writeEntry, type EntryRow, type PaperKey } from './paper-repo';
import { insertSheet, listSheets, markSubmitted, toSummary } from './sheet-repo';
import { sheetViewIn, supersedeEarlier } from './sheet-service';
import {
  assertScoringOpen,
  assignedItem,
  currentRound,
  scoringMember,
  type AgendaRow,
  type SessionMemberRow,
} from './session-access';
import { getSession } from '../sessions/session-repo';

/**
 * Paper sheets (phiếu giấy): the secretary types a member's sheet into the grid, optionally a
 * second person types it again, mismatches are resolved against the paper, and the agreed
 * sheet becomes the member's submitted sheet, marked "nhập từ phiếu giấy" with who typed it.
 */

interface Scope {
  member: SessionMemberRow;
  item: AgendaRow;
  round: number;
  set: CriteriaSet;
}

async function scope(db: Kysely<DB>, key: PaperKey): Promise<Scope> {
  await getSession(db, key.sessionId);
  const member = await scoringMember(db, key.sessionId, key.memberId);
  const item = await assignedItem(db, key.sessionId, key.registrationId, member);
  const round = await currentRound(db, key.sessionId, key.registrationId);
  return { member, item, round, set: await criteriaSetOf(db, item.criteriaSetVersionId) };
}

function toEntry(set: CriteriaSet, e: EntryRow): PaperEntry {
  const check = checkWrittenTotal(set, e.content);
  return {
    id: e.id,
    entryNo: e.entryNo,
    enteredBy: e.enteredBy,
    writtenTotal: e.writtenTotal,
    opinion: e.opinion,
    status: e.status,
    answers: [...e.content.answers].map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
    declarations: [...e.content.declarations].map(([ruleId, d]) => ({ ruleId, holds: d.holds, reason: d.reason })),
    computedTotal: check.computed,
    totalAgrees: check.agrees,
    missing: evaluateSheet(set, e.content).missing,
    updatedAt: e.updatedAt,
  };
}

/** The scoring:paperGet query. */
export const getPaper = (ctx: CoreContext, input: PaperKey): Promise<PaperState> => paperState(ctx.db, input);

/** The paper entries of a member's sheet, read through `db` (a save reads it inside its own transaction). */
async function paperState(db: Kysely<DB>, key: PaperKey): Promise<PaperState> {
  const s = await scope(db, key);
  const entries = await entryRows(db, key, s.round);
  const first = entries.find((e) => e.entryNo === 1);
  const second = entries.find((e) => e.entryNo === 2);
  const d = first && second ? diffPaperEntries(s.set, first.content, second.content) : null;
  const sheet = (await listSheets(db, key)).find((r) => r.rescoringRound === s.round) ?? null;
  return {
    ...key,
    memberName: s.member.fullName,
    rescoringRound: s.round,
    criteriaSetVersionId: s.item.criteriaSetVersionId,
    entries: entries.map((e) => toEntry(s.set, e)),
    diff: d && {
      mismatches: d.mismatches,
      criteria: d.criteria,
      declarations: d.declarations.map((x) => ({ ruleId: x.ruleId, first: x.first, second: x.second, agree: x.agree })),
      writtenTotal: d.writtenTotal,
      identical: d.identical,
    },
    committedSheet: sheet ? toSummary(sheet) : null,
  };
}

function validateEntry(
  set: CriteriaSet,
  answers: { criterionCode: string; levelIndex: number }[],
  declarations: { ruleId: string; holds: boolean; reason: string | null }[],
): void {
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (seen.has(a.criterionCode))
      errors.push({ path: `answers.${i}.criterionCode`, message: `criterion ${a.criterionCode} is entered twice` });
    seen.add(a.criterionCode);
    const p = checkAnswer(set, a.criterionCode, a.levelIndex);
    if (p?.code === 'UNKNOWN_CRITERION')
      errors.push({
        path: `answers.${i}.criterionCode`,
        message: `the criteria set "${set.name}" has no criterion "${a.criterionCode}"`,
      });
    if (p?.code === 'LEVEL_OUT_OF_RANGE')
      errors.push({
        path: `answers.${i}.levelIndex`,
        message: `criterion ${a.criterionCode} has levels 1 to ${p.levelCount} on paper; ${a.levelIndex + 1} is not one of them`,
      });
  });
  declarations.forEach((d, i) => {
    const rule = set.rules.find((r) => r.id === d.ruleId);
    if (!rule || !isDeclarable(rule))
      errors.push({
        path: `declarations.${i}.ruleId`,
        message: `the criteria set has no rule "${d.ruleId}" on which a member declares`,
      });
    else if (checkDeclaration(set, d.ruleId, d) !== null)
      errors.push({
        path: `declarations.${i}.reason`,
        message: `a disqualifying finding (${d.ruleId}) needs its reason as written on the paper`,
      });
  });
  if (errors.length > 0)
    throw new CoreError('VALIDATION', `The paper entry has errors: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
      field: errors[0]!.path,
      issues: errors.map((e) => ({ path: e.path.split('.'), message: e.message, code: 'custom' })),
    });
}

export interface PaperSaveInput extends PaperKey {
  entryNo: 1 | 2;
  enteredBy: string;
  writtenTotal: number | null;
  opinion: string;
  answers: { criterionCode: string; levelIndex: number }[];
  declarations: { ruleId: string; holds: boolean; reason: string | null }[];
}

export async function savePaperEntry(w: Write, input: PaperSaveInput): Promise<PaperState> {
  const key: PaperKey = { sessionId: input.sessionId, registrationId: input.registrationId, memberId: input.memberId };
  const { trx } = w;
  assertScoringOpen(await getSession(trx, key.sessionId), 'paper sheets');
  const s = await scope(trx, key);
  const existingSheet = (await listSheets(trx, key)).find((r) => r.rescoringRound === s.round);
  if (existingSheet) {
    throw new CoreError(
      'CONFLICT',
      `${s.member.fullName} already has a ${existingSheet.source === 'paper' ? 'paper' : 'scoring-screen'} sheet for "${s.item.productName}" in this round (sheet ${existingSheet.id}); a paper sheet cannot be entered over it`,
      { sheetId: existingSheet.id },
    );
  }
  validateEntry(s.set, input.answers, input.declarations);
  const entries = await entryRows(trx, key, s.round);
  const other = entries.find((e) => e.entryNo !== input.entryNo);
  if (other && other.enteredBy.trim().toLocaleLowerCase('vi') === input.enteredBy.trim().toLocaleLowerCase('vi')) {
    throw new CoreError(
      'VALIDATION',
      `enteredBy: the second entry must be typed by a different person than entry ${other.entryNo} (${other.enteredBy}), so that typing mistakes show up`,
      { field: 'enteredBy' },
    );
  }
  const existing = entries.find((e) => e.entryNo === input.entryNo);
  const at = w.at.toISOString();
  const entryId = await writeEntry(trx, key, s.round, existing?.id ?? null, input, at);
  await w.audit({
    action: 'scoring.paper.entry',
    entity: 'paper_entry',
    entityId: entryId,
    before: existing
      ? {
          enteredBy: existing.enteredBy,
          writtenTotal: existing.writtenTotal,
          answers: Object.fromEntries(existing.content.answers),
        }
      : null,
    after: {
      ...key,
      rescoringRound: s.round,
      entryNo: input.entryNo,
      enteredBy: input.enteredBy,
      writtenTotal: input.writtenTotal,
      answers: Object.fromEntries(input.answers.map((a) => [a.criterionCode, a.levelIndex])),
      declarations: input.declarations,
    },
  });
  return paperState(trx, key);
}

export interface PaperCommitInput extends PaperKey {
  resolvedBy: string;
  resolutions: {
    criteria: { criterionCode: string; levelIndex: number | null }[];
    declarations: { ruleId: string; declaration: { holds: boolean; reason: string | null } | null }[];
    writtenTotal?: number | null;
  };
  allowSingleEntry: boolean;
  acceptTotalMismatch: boolean;
}

export async function commitPaper(w: Write, input: PaperCommitInput): Promise<SheetView> {
  const key: PaperKey = { sessionId: input.sessionId, registrationId: input.registrationId, memberId: input.memberId };
  const { trx } = w;
  assertScoringOpen(await getSession(trx, key.sessionId), 'paper sheets');
  const s = await scope(trx, key);
  const entries = (await entryRows(trx, key, s.round)).filter((e) => e.status === 'open');
  const first = entries.find((e) => e.entryNo === 1);
  const second = entries.find((e) => e.entryNo === 2);
  if (!first)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `No open paper entry of ${s.member.fullName}'s sheet for "${s.item.productName}"; type the sheet in first`,
      { ...key },
    );
  const criteria = new Map(input.resolutions.criteria.map((c) => [c.criterionCode, c.levelIndex]));
  const declarations = new Map<string, RuleDeclaration | null>(
    input.resolutions.declarations.map((d) => [d.ruleId, d.declaration]),
  );
  let content: PaperEntryContent;
  if (second) {
    const merged = mergePaperEntries(s.set, first.content, second.content, {
      criteria,
      declarations,
      ...(input.resolutions.writtenTotal !== undefined ? { writtenTotal: input.resolutions.writtenTotal } : {}),
    });
    if (!merged.ok) {
      const parts = [
        merged.unresolvedCriteria.length > 0 ? `criteria ${merged.unresolvedCriteria.join(', ')}` : '',
        merged.unresolvedDeclarations.length > 0 ? `declarations ${merged.unresolvedDeclarations.join(', ')}` : '',
        merged.writtenTotalUnresolved ? 'the written total' : '',
      ].filter(Boolean);
      throw new CoreError(
        'FORBIDDEN_STATE',
        `The two entries still differ on ${parts.join(' and ')}; read the paper and resolve each before committing`,
        merged,
      );
    }
    content = merged.content;
  } else {
    if (!input.allowSingleEntry)
      throw new CoreError(
        'FORBIDDEN_STATE',
        `Only one entry of ${s.member.fullName}'s paper sheet exists; have a second person enter it, or commit the single entry explicitly`,
        { ...key },
      );
    const answers = new Map(first.content.answers);
    for (const [code, v] of criteria) {
      if (v === null) answers.delete(code);
      else answers.set(code, v);
    }
    const decl = new Map(first.content.declarations);
    for (const [id, v] of declarations) {
      if (v === null) decl.delete(id);
      else decl.set(id, v);
    }
    content = {
      answers,
      declarations: decl,
      writtenTotal: input.resolutions.writtenTotal !== undefined ? input.resolutions.writtenTotal : first.writtenTotal,
    };
  }
  validateEntry(
    s.set,
    [...content.answers].map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
    [...content.declarations].map(([ruleId, d]) => ({ ruleId, ...d })),
  );
  const e = evaluateSheet(s.set, content);
  if (!e.complete)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The paper sheet is not complete: no level for criteria ${e.missing.join(', ')}${e.problems.length ? ` (${e.problems.map((p) => p.code).join(', ')})` : ''}; check the paper`,
      { missing: e.missing, problems: e.problems },
    );
  const check = checkWrittenTotal(s.set, content);
  if (check.agrees === false && !input.acceptTotalMismatch) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The levels entered add up to ${check.computed} points but the paper says ${check.written}; correct the entry, or confirm that the total on paper is wrong`,
      { ...check },
    );
  }

  const enteredBy = [first.enteredBy, second?.enteredBy].filter(Boolean).join(' / ');
  const at = w.at.toISOString();
  const resolver = input.resolvedBy.trim() || w.actor;
  const id = await insertSheet(trx, {
    ...key,
    criteriaSetVersionId: s.item.criteriaSetVersionId,
    rescoringRound: s.round,
    source: 'paper',
    enteredBy,
    at,
  });
  const opinion = first.opinion || second?.opinion || '';
  const changes: Change[] = [
    ...[...content.declarations].map(([ruleId, value]): Change => ({ kind: 'declaration', ruleId, value })),
    ...[...content.answers].map(([code, levelIndex]): Change => ({ kind: 'level', code, levelIndex })),
    ...(opinion ? [{ kind: 'opinion', opinion } as Change] : []),
  ];
  // Inside this Kysely transaction (it holds the connection): the sync primitive joins it.
  const sw = syncWriteIn(w);
  for (const c of changes) applyChange(sw, { id, set: s.set }, c, { at, actor: enteredBy });
  await markSubmitted(trx, id, e, { status: 'submitted', submittedAt: at, submittedBy: resolver });
  const superseded = await supersedeEarlier(trx, {
    sessionId: key.sessionId,
    registrationId: key.registrationId,
    memberId: key.memberId,
    rescoringRound: s.round,
  });
  await markEntriesCommitted(
    trx,
    entries.map((x) => x.id),
    id,
    at,
  );
  await w.audit({
    actor: resolver,
    action: 'scoring.paper.commit',
    entity: 'score_sheet',
    entityId: id,
    before: second ? { mismatches: diffPaperEntries(s.set, first.content, second.content).mismatches } : null,
    after: {
      ...key,
      source: 'paper',
      enteredBy,
      doubleEntry: second !== undefined,
      resolutions: input.resolutions,
      totalPoints: e.total,
      writtenTotal: content.writtenTotal,
      acceptedTotalMismatch: check.agrees === false,
      answers: Object.fromEntries(content.answers),
      superseded,
    },
  });
  return sheetViewIn(w, id);
}
