import type { SessionResults } from '../../../shared/api/channels/results';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

/**
 * `results <sessionId>`: what the council decided per registration, for scripts (--json) and
 * for reading. The JSON is a projection of results:session with the fields issue 7 lists.
 */
export function resultsJson(r: SessionResults) {
  const f = r.finalization;
  return {
    sessionId: r.session.id,
    status: r.session.status,
    legalBasis: r.session.legalBasis,
    finalized: f !== null,
    digest: f?.resultsDigest ?? null,
    auditHead: f?.auditHead ?? null,
    finalizedAt: f?.finalizedAt ?? null,
    registrations: r.products.map((p) => ({
      registrationId: p.registrationId,
      registrationNo: p.registrationNo,
      kind: p.registrationKind,
      productCode: p.productCode,
      productName: p.productName,
      producerName: p.producerName,
      criteriaSet: { id: p.criteriaSet.versionId, setKey: p.criteriaSet.setKey, version: p.criteriaSet.version },
      memberTotals: Object.fromEntries(p.memberTotals.map((m) => [String(m.memberId), m.totalPoints])),
      partMeans: Object.fromEntries(p.partMeans.map((m) => [m.part, m.mean])),
      mean: p.mean,
      spread: p.spread?.points ?? null,
      bandStar: p.bandStar,
      cap: p.cap,
      finalStar: p.finalStar,
      previousStar: p.previousStar,
      cappingCriteria: p.cappingCriteria.map((c) => ({ code: c.code, requiredStars: c.requiredStars })),
      recognised: p.recognised,
      proposedToCentral: p.proposedToCentral,
      status: p.status,
      reason: p.reason,
    })),
  };
}

const star = (n: number | null): string => (n === null ? '–' : `${n}★`);

function resultsText(r: SessionResults): string {
  const lines = [
    `Session ${r.session.id} (${r.session.councilName}, ${r.session.date}) — ${r.session.status}, ${r.session.legalBasis}`,
    ...r.products.map((p) => {
      const capped = p.cappingCriteria.length > 0 ? ` capped by ${p.cappingCriteria.map((c) => c.code).join(', ')}` : '';
      return `${String(p.position).padStart(3)}. ${p.productCode.padEnd(20)} ${p.productName.slice(0, 36).padEnd(36)} mean ${(p.mean?.display ?? '–').padStart(6)}  band ${star(p.bandStar)}  final ${star(p.finalStar)}${capped}  [${p.status}]`;
    }),
  ];
  if (r.finalization)
    lines.push(
      `Finalized ${r.finalization.finalizedAt} by ${r.finalization.finalizedBy}; digest ${r.finalization.resultsDigest}`,
    );
  else if (r.finalizeBlockers.length > 0)
    lines.push(`Not finalizable yet: ${r.finalizeBlockers.map((b) => b.message).join('; ')}`);
  return lines.join('\n');
}

export const resultsCommands: CliCommand[] = [
  {
    name: 'results',
    usage: 'results <sessionId> [--margin POINTS] [--data-dir DIR] [--json]',
    summary:
      "Each registration's totals, mean, spread, band and final stars, capping criteria and status; the digest when finalized",
    options: { margin: { type: 'string' } },
    run: async (r) => {
      const id = Number(r.positionals[0]);
      if (!Number.isInteger(id) || id < 1) {
        r.io.error(
          `results: give the session id as a whole number, e.g. results 3 --json (got ${JSON.stringify(r.positionals[0] ?? '')})`,
        );
        return 2;
      }
      const marginText = r.values.margin;
      const marginPoints = marginText === undefined ? 1 : Number(marginText);
      if (!Number.isFinite(marginPoints) || marginPoints < 0 || marginPoints > 10) {
        r.io.error(`results: --margin must be a number of points from 0 to 10 (got ${String(marginText)})`);
        return 2;
      }
      const core = await r.core();
      const res = unwrap(await invoke(core.ctx, 'results:session', { sessionId: id, marginPoints }));
      if (r.json) r.io.result(resultsJson(res));
      else r.io.result(res, resultsText);
      return 0;
    },
  },
];
