/** Biên bản họp (Mẫu 1.9) and Bảng tổng hợp of a session, filled from the database. */
import type { MinutesData, Signer, SummaryData } from '../types';
import { memberOf, scoringMembers, summaryRowOf } from './rows';
import { councilSetup, defaultSigner, legalBasisCitation, requireMember, type DocumentFacts } from './document-facts';

function signers(f: DocumentFacts): { chair: ReturnType<typeof memberOf>; secretary: ReturnType<typeof memberOf> } {
  const id = f.detail.session.id;
  const byId = (mid: number | null) => f.detail.members.find((m) => m.memberId === mid);
  const chair = requireMember(
    byId(f.detail.session.chairMemberId) ?? f.detail.members.find((m) => m.role === 'chair'),
    id,
    'chair',
  );
  const secretary = requireMember(
    byId(f.detail.session.secretaryMemberId) ??
      f.detail.members.find((m) => m.role === 'secretary' || m.role === 'member_secretary'),
    id,
    'secretary',
  );
  return { chair: memberOf(chair), secretary: memberOf(secretary) };
}

const recipients = (f: DocumentFacts): string[] => [f.t('defaults.recipientsMinutes'), f.t('defaults.recipientsArchive')];

export function minutesFromSession(f: DocumentFacts): MinutesData {
  const s = f.detail.session;
  const { chair, secretary } = signers(f);
  const columns = scoringMembers(f.results, f.detail.members);
  const q = f.detail.quorum.session;
  const secretarySigner: Signer = defaultSigner(f, 'minutes:secretary', secretary.fullName);
  const chairSigner: Signer = defaultSigner(f, 'minutes:main', chair.fullName);
  return {
    setup: councilSetup(f, 'BB', recipients(f)),
    meetingTitle: s.title.trim() || f.council.name,
    councilName: f.council.name,
    startedAt: `${s.date}T${s.startTime ?? '08:00'}`,
    endedAt: s.endTime ? `${s.date}T${s.endTime}` : null,
    location: s.place.trim() || f.council.placeName || '…',
    attendance: f.detail.members.map((m) => ({
      member: memberOf(m),
      present: m.present === true,
      absenceReason: m.absenceReason ?? '',
    })),
    guests: [],
    quorum: {
      met: q.met,
      rule: f.t('defaults.quorumRule', {
        participating: q.participating,
        members: q.votingMembers,
        required: q.required,
        numerator: q.numerator,
        denominator: q.denominator,
      }),
    },
    chair,
    secretary,
    legalBasis: f.legalBasis,
    legalBasisCitation: legalBasisCitation(f),
    results: f.results.products.map((p) => summaryRowOf(p, columns)),
    spreadLimitCenti: Math.round(f.results.rules.spreadLimit * 100),
    spreadDiscussions: [],
    opinions: [],
    vote: null,
    proposals: [],
    summaryAnnexed: true,
    secretarySigner,
    chairSigner,
    draft: f.integrity === undefined,
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}

export function summaryFromSession(f: DocumentFacts): SummaryData {
  const { chair, secretary } = signers(f);
  const columns = scoringMembers(f.results, f.detail.members);
  const setup = councilSetup(f, 'BB', recipients(f));
  return {
    setup,
    councilName: f.council.name,
    minutesNumber: setup.number,
    minutesDate: f.detail.session.date,
    legalBasis: f.legalBasis,
    members: columns.map(memberOf),
    rows: f.results.products.map((p) => summaryRowOf(p, columns)),
    spreadLimitCenti: Math.round(f.results.rules.spreadLimit * 100),
    secretary: defaultSigner(f, 'summary:secretary', secretary.fullName),
    chair: defaultSigner(f, 'summary:main', chair.fullName),
    draft: f.integrity === undefined,
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}
