import type { FinalizationCheck } from '../../../shared/api/channels/results';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

type Verification = {
  ok: boolean;
  count: number;
  head: string | null;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** Finalized sessions re-checked against the database (results digest, answers, results). */
  finalizations: { ok: boolean; checks: FinalizationCheck[] };
};

function verifyText(v: Verification): string {
  const lines = [
    v.firstBrokenSeq === null
      ? `Audit chain intact: ${v.count} event(s), head ${v.head ?? '(empty log)'}`
      : `AUDIT CHAIN BROKEN at event ${v.firstBrokenSeq}: ${v.reason}\n${v.count} event(s) in the log; events from ${v.firstBrokenSeq} on cannot be trusted.`,
  ];
  for (const c of v.finalizations.checks) {
    lines.push(
      c.ok
        ? `Session ${c.sessionId} finalization ${c.seq}: digest ${c.storedDigest} matches the database`
        : `SESSION ${c.sessionId} FINALIZATION ${c.seq} DOES NOT MATCH:\n  - ${c.problems.join('\n  - ')}`,
    );
  }
  return lines.join('\n');
}

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify [--data-dir DIR] [--json]',
    summary:
      'Re-compute the audit hash chain and check finalized sessions against it; exit 1 and name the first broken link or changed answer',
    run: async (r) => {
      const core = await r.core();
      const chain = unwrap(await invoke(core.ctx, 'audit:verify', {}));
      const finalizations = unwrap(await invoke(core.ctx, 'results:verify', {}));
      const v: Verification = { ...chain, ok: chain.ok && finalizations.ok, finalizations };
      r.io.result(v, verifyText);
      // A broken chain or a finalization that no longer matches is a failure scripts must notice.
      return v.ok ? 0 : 1;
    },
  },
];
