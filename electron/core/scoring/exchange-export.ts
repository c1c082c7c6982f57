import { auditHeadOf } from '../integrity/audit-head';
import type { Kysely } from 'kysely';
import {
  SCORE_SHEETS_FORMAT,
  SCORE_SHEETS_FORMAT_VERSION,
  type ExchangeRound,
  type ExchangeSheet,
  type ScoreSheetsDocument,
} from '../../../shared/api/channels/scoring-exchange';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import { APP_NAME, APP_VERSION } from '../app/version';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { loadCriteriaSet, type LoadedSet } from './criteria-cache';
import { listSheets, loadSheetContent, type Sheet } from './sheet-repo';
import { storedRounds } from './rescoring-repo';
import { agendaOf } from './session-access';
import { getSession } from '../sessions/session-repo';

/** Export of a session's member sheets and re-scoring rounds (docs/formats/score-sheets.md). */

interface ProductRef {
  registrationNo: string;
  productCode: string;
  productName: string;
}

export async function exportSheets(ctx: CoreContext, input: ChannelParsedInput<'scoring:export'>): Promise<ScoreSheetsDocument> {
  const db = ctx.db;
  const { sessionId } = input;
  const session = await getSession(db, sessionId);
  const agenda = new Map<number, ProductRef>((await agendaOf(db, sessionId)).map((a) => [a.registrationId, a]));
  // A product taken off the agenda after it was scored still names itself in the file.
  const product = async (registrationId: number) => agenda.get(registrationId) ?? (await registrationInfo(db, registrationId));
  const rows = await listSheets(db, { sessionId });
  const sets = new Map<number, LoadedSet>();
  const sheets: ExchangeSheet[] = [];
  for (const r of rows) {
    if (!sets.has(r.criteriaSetVersionId)) sets.set(r.criteriaSetVersionId, await loadCriteriaSet(db, r.criteriaSetVersionId));
    const set = sets.get(r.criteriaSetVersionId)!;
    const item = await product(r.registrationId);
    sheets.push({
      ...(await sheetAsExchange(db, r)),
      registrationNo: item.registrationNo,
      productCode: item.productCode,
      productName: item.productName,
      criteriaSet: { setKey: set.setKey, version: set.version, contentHash: set.contentHash },
    });
  }
  const rounds: ExchangeRound[] = [];
  for (const r of await storedRounds(db, sessionId)) {
    const item = await product(r.registrationId);
    rounds.push({
      registrationNo: item.registrationNo,
      productCode: item.productCode,
      productName: item.productName,
      roundNo: r.roundNo,
      reason: r.reason,
      spreadPoints: r.spreadPoints,
      openedAt: r.openedAt,
      openedBy: { id: r.openedById, fullName: r.openedByName },
    });
  }
  return {
    format: SCORE_SHEETS_FORMAT,
    formatVersion: SCORE_SHEETS_FORMAT_VERSION,
    exportedAt: ctx.now().toISOString(),
    app: { name: APP_NAME, version: APP_VERSION },
    session: {
      id: session.id,
      councilName: session.council.name,
      number: session.number,
      date: session.date,
      title: session.title,
    },
    sheets,
    rounds,
    auditHead: auditHeadOf(ctx.sqlite),
  };
}

/** A stored sheet in the file's shape; the product and set fields are left for the caller to fill. */
export async function sheetAsExchange(db: Kysely<DB>, r: Sheet): Promise<ExchangeSheet> {
  const { answers, declarations } = await loadSheetContent(db, r.id);
  return {
    registrationNo: '',
    productCode: '',
    productName: '',
    criteriaSet: { setKey: '', version: 1, contentHash: '0'.repeat(64) },
    member: { id: r.memberId, fullName: r.memberName },
    rescoringRound: r.rescoringRound,
    source: r.source as ExchangeSheet['source'],
    enteredBy: r.enteredBy,
    status: r.status as ExchangeSheet['status'],
    submittedAt: r.submittedAt,
    revisionReason: r.revisionReason,
    opinion: r.opinion,
    // Notes travel with their answer; a note on a criterion without a level is not exported.
    answers: answers
      .filter((a) => a.levelIndex !== null)
      .map((a) => ({ criterionCode: a.criterionCode, levelIndex: a.levelIndex!, points: a.points!, note: a.note })),
    declarations: declarations.map((d) => ({ ruleId: d.ruleId, holds: d.holds, reason: d.reason })),
    totalPoints: r.totalPoints,
  };
}

async function registrationInfo(db: Kysely<DB>, registrationId: number): Promise<ProductRef> {
  const r = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .select(['r.registration_no', 'p.product_code', 'p.name'])
    .where('r.id', '=', registrationId)
    .executeTakeFirstOrThrow();
  return { registrationNo: r.registration_no, productCode: r.product_code, productName: r.name };
}
