import type { FinalizationCheck } from '../../../shared/api/channels/results';
import type { StateReport } from '../../../shared/api/channels/integrity';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

type Verification = StateReport & {
  count: number;
  head: string | null;
  headSeq: number | null;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** Finalized sessions re-checked against the database (results digest, answers, results). */
  finalizations: { ok: boolean; checks: FinalizationCheck[] };
  /** The first difference found (table, key, expected, found), or null. */
  first: StateReport['differences'][number] | null;
};

function verifyText(v: Verification): string {
  const lines = [
    v.firstBrokenSeq === null
      ? `Audit chain intact: ${count(v.count, 'event')}, head ${v.head ? `${v.headSeq} ${v.head}` : '(empty log)'}`
      : `AUDIT CHAIN BROKEN at event ${v.firstBrokenSeq}: ${v.reason}\n${count(v.count, 'event')} in the log; events from ${v.firstBrokenSeq} on cannot be trusted.`,
  ];
  for (const c of v.finalizations.checks) {
    lines.push(
      c.ok
        ? `Session ${c.sessionId} finalization ${c.seq}: digest ${c.storedDigest} matches the database`
        : `SESSION ${c.sessionId} FINALIZATION ${c.seq} DOES NOT MATCH:\n  - ${c.problems.join('\n  - ')}`,
    );
  }
  lines.push(`Checked: ${v.checks.map((c) => `${c.id} ${c.checked}${c.ok ? '' : ` (${c.differences} different)`}`).join(', ')}`);
  for (const a of v.anchors)
    lines.push(`${a.ok ? 'Anchor matches' : 'ANCHOR DOES NOT MATCH'} (${a.source}, event ${a.seq}): ${a.message}`);
  for (const p of v.anchorProblems) lines.push(`Note: ${p}`);
  if (v.first) {
    lines.push(
      `THE DATABASE DOES NOT MATCH ITS HISTORY: ${count(v.differenceCount, 'difference')}. The first:`,
      `  table:    ${v.first.table}`,
      `  key:      ${v.first.key}`,
      `  expected: ${v.first.expected}`,
      `  found:    ${v.first.found}`,
      `  (check: ${v.first.check}; all of them: --json)`,
    );
  } else lines.push('The database matches its history: every row agrees with the audit log.');
  return lines.join('\n');
}

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify [--against FILE]... [--data-dir DIR] [--json]',
    summary:
      'Check the whole database against its audit log (chain, answers replayed, totals, dossiers, attendance, recusals, session status, finalized digests) and against backups, exports, archives, PDFs or photos given with --against; exit 1 and name the first difference (table, key, expected, found)',
    options: { against: { type: 'string', multiple: true } },
    run: async (r) => {
      const core = await r.core();
      const against = (Array.isArray(r.values.against) ? r.values.against : r.values.against ? [r.values.against] : []).map(
        String,
      );
      const chain = unwrap(await invoke(core.ctx, 'audit:verify', {}));
      const finalizations = unwrap(await invoke(core.ctx, 'results:verify', {}));
      const reports: StateReport[] = [];
      for (const file of against.length > 0 ? against : [undefined])
        reports.push(unwrap(await invoke(core.ctx, 'integrity:verify', file ? { againstPath: file } : {})));
      const s: StateReport = {
        ...reports[0]!,
        ok: reports.every((x) => x.ok),
        anchors: reports.flatMap((x) => x.anchors),
        anchorProblems: reports.flatMap((x) => x.anchorProblems),
      };
      const v: Verification = {
        ...s,
        ok: s.ok && chain.ok && finalizations.ok && s.anchors.every((a) => a.ok),
        count: chain.count,
        head: chain.head,
        headSeq: s.audit.head?.seq ?? null,
        firstBrokenSeq: chain.firstBrokenSeq,
        reason: chain.reason,
        finalizations,
        first: s.differences[0] ?? null,
      };
      r.io.result(v, verifyText);
      // Any difference is a failure scripts must notice.
      return v.ok ? 0 : 1;
    },
  },
];
