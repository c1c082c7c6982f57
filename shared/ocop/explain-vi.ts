/**
 * The rule that produced a result, in plain Vietnamese, for the results screen, the CLI and the
 * biên bản: "Đạt 72,4 điểm (hạng 4 sao) nhưng tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của
 * 4 sao → 3 sao". Numbers use the council's display decimals and the decimal comma.
 */
import { starRankVi, starsVi } from './format-vi';
import { bandEdgesCenti } from './legal-basis';
import type { MinimaShortfall } from './minima';
import type { QuorumResult } from './quorum';
import type { ProductRanking } from './ranking';
import { formatCenti, formatMean } from './score';
import type { StarChange } from './sensitivity';

export interface ExplainOptions {
  /** Member names for messages ("ông Nguyễn Văn A"); ids are used when absent. */
  readonly memberName?: (memberId: number) => string;
}

const nameOf = (options: ExplainOptions, id: number) => options.memberName?.(id) ?? `thành viên ${id}`;

function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** "tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của 4 sao"; several criteria grouped per star. */
export function shortfallPhraseVi(shortfalls: readonly MinimaShortfall[]): string {
  const byStar = new Map<number, string[]>();
  for (const s of shortfalls) byStar.set(s.requiredStars, [...(byStar.get(s.requiredStars) ?? []), s.code]);
  return [...byStar.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([star, codes]) =>
        `${codes.length > 1 ? 'các tiêu chí' : 'tiêu chí'} ${joinVi(codes)} chưa đạt mức yêu cầu tối thiểu của ${star} sao`,
    )
    .join('; ');
}

/**
 * The star sentence: "Đạt 72,4 điểm (hạng 4 sao) → 4 sao", or with a cap
 * "Đạt 72,4 điểm (hạng 4 sao) nhưng tiêu chí 1.5 chưa đạt mức yêu cầu tối thiểu của 4 sao → 3 sao".
 * Null when there is no mean yet.
 */
export function explainStarVi(r: ProductRanking): string | null {
  if (r.mean === null || r.meanDisplay === null || r.bandStar === null || r.cap === null) return null;
  const head = `Đạt ${r.meanDisplay} điểm (${starRankVi(r.bandStar)})`;
  const result = Math.min(r.bandStar, r.cap) as 1 | 2 | 3 | 4 | 5;
  if (r.cappingCriteria.length === 0) return `${head} → ${starsVi(result)}`;
  return `${head} nhưng ${shortfallPhraseVi(r.cappingCriteria)} → ${starsVi(result)}`;
}

/** "Chưa đủ số thành viên dự họp: 6/9, cần tối thiểu 7 (3/4) và có Chủ tịch Hội đồng." */
export function quorumMessageVi(q: QuorumResult): string {
  const fraction = `${q.rule.numerator}/${q.rule.denominator}`;
  const rule = `cần tối thiểu ${q.needed} (${fraction})${q.rule.chairRequired ? ' và có Chủ tịch Hội đồng' : ''}`;
  const recusals =
    q.recusedIds.length > 0 ? ` (không tính ${q.recusedIds.length} thành viên không tham gia đánh giá do xung đột lợi ích)` : '';
  const chairNote = !q.missing.includes('chair')
    ? ''
    : q.chairId === null
      ? ' Hội đồng chưa có Chủ tịch.'
      : q.chairRecused
        ? ' Chủ tịch Hội đồng không tham gia đánh giá sản phẩm này do xung đột lợi ích.'
        : ' Chủ tịch Hội đồng vắng mặt.';
  const count = `${q.participating}/${q.councilSize}`;
  if (q.met) return `Đủ số thành viên dự họp: ${count}${recusals}, ${rule}.`;
  return `Chưa đủ số thành viên dự họp: ${count}${recusals}, ${rule}.${chairNote}`;
}

function recognitionSentenceVi(r: ProductRanking): string {
  if (r.finalStar === null) return '';
  if (!r.recognition.recognised) return ' Sản phẩm dưới 3 sao không được công nhận, không cấp giấy chứng nhận.';
  if (r.proposedToCentral) return ' Đề nghị cấp trung ương đánh giá, công nhận sản phẩm OCOP 5 sao.';
  switch (r.recognition.level) {
    case 'district':
      return ` Đề nghị UBND cấp huyện công nhận sản phẩm OCOP ${starsVi(r.finalStar)}.`;
    case 'province':
      return ` Đề nghị Chủ tịch UBND tỉnh công nhận sản phẩm OCOP ${starsVi(r.finalStar)}.`;
    case 'central':
      return ` Đề nghị Bộ Nông nghiệp và Môi trường công nhận sản phẩm OCOP ${starsVi(r.finalStar)}.`;
    default:
      return '';
  }
}

/** Full explanation of a product's status and result, one or two sentences. */
export function explainRankingVi(r: ProductRanking, options: ExplainOptions = {}): string {
  const star = explainStarVi(r);
  const provisional = star ? ` Kết quả tạm tính: ${star}.` : '';
  switch (r.status) {
    case 'quorum_not_met':
      return quorumMessageVi(r.quorum) + provisional;
    case 'waiting_for_sheets': {
      const expected = r.expectedMemberIds.length;
      const missing = joinVi(r.missingSheetMemberIds.map((id) => nameOf(options, id)));
      return `Đang chờ phiếu đánh giá: đã nộp ${expected - r.missingSheetMemberIds.length}/${expected} phiếu${missing ? `, còn thiếu phiếu của ${missing}` : ''}.${provisional}`;
    }
    case 'disqualified': {
      const d = r.disqualification!;
      const reasons = d.reasons.length > 0 ? `: ${d.reasons.join('; ')}` : '';
      return `Hồ sơ bị loại${reasons} (theo phiếu của ${joinVi(d.memberIds.map((id) => nameOf(options, id)))}).`;
    }
    case 'spread_unresolved': {
      const s = r.spread!;
      const limit = `${s.limitAllowed ? 'tối đa' : 'phải dưới'} ${formatCenti(s.limitCenti)} điểm`;
      return `Chênh lệch điểm giữa các thành viên là ${formatCenti(s.spreadCenti)} điểm, vượt mức cho phép (${limit}): Hội đồng thảo luận và chấm lại.${provisional}`;
    }
    case 'complete':
      return `${star}.${recognitionSentenceVi(r)}`;
  }
}

/** "Nếu thành viên 3 hạ tiêu chí 1.5 xuống một mức: 89,89 điểm → 4 sao." */
export function explainChangeVi(change: StarChange, ranking: ProductRanking, options: ExplainOptions = {}): string {
  const verb = change.direction === 'up' ? 'nâng' : 'hạ';
  const prep = change.direction === 'up' ? 'lên' : 'xuống';
  const mean = formatMean(change.newMean, {
    decimals: ranking.displayDecimals,
    bandEdgesCenti: bandEdgesCenti(ranking.legalBasis),
  });
  return `Nếu ${nameOf(options, change.memberId)} ${verb} tiêu chí ${change.criterionCode} ${prep} một mức: ${mean} điểm → ${starsVi(change.newFinalStar)}.`;
}
