import { invoke } from '../../core/api';
import type { CouncilListItem } from '../../../shared/api/channels/councils';
import type { DemoResult } from '../../../shared/api/channels/demo';
import type { QuorumView, SessionDetail, SessionListItem } from '../../../shared/api/channels/sessions';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { joinPositionOffice } from '../../../shared/ocop/person-office';
import { count } from '../../../shared/text/plural';

const ROLE: Record<string, string> = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  member: 'Ủy viên',
  member_secretary: 'Ủy viên kiêm Thư ký',
  secretary: 'Thư ký',
};

const councilsText = (rows: CouncilListItem[]): string =>
  rows.length === 0
    ? 'No councils yet.'
    : rows
        .map(
          (c) =>
            `#${c.id}  ${c.name}\n     ${c.level}${c.parentCouncilName ? ` of ${c.parentCouncilName}` : ''}; ${count(c.activeMemberCount, 'active member')}; chair: ${c.chairName ?? '—'}; rules v${c.rulesVersion}; ${count(c.sessionCount, 'session')}`,
        )
        .join('\n');

const sessionsText = (rows: SessionListItem[]): string =>
  rows.length === 0
    ? 'No sessions.'
    : rows
        .map(
          (s) =>
            `#${s.id}  ${s.date}  ${s.status.padEnd(11)} ${s.kind === 'written_opinion' ? 'written opinion' : 'meeting'} ${s.number} — ${s.councilName}, ${s.roundName}; ${count(s.agendaCount, 'product')}; ${s.presentVotingCount}/${s.votingMemberCount} present`,
        )
        .join('\n');

const quorumText = (q: QuorumView): string =>
  `${q.met ? 'met' : 'NOT MET'}: ${q.participating}/${q.votingMembers} take part, ${q.required} needed (${q.numerator}/${q.denominator}${q.chairRequired ? ', chair required' : ''})${q.problems.length ? ` [${q.problems.join(', ')}]` : ''}`;

function sessionText(d: SessionDetail): string {
  const s = d.session;
  const name = (id: number | null) => d.members.find((m) => m.memberId === id)?.fullName ?? '—';
  const lines = [
    `Session #${s.id}: ${s.kind === 'written_opinion' ? 'written opinion (lấy ý kiến bằng văn bản)' : 'meeting'} ${s.number} of ${d.council.name}`,
    `Round:   ${d.round.name} (${d.round.legalBasis})`,
    `Status:  ${s.status}`,
    `When:    ${s.date}${s.startTime ? ` ${s.startTime}` : ''}${s.endTime ? `–${s.endTime}` : ''}${s.opinionDeadline ? `, answers by ${s.opinionDeadline}` : ''}`,
    `Place:   ${s.place || '—'}`,
    `Chair:   ${name(s.chairMemberId)}; secretary: ${name(s.secretaryMemberId)}`,
    `Rules:   v${d.rules.version}: quorum ${d.rules.quorumNumerator}/${d.rules.quorumDenominator}${d.rules.chairRequired ? ' incl. chair' : ''}, spread ${d.rules.spreadLimitAllowed ? '≤' : '<'} ${d.rules.spreadLimit}, ${d.rules.aggregation}, minima on ${d.rules.minimaRule}`,
    `Quorum:  ${quorumText(d.quorum.session)}`,
    '',
    'Members:',
    ...d.members.map(
      (m) =>
        `  ${String(m.order).padStart(2)}. ${m.fullName} — ${ROLE[m.role] ?? m.role}, ${joinPositionOffice(m.position, m.office)}: ${m.present === null ? 'not recorded' : m.present ? 'present' : `absent${m.absenceReason ? ` (${m.absenceReason})` : ''}`}`,
    ),
    '',
    'Agenda:',
    ...d.agenda.map((a) => {
      const q = d.quorum.products.find((p) => p.registrationId === a.registrationId)!.quorum;
      const rec = a.recusedMemberIds.map(name).join(', ');
      return `  ${String(a.position).padStart(2)}. ${a.productName} — ${a.producerName} [${a.registrationNo}, ${a.criteriaSetName}]${rec ? `; recused: ${rec}` : ''}; quorum ${quorumText(q)}`;
    }),
  ];
  if (d.readiness.blockers.length) lines.push('', 'Before opening:', ...d.readiness.blockers.map((b) => `  - ${b.message}`));
  if (d.warnings.length) lines.push('', 'Warnings:', ...d.warnings.map((w) => `  - ${w.message}`));
  return lines.join('\n');
}

export const councilsCommands: CliCommand[] = [
  {
    name: 'councils list',
    usage: 'councils list [--level provincial|central|advisory_group|district] [--data-dir DIR] [--json]',
    summary: 'Councils and advisory groups with their active members, chair and rules version',
    options: { level: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      const level = typeof r.values.level === 'string' ? r.values.level : undefined;
      const rows = unwrap(await invoke(core.ctx, 'councils:list', level ? { level } : {}));
      r.io.result(rows, councilsText);
      return 0;
    },
  },
  {
    name: 'sessions list',
    usage:
      'sessions list [--council ID] [--round ID] [--status preparing|in_progress|closed|finalized] [--data-dir DIR] [--json]',
    summary: 'Council sessions, newest first, with their status, agenda size and attendance',
    options: { council: { type: 'string' }, round: { type: 'string' }, status: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      const input: Record<string, unknown> = {};
      if (typeof r.values.council === 'string') input.councilId = Number(r.values.council);
      if (typeof r.values.round === 'string') input.roundId = Number(r.values.round);
      if (typeof r.values.status === 'string') input.status = r.values.status;
      const rows = unwrap(await invoke(core.ctx, 'sessions:list', input));
      r.io.result(rows, sessionsText);
      return 0;
    },
  },
  {
    name: 'sessions show',
    usage: 'sessions show <id> [--data-dir DIR] [--json]',
    summary: 'One session: members and attendance, agenda, recusals, quorum per product, rules',
    run: async (r) => {
      const id = Number(r.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) {
        r.io.error('sessions show: give the session id, e.g. sessions show 3 (see sessions list)');
        return 2;
      }
      const core = await r.core();
      const d = unwrap(await invoke(core.ctx, 'sessions:get', { id }));
      r.io.result(d, sessionText);
      return 0;
    },
  },
  {
    name: 'demo',
    usage: 'demo [--seed N] [--data-dir DIR] [--json]',
    summary: 'Fill an empty data folder with the training dataset (fictional province; same seed, same data)',
    options: { seed: { type: 'string' } },
    run: async (r) => {
      const seed = r.values.seed === undefined ? 1 : Number(r.values.seed);
      if (!Number.isInteger(seed) || seed < 0) {
        r.io.error(`demo: --seed must be a whole number ≥ 0, got ${String(r.values.seed)}`);
        return 2;
      }
      const core = await r.core();
      const res = unwrap(await invoke(core.ctx, 'demo:create', { seed }, { actor: 'Dữ liệu tập huấn' }));
      r.io.result(res, (d: DemoResult) =>
        [
          `Training dataset created in ${r.dataDir} (seed ${d.seed}).`,
          `${d.counts.producers} producers, ${d.counts.products} products, ${d.counts.registrations} registrations over ${d.counts.criteriaSets} criteria sets, 2 rounds.`,
          `Council #${d.councilId} (${d.counts.councilMembers} members) with advisory group #${d.advisoryGroupId}.`,
          `Session #${d.meetingSessionId} is open and ready to score; session #${d.writtenOpinionSessionId} (written opinion) is in preparation.`,
        ].join('\n'),
      );
      return 0;
    },
  },
];
