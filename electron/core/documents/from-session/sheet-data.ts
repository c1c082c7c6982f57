/**
 * The phiếu đánh giá of one member for one product, from the latest sheet the member has in the
 * session (the highest re-scoring round): answers, notes and opinion as stored. A sheet not yet
 * submitted is printed marked as a draft.
 */
import { getCriteriaSetVersion } from '../../criteria/criteria-repo';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { listSheetRows, sheetAnswers } from '../../scoring/sheet-repo';
import type { ScoringSheetData } from '../types';
import { memberOf, productOf } from './rows';
import type { SessionFacts } from './session-facts';

export async function sheetFromSession(ctx: CoreContext, f: SessionFacts, registrationId: number, memberId: number): Promise<ScoringSheetData> {
  const sessionId = f.results.session.id;
  const p = f.results.products.find((x) => x.registrationId === registrationId);
  if (!p) throw new CoreError('NOT_FOUND', `registrationId: product registration ${registrationId} is not on the agenda of session ${sessionId}`);
  const m = f.detail.members.find((x) => x.memberId === memberId);
  if (!m) throw new CoreError('NOT_FOUND', `memberId: member ${memberId} is not listed for session ${sessionId}`);
  const rows = await listSheetRows(ctx.db, { sessionId, registrationId, memberId });
  const sheet = rows.at(-1);
  if (!sheet) throw new CoreError('NOT_FOUND', `memberId: ${m.fullName} has no scoring sheet for ${p.productCode} ${p.productName} in session ${sessionId}; print a blank sheet for paper scoring instead`);
  const set = (await getCriteriaSetVersion(ctx.db, sheet.criteria_set_version_id)).content;
  const answers = await sheetAnswers(ctx.db, sheet.id);
  const notes = Object.fromEntries(answers.filter((a) => a.note.trim() !== '').map((a) => [a.criterionCode, a.note]));
  return {
    form: { setNo: set.setNo, name: set.name, heading: set.heading, classificationLine: set.classificationLine, disqualifiers: set.disqualifiers, parts: set.parts, total: set.total, starRule: set.starRule },
    product: productOf(p),
    member: memberOf(m),
    answers: answers.flatMap((a) => (a.levelIndex === null ? [] : [{ criterionCode: a.criterionCode, levelIndex: a.levelIndex }])),
    criterionNotes: notes,
    opinion: sheet.opinion,
    rescoringRound: sheet.rescoring_round,
    placeDate: { place: f.council.placeName || '…', date: f.detail.session.date },
    draft: sheet.status !== 'submitted',
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}
