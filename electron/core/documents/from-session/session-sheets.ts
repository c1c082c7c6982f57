/**
 * Every phiếu đánh giá of a session (for the batch), and a blank sheet of one product for paper
 * scoring. The batch reads the whole session in three queries (sheets, answers, criteria sets),
 * not one query per sheet: 2,700 sheets load in well under a second. Sheets of one criteria set
 * share one form object, which is what lets the batch lay out each form once.
 */
import type { ProductResult } from '../../../../shared/api/channels/results';
import type { SessionMember } from '../../../../shared/api/channels/sessions';
import { getCriteriaSetVersion } from '../../criteria/criteria-repo';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { listSheets } from '../../scoring/sheet-repo';
import type { ScoringSheetData } from '../types';
import { memberOf, productOf } from './rows';
import type { DocumentFacts } from './document-facts';

type Form = ScoringSheetData['form'];

/** The printed form of a criteria set version, loaded once per version. */
export class FormCache {
  private readonly forms = new Map<number, Promise<Form>>();
  constructor(private readonly ctx: CoreContext) {}
  get(versionId: number): Promise<Form> {
    let f = this.forms.get(versionId);
    if (!f) {
      f = getCriteriaSetVersion(this.ctx.db, versionId).then(({ content: s }) => ({
        setNo: s.setNo,
        name: s.name,
        heading: s.heading,
        classificationLine: s.classificationLine,
        disqualifiers: s.disqualifiers,
        parts: s.parts,
        total: s.total,
        starRule: s.starRule,
      }));
      this.forms.set(versionId, f);
    }
    return f;
  }
}

type Sheet = Awaited<ReturnType<typeof listSheets>>[number];
type AnswerRow = { criterionCode: string; levelIndex: number | null; note: string };

/**
 * A stored sheet as printed: answers, notes and opinion as stored; a sheet not yet submitted is
 * marked as a draft. The single sheet and the batch both print through this, so they match.
 */
export function filledSheet(
  f: DocumentFacts,
  form: Form,
  product: ScoringSheetData['product'],
  m: SessionMember,
  sheet: Sheet,
  answers: readonly AnswerRow[],
): ScoringSheetData {
  return {
    form,
    product,
    member: memberOf(m),
    answers: answers.flatMap((a) =>
      a.levelIndex === null ? [] : [{ criterionCode: a.criterionCode, levelIndex: a.levelIndex }],
    ),
    criterionNotes: Object.fromEntries(answers.filter((a) => a.note.trim() !== '').map((a) => [a.criterionCode, a.note])),
    opinion: sheet.opinion,
    rescoringRound: sheet.rescoringRound,
    placeDate: { place: f.council.placeName || '…', date: f.detail.session.date },
    draft: sheet.status !== 'submitted',
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}

/**
 * The latest sheet (highest re-scoring round) of every member for every product, in agenda order
 * then the members' session order: the order the secretary files them.
 */
export async function sessionSheetsData(ctx: CoreContext, f: DocumentFacts): Promise<ScoringSheetData[]> {
  const sessionId = f.results.session.id;
  const rows = await listSheets(ctx.db, { sessionId });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.registrationId}:${r.memberId}`, r); // rows come in round order
  if (latest.size === 0)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${sessionId} has no scoring sheet yet; print blank sheets for paper scoring, or score the products first`,
    );

  const answers = new Map<number, AnswerRow[]>();
  const answerRows = await ctx.db
    .selectFrom('score_answer as a')
    .innerJoin('score_sheet as sh', 'sh.id', 'a.sheet_id')
    .select(['a.sheet_id', 'a.criterion_code', 'a.level_index', 'a.note'])
    .where('sh.session_id', '=', sessionId)
    .execute();
  for (const a of answerRows) {
    let list = answers.get(a.sheet_id);
    if (!list) answers.set(a.sheet_id, (list = []));
    list.push({ criterionCode: a.criterion_code, levelIndex: a.level_index, note: a.note });
  }

  const forms = new FormCache(ctx);
  const members = [...f.detail.members].sort((a, b) => a.order - b.order);
  const out: ScoringSheetData[] = [];
  for (const p of f.results.products) {
    const product = productOf(p);
    for (const m of members) {
      const sheet = latest.get(`${p.registrationId}:${m.memberId}`);
      if (!sheet) continue;
      out.push(filledSheet(f, await forms.get(sheet.criteriaSetVersionId), product, m, sheet, answers.get(sheet.id) ?? []));
    }
  }
  return out;
}

export interface BlankSheetRequest {
  registrationId: number;
  /** Pre-fills the evaluator's name; the product is always the one asked for. */
  memberId?: number;
  /** false: the identification lines stay dotted (any product of the set, any member). */
  prefill: boolean;
}

/** A sheet of the product's criteria set with empty boxes, for scoring on paper. */
export async function blankSheetFromSession(
  ctx: CoreContext,
  f: DocumentFacts,
  req: BlankSheetRequest,
): Promise<ScoringSheetData> {
  const sessionId = f.results.session.id;
  const p: ProductResult | undefined = f.results.products.find((x) => x.registrationId === req.registrationId);
  if (!p)
    throw new CoreError(
      'NOT_FOUND',
      `registrationId: product registration ${req.registrationId} is not on the agenda of session ${sessionId}`,
    );
  let m: SessionMember | undefined;
  if (req.memberId !== undefined) {
    m = f.detail.members.find((x) => x.memberId === req.memberId);
    if (!m) throw new CoreError('NOT_FOUND', `memberId: member ${req.memberId} is not listed for session ${sessionId}`);
  }
  return {
    form: await new FormCache(ctx).get(p.criteriaSet.versionId),
    product: req.prefill ? productOf(p) : null,
    member: req.prefill && m ? memberOf(m) : null,
    answers: null,
    criterionNotes: {},
    opinion: '',
    rescoringRound: 0,
    // The evaluator dates the paper sheet by hand.
    placeDate: { place: f.council.placeName || '…', date: null },
    draft: false,
  };
}
