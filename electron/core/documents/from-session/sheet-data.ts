/**
 * The phiếu đánh giá of one member for one product, from the latest sheet the member has in the
 * session (the highest re-scoring round), printed like the batch prints it (filledSheet).
 */
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { listSheets, sheetAnswers } from '../../scoring/sheet-repo';
import type { ScoringSheetData } from '../types';
import { productOf } from './rows';
import type { DocumentFacts } from './document-facts';
import { FormCache, filledSheet } from './session-sheets';

export async function sheetFromSession(
  ctx: CoreContext,
  f: DocumentFacts,
  registrationId: number,
  memberId: number,
): Promise<ScoringSheetData> {
  const sessionId = f.results.session.id;
  const p = f.results.products.find((x) => x.registrationId === registrationId);
  if (!p)
    throw new CoreError(
      'NOT_FOUND',
      `registrationId: product registration ${registrationId} is not on the agenda of session ${sessionId}`,
    );
  const m = f.detail.members.find((x) => x.memberId === memberId);
  if (!m) throw new CoreError('NOT_FOUND', `memberId: member ${memberId} is not listed for session ${sessionId}`);
  const rows = await listSheets(ctx.db, { sessionId, registrationId, memberId });
  const sheet = rows.at(-1);
  if (!sheet)
    throw new CoreError(
      'NOT_FOUND',
      `memberId: ${m.fullName} has no scoring sheet for ${p.productCode} ${p.productName} in session ${sessionId}; print a blank sheet for paper scoring instead`,
    );
  const answers = await sheetAnswers(ctx.db, sheet.id);
  return filledSheet(f, await new FormCache(ctx).get(sheet.criteriaSetVersionId), productOf(p), m, sheet, answers);
}
