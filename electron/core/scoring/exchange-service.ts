import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import { autoBackup } from '../backup/backup-service';
import type { ImportPreview, ImportResult } from '../../../shared/api/channels/scoring';
import type { ImportRowError } from '../../../shared/api/fields';
import { evaluateSheet, sheetContent } from '../../../shared/ocop/sheet-rules';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite, syncWriteIn, type Call, type Write } from '../handlers';
import { applyChange, type Change } from './answer-events';
import { planImport, type ImportPlan, type PlannedSheet } from './exchange-plan';
import { insertRescoringRound } from './rescoring-repo';
import { insertSheet, markSubmitted, setSheetSource } from './sheet-repo';
import { supersedeEarlier } from './sheet-service';

export { exportSheets } from './exchange-export';

type In<C extends Channel> = ChannelParsedInput<C>;

/**
 * Import of a session's member sheets and re-scoring rounds (docs/formats/score-sheets.md).
 * All or nothing: the whole file is checked against this computer first (exchange-plan.ts);
 * any problem and nothing is written. The preview shows the same check item by item.
 */

/** What importing would do, with every problem found; writes nothing. */
export async function previewImport(ctx: CoreContext, input: In<'scoring:importPreview'>): Promise<ImportPreview> {
  const plan = await planImport(ctx.db, input.document);
  const doc = plan.doc;
  const bySheet = new Map(plan.sheets.map((p) => [p.row, p]));
  const byRound = new Map(plan.rounds.map((p) => [p.row, p]));
  const productName = (registrationNo: string, fallback: string) =>
    [...plan.agenda.values()].find((a) => a.registrationNo === registrationNo)?.productName ?? fallback;
  const sessionChecked = doc !== null && !plan.errors.some((e) => e.sheet === undefined);
  return {
    canApply: plan.errors.length === 0,
    formatVersion: plan.formatVersion,
    exportedAt: doc?.exportedAt ?? null,
    session: doc ? doc.session : null,
    // Items are listed only once the file is known to be for this session.
    sheets: !sessionChecked
      ? []
      : doc.sheets.map((s, i) => {
          const p = bySheet.get(i + 1);
          return {
            row: i + 1,
            registrationNo: s.registrationNo,
            productName: productName(s.registrationNo, s.productName),
            memberName: s.member.fullName,
            rescoringRound: s.rescoringRound,
            source: s.source,
            status: s.status,
            totalPoints: s.totalPoints,
            revisionReason: s.revisionReason,
            action: p && !plan.errors.some((e) => e.sheet === 'sheets' && e.row === p.row) ? p.action : 'rejected',
            sheetId: p?.storedId ?? null,
          };
        }),
    rounds: !sessionChecked
      ? []
      : doc.rounds.map((r, i) => {
          const p = byRound.get(i + 1);
          return {
            row: i + 1,
            registrationNo: r.registrationNo,
            productName: productName(r.registrationNo, r.productName),
            roundNo: r.roundNo,
            reason: r.reason,
            openedByName: r.openedBy.fullName,
            openedAt: r.openedAt,
            action: p && !plan.errors.some((e) => e.sheet === 'rounds' && e.row === p.row) ? p.action : 'rejected',
          };
        }),
    superseded: plan.superseded.map((r) => ({
      sheetId: r.id,
      registrationNo: plan.agenda.get(r.registrationId)?.registrationNo ?? '',
      productName: plan.agenda.get(r.registrationId)?.productName ?? '',
      memberName: r.memberName,
      rescoringRound: r.rescoringRound,
      totalPoints: r.totalPoints,
    })),
    errors: plan.errors,
  };
}

/**
 * A task: the automatic backup before an import is a file written outside any transaction, then
 * one transaction in which the checks and the writes see the same data, and any failure writes nothing.
 */
export async function importSheets(call: Call, input: In<'scoring:import'>): Promise<ImportResult> {
  if (input.dryRun) return resultOf(checked(await planImport(call.ctx.db, input.document)), true);
  await autoBackup(call.ctx, 'import');
  return runWrite(call, async (w) => {
    const plan = checked(await planImport(w.trx, input.document));
    await writePlan(w, plan);
    return resultOf(plan, false);
  });
}

function checked(plan: ImportPlan): ImportPlan {
  if (plan.errors.length > 0) throw invalid(plan.errors);
  return plan;
}

const invalid = (errors: ImportRowError[]): CoreError => {
  const first = errors[0]!;
  const where = first.row ? `${first.sheet === 'rounds' ? 'round entry' : 'sheet'} ${first.row}, ` : '';
  return new CoreError(
    'IMPORT_INVALID',
    `The score-sheet file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported. First: ${where}${first.column ?? ''}: ${first.message}`,
    { errors },
  );
};

const resultOf = (plan: ImportPlan, dryRun: boolean): ImportResult => ({
  dryRun,
  sheets: plan.sheets.map((p) => ({
    registrationNo: p.sheet.registrationNo,
    memberName: p.sheet.member.fullName,
    rescoringRound: p.sheet.rescoringRound,
    status: p.sheet.status,
    totalPoints: p.sheet.totalPoints,
    sheetId: p.storedId,
  })),
  rounds: plan.rounds.map((p) => ({
    registrationNo: p.round.registrationNo,
    roundNo: p.round.roundNo,
    created: p.action === 'new',
  })),
});

/** Writes the checked plan; fills in `storedId` of the sheets it creates. */
async function writePlan(w: Write, plan: ImportPlan): Promise<void> {
  const db = w.trx;
  const operator = w.actor;
  const doc = plan.doc!;
  for (const p of plan.rounds.filter((x) => x.action === 'new')) {
    await insertRescoringRound(db, {
      sessionId: doc.session.id,
      registrationId: p.registrationId,
      roundNo: p.round.roundNo,
      openedByMemberId: p.round.openedBy.id,
      reason: p.round.reason,
      spreadPoints: p.round.spreadPoints,
      openedAt: p.round.openedAt,
      actor: operator,
    });
  }
  // Earlier rounds first, so a later round's submission supersedes them.
  const ordered = [...plan.sheets].sort((a, b) => a.sheet.rescoringRound - b.sheet.rescoringRound);
  for (const p of ordered) {
    if (p.action === 'same') continue;
    p.storedId = await writeSheet(w, doc.session.id, p);
  }
  await w.audit({
    action: 'scoring.import',
    entity: 'session',
    entityId: doc.session.id,
    before:
      plan.superseded.length > 0
        ? {
            superseded: plan.superseded.map((r) => ({
              sheetId: r.id,
              memberId: r.memberId,
              registrationId: r.registrationId,
              round: r.rescoringRound,
            })),
          }
        : null,
    after: {
      exportedAt: doc.exportedAt,
      app: doc.app,
      sheets: resultOf(plan, false).sheets.map((s, i) => ({ ...s, action: plan.sheets[i]!.action })),
      rounds: plan.rounds.map((p) => ({
        registrationNo: p.round.registrationNo,
        roundNo: p.round.roundNo,
        reason: p.round.reason,
        openedBy: p.round.openedBy.fullName,
        openedAt: p.round.openedAt,
        action: p.action,
      })),
    },
  });
}

async function writeSheet(w: Write, sessionId: number, p: PlannedSheet): Promise<number> {
  const db = w.trx;
  const at = w.at.toISOString();
  const operator = w.actor;
  const s = p.sheet;
  let id: number;
  if (p.action === 'update') {
    // This computer's empty (or identical) draft becomes the imported sheet.
    id = p.storedId!;
    await setSheetSource(db, id, s.source, s.enteredBy, at);
  } else {
    id = await insertSheet(db, {
      sessionId,
      registrationId: p.registrationId,
      memberId: p.memberId,
      criteriaSetVersionId: p.versionId,
      rescoringRound: s.rescoringRound,
      source: s.source,
      enteredBy: s.enteredBy,
      at,
    });
  }
  const actor = s.source === 'paper' ? (s.enteredBy ?? operator) : s.member.fullName;
  const changes: Change[] = [
    ...s.declarations.map((d): Change => ({
      kind: 'declaration',
      ruleId: d.ruleId,
      value: { holds: d.holds, reason: d.reason },
    })),
    ...s.answers.map((a): Change => ({ kind: 'level', code: a.criterionCode, levelIndex: a.levelIndex })),
    ...s.answers.filter((a) => a.note !== '').map((a): Change => ({ kind: 'note', code: a.criterionCode, note: a.note })),
    ...(s.opinion ? [{ kind: 'opinion', opinion: s.opinion } as Change] : []),
  ];
  // Inside the import's Kysely transaction (it holds the connection): the sync primitive joins it.
  const sw = syncWriteIn(w);
  for (const c of changes) applyChange(sw, { id, set: p.set }, c, { at, actor });
  const e = evaluateSheet(p.set, sheetContent(s.answers, s.declarations));
  await markSubmitted(db, id, e, {
    status: s.status === 'superseded' ? 'superseded' : 'submitted',
    submittedAt: s.submittedAt ?? at,
    submittedBy: actor,
    revisionReason: s.revisionReason,
    updatedAt: at,
  });
  // A sheet the file marks superseded has a later round (checked); it never counts.
  await supersedeEarlier(db, {
    sessionId: sessionId,
    registrationId: p.registrationId,
    memberId: p.memberId,
    rescoringRound: s.rescoringRound,
  });
  return id;
}
