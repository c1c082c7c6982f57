import type { SessionDetail } from '../../../shared/api/channels/sessions';
import type { DemoRun } from './call';
import type { CouncilsDemo } from './councils-demo';
import type { DossiersDemo } from './dossiers-demo';
import { TRAINING_NOTE } from './names';
import type { Rng } from './random';

export interface SessionsDemo {
  /** Round 1 meeting, opened: ready to score, one member absent, one recusal. */
  meeting: SessionDetail;
  /** Round 2 written-opinion session (Điều 7.6d) for the re-evaluations, in preparation. */
  writtenOpinion: SessionDetail;
}

export async function sessionsDemo(
  demo: DemoRun,
  rng: Rng,
  councils: CouncilsDemo,
  dossiers: DossiersDemo,
): Promise<SessionsDemo> {
  const councilId = councils.council.council.id;
  const [round1, round2] = dossiers.roundIds;
  const ready = dossiers.registrations.filter((r) => r.roundId === round1 && r.status === 'advisory_review');
  const agenda = rng
    .shuffle(ready)
    .slice(0, 8)
    .map((r) => r.id);

  let meeting = await demo.call('sessions:create', {
    councilId,
    roundId: round1,
    kind: 'meeting',
    title: 'Phiên họp đánh giá, phân hạng sản phẩm OCOP đợt 1 năm 2026',
    date: '2026-06-18',
    place: 'Hội trường Ủy ban nhân dân tỉnh Phù Sa',
    startTime: '08:00',
    note: TRAINING_NOTE,
  });
  const id = meeting.session.id;
  meeting = await demo.call('sessions:setAgenda', { id, registrationIds: agenda });
  // One voting member (not the chair, not the secretary) is away; the other eight attend.
  const absent = rng.pick(meeting.members.filter((m) => m.role === 'member' || m.role === 'vice_chair'));
  for (const m of meeting.members) {
    meeting = await demo.call('sessions:setAttendance', {
      id,
      memberId: m.memberId,
      present: m.memberId !== absent.memberId,
      ...(m.memberId === absent.memberId ? { absenceReason: 'Đi công tác theo kế hoạch của cơ quan' } : {}),
    });
  }
  const recused = rng.pick(meeting.members.filter((m) => m.memberId !== absent.memberId && m.role === 'member'));
  await demo.call('sessions:declareConflict', {
    id,
    memberId: recused.memberId,
    registrationId: rng.pick(agenda),
    reason: 'Có người thân là thành viên của chủ thể sản phẩm',
  });
  meeting = await demo.call('sessions:transition', { id, to: 'in_progress' });

  let writtenOpinion = await demo.call('sessions:create', {
    councilId,
    roundId: round2,
    kind: 'written_opinion',
    title: 'Lấy ý kiến bằng văn bản đánh giá lại sản phẩm OCOP đợt 2 năm 2026',
    date: '2026-11-02',
    opinionDeadline: '2026-11-16',
    note: TRAINING_NOTE,
  });
  const reevaluations = dossiers.registrations.filter((r) => r.roundId === round2 && r.kind === 'reevaluation').map((r) => r.id);
  if (reevaluations.length > 0)
    writtenOpinion = await demo.call('sessions:setAgenda', { id: writtenOpinion.session.id, registrationIds: reevaluations });
  return { meeting, writtenOpinion };
}
