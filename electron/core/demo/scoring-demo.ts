import type { SessionDetail } from '../../../shared/api/channels/sessions';
import type { CriteriaSet, Criterion } from '../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import type { DemoRun } from './call';
import type { Rng } from './random';
import type { SessionsDemo } from './sessions-demo';

/**
 * The scoring part of the training dataset: every present member's submitted sheet for every
 * product of the round-1 meeting they are not recused from, written through the scoring
 * channels as members and the secretary would. What a trainer needs to show:
 *  - the first product of the agenda has one member 16 points below the others (a spread over
 *    the usual 10-point limit, ready for a re-scoring round);
 *  - several products sit near a star edge (mean about 50, 70 or 90 points);
 *  - one member's sheets were entered from paper by the secretary (nhập từ phiếu giấy);
 *  - opinions and notes on some sheets.
 */

/** Intended mean per agenda position: near the 70, 90 and 50 edges, and a few clear cases. */
const TARGETS = [78, 69, 71, 89, 51, 64, 83, 91];

const OPINIONS = [
  'Sản phẩm có tiềm năng, cần hoàn thiện bao bì và câu chuyện sản phẩm.',
  'Đề nghị chủ thể bổ sung hồ sơ công bố chất lượng.',
  'Sản phẩm đặc trưng của địa phương, chất lượng ổn định.',
  'Cần mở rộng kênh phân phối ngoài tỉnh.',
];

export interface ScoringDemo {
  sheets: number;
  paperSheets: number;
  spreadRegistrationId: number | null;
}

/** Level choices adding up to (about) `target` points, varied per member but centred on the product. */
function levelsFor(set: CriteriaSet, target: number, rng: Rng): Map<string, number> {
  const criteria = allCriteria(set).map((p) => p.criterion);
  const quality = Math.max(0, Math.min(1, target / set.total));
  const choice = new Map<string, number>();
  const pointsOf = (c: Criterion) => c.levels[choice.get(c.code)!]!.points;
  for (const c of criteria) {
    // The level whose share of the maximum is nearest to the product's quality, with some noise.
    const wanted = quality + (rng.next() - 0.5) * 0.3;
    let best = 0;
    c.levels.forEach((l, i) => {
      if (Math.abs(l.points / c.max - wanted) < Math.abs(c.levels[best]!.points / c.max - wanted)) best = i;
    });
    choice.set(c.code, best);
  }
  // Walk towards the target one level at a time, on criteria in random order.
  for (let guard = 0; guard < 400; guard++) {
    const total = criteria.reduce((s, c) => s + pointsOf(c), 0);
    if (total === target) break;
    const up = total < target;
    const c = rng.pick(criteria);
    const current = pointsOf(c);
    const candidates = c.levels
      .map((l, i) => ({ l, i }))
      .filter(({ l }) =>
        up
          ? l.points > current && l.points - current <= target - total
          : l.points < current && current - l.points <= total - target,
      );
    if (candidates.length === 0) continue;
    const next = candidates.reduce((a, b) => (up ? (b.l.points < a.l.points ? b : a) : b.l.points > a.l.points ? b : a));
    choice.set(c.code, next.i);
  }
  return choice;
}

export async function scoringDemo(demo: DemoRun, rng: Rng, sessions: SessionsDemo): Promise<ScoringDemo> {
  const meeting: SessionDetail = sessions.meeting;
  const sessionId = meeting.session.id;
  const sets = new Map<number, CriteriaSet>();
  const scorers = meeting.members.filter((m) => m.votes && m.present === true);
  // The secretary types the sheets of one member who scored on paper.
  const paperMember = scorers.find((m) => m.role === 'member') ?? null;
  const secretary = meeting.members.find((m) => m.memberId === meeting.session.secretaryMemberId)?.fullName ?? 'Thư ký Hội đồng';
  let sheets = 0;
  let paperSheets = 0;
  for (const [i, item] of meeting.agenda.entries()) {
    const versionId = item.criteriaSetVersionId!;
    if (!sets.has(versionId)) sets.set(versionId, (await demo.call('criteria:get', { id: versionId })).content);
    const set = sets.get(versionId)!;
    const members = scorers.filter((m) => !item.recusedMemberIds.includes(m.memberId));
    for (const [k, m] of members.entries()) {
      const base = TARGETS[i % TARGETS.length]!;
      // Product 1: the first member is far below the others.
      const target = i === 0 && k === 0 ? base - 16 : base + rng.int(-2, 2);
      const levels = levelsFor(set, target, rng);
      if (paperMember && m.memberId === paperMember.memberId) {
        await demo.call('scoring:paperSave', {
          sessionId,
          registrationId: item.registrationId,
          memberId: m.memberId,
          entryNo: 1,
          enteredBy: secretary,
          writtenTotal: null,
          answers: [...levels].map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
        });
        await demo.call('scoring:paperCommit', {
          sessionId,
          registrationId: item.registrationId,
          memberId: m.memberId,
          resolvedBy: secretary,
          allowSingleEntry: true,
        });
        paperSheets++;
      } else {
        const { sheet } = await demo.call('scoring:open', {
          sessionId,
          registrationId: item.registrationId,
          memberId: m.memberId,
        });
        for (const [criterionCode, levelIndex] of levels)
          await demo.call('scoring:setAnswer', { sheetId: sheet.id, criterionCode, levelIndex });
        if (rng.chance(0.4)) await demo.call('scoring:setOpinion', { sheetId: sheet.id, opinion: rng.pick(OPINIONS) });
        await demo.call('scoring:submit', { sheetId: sheet.id });
      }
      sheets++;
    }
  }
  return { sheets, paperSheets, spreadRegistrationId: meeting.agenda[0]?.registrationId ?? null };
}
