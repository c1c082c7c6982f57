/**
 * The training dataset's meeting, finalized through the API as a council would: the spread
 * product re-scored on paper by every scoring member, the session closed, the results finalized.
 */
import type { SessionDetail } from '../../shared/api/channels/sessions';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import { choicesForTotal } from '../../electron/core/results/test/choices';
import type { ServedApp } from '../fixtures';

function choicesNear(set: CriteriaSet, target: number): Record<string, number> {
  for (const d of [0, 1, -1, 2, -2, 3, -3]) {
    try {
      return choicesForTotal(set, target + d, { keepMarks: true });
    } catch {
      // That exact total is not reachable with every star mark kept: try the next one.
    }
  }
  throw new Error(`no total near ${target} on ${set.setKey}`);
}

export async function finalizedDemoSession(app: ServedApp): Promise<{ sessionId: number; detail: SessionDetail }> {
  const demo = await app.api<{ meetingSessionId: number }>('demo:create', { seed: 1 });
  const sessionId = demo.meetingSessionId;
  const detail = await app.api<SessionDetail>('sessions:get', { id: sessionId });
  const spread = detail.agenda[0]!;
  const chairMemberId = detail.session.chairMemberId ?? detail.members.find((m) => m.role === 'chair')!.memberId;
  await app.api('scoring:openRescoring', {
    sessionId,
    registrationId: spread.registrationId,
    chairMemberId,
    reason: 'Chênh lệch điểm vượt 10 điểm',
  });
  const set = (await app.api<{ content: CriteriaSet }>('criteria:get', { id: spread.criteriaSetVersionId! })).content;
  const scorers = detail.members.filter((m) => m.votes && m.present === true && !spread.recusedMemberIds.includes(m.memberId));
  for (const [k, m] of scorers.entries()) {
    const choices = choicesNear(set, 74 + (k % 2));
    await app.api('scoring:paperSave', {
      sessionId,
      registrationId: spread.registrationId,
      memberId: m.memberId,
      entryNo: 1,
      enteredBy: 'Thư ký Hội đồng',
      writtenTotal: null,
      answers: Object.entries(choices).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
    });
    await app.api('scoring:paperCommit', {
      sessionId,
      registrationId: spread.registrationId,
      memberId: m.memberId,
      allowSingleEntry: true,
    });
  }
  await app.api('sessions:transition', { id: sessionId, to: 'closed', endTime: '11:30' });
  await app.api('results:finalize', { sessionId, acknowledgeSensitive: true });
  return { sessionId, detail };
}
