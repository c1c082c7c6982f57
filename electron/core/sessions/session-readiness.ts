import type { QuorumView, Session, SessionMember } from '../../../shared/api/channels/sessions';
import { quorumShortfallMessage } from './session-quorum';

export type OpenBlockerCode =
  | 'empty_agenda'
  | 'no_chair'
  | 'no_secretary'
  | 'chair_absent'
  | 'attendance_missing'
  | 'no_quorum'
  | 'no_start_time'
  | 'no_opinion_deadline';

export interface OpenBlocker {
  code: OpenBlockerCode;
  message: string;
}

/**
 * What still prevents a session in preparation from opening. A meeting needs its agenda, a
 * chair and a secretary, a start time, every member's attendance recorded, the chair present and
 * the quorum of the council's rules. A written-opinion session (lấy ý kiến bằng văn bản) has no
 * roll call: it needs the agenda, chair, secretary and the deadline for answers; its quorum is
 * counted on the answers, product by product.
 */
export function openBlockers(
  s: Session,
  members: readonly SessionMember[],
  agendaCount: number,
  quorum: QuorumView,
): OpenBlocker[] {
  const out: OpenBlocker[] = [];
  if (agendaCount === 0) out.push({ code: 'empty_agenda', message: 'the agenda is empty: add at least one product' });
  if (s.chairMemberId === null) out.push({ code: 'no_chair', message: 'choose who chairs the session (chairMemberId)' });
  if (s.secretaryMemberId === null)
    out.push({ code: 'no_secretary', message: 'choose the secretary of the session (secretaryMemberId)' });
  if (s.kind === 'written_opinion') {
    if (s.opinionDeadline === null)
      out.push({ code: 'no_opinion_deadline', message: 'set the deadline for written opinions (opinionDeadline)' });
    return out;
  }
  if (s.startTime === null) out.push({ code: 'no_start_time', message: 'enter the start time of the meeting (startTime)' });
  const unrecorded = members.filter((m) => m.present === null);
  if (unrecorded.length > 0) {
    out.push({
      code: 'attendance_missing',
      message: `record attendance for every member: not yet recorded for ${unrecorded.map((m) => m.fullName).join(', ')}`,
    });
  }
  const chair = members.find((m) => m.memberId === s.chairMemberId);
  if (chair && chair.present === false)
    out.push({
      code: 'chair_absent',
      message: `${chair.fullName} chairs the session but is marked absent; choose another chair or correct the attendance`,
    });
  if (!quorum.met) out.push({ code: 'no_quorum', message: quorumShortfallMessage(quorum, 'the meeting') });
  return out;
}
