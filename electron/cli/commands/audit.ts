import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

type Verification = { ok: boolean; count: number; head: string | null; firstBrokenSeq: number | null; reason: string | null };

const verifyText = (v: Verification): string =>
  v.ok
    ? `Audit chain intact: ${v.count} event(s), head ${v.head ?? '(empty log)'}`
    : `AUDIT CHAIN BROKEN at event ${v.firstBrokenSeq}: ${v.reason}\n${v.count} event(s) in the log; events from ${v.firstBrokenSeq} on cannot be trusted.`;

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify [--data-dir DIR] [--json]',
    summary: 'Re-compute the audit hash chain; exit 1 and name the first broken link if it was tampered with',
    run: async (r) => {
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'audit:verify', {}));
      r.io.result(v, verifyText);
      // A broken chain is a failure scripts must notice, not just a line of text.
      return v.ok ? 0 : 1;
    },
  },
];
