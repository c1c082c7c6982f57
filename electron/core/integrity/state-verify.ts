import type { StateReport } from '../../../shared/api/channels/integrity';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { verifyFinalizations } from '../results/finalize-service';
import type { Conn } from '../results/results-service';
import { compareAnchors, readAnchors, type ReadAnchors } from './anchors';
import { readAuditIndex } from './audit-index';
import { checkAnswers } from './check-answers';
import { checkChain } from './check-chain';
import { checkDossiers } from './check-dossiers';
import { checkSessions } from './check-sessions';
import { Collector } from './collector';

/** How many differences a report lists (the count says how many there are). */
export const REPORT_LIMIT = 200;

export interface VerifyOptions {
  /** Files holding anchors (backup, export, archive, PDF, photo). */
  against?: { path?: string; name?: string; bytes?: Buffer }[];
}

/**
 * `audit verify`: the whole state against its history (see the checks' files), and against the
 * anchors given. Read-only. The synchronous checks run in one read transaction, so they see one
 * snapshot even while the app writes; the finalization check recomputes results through the
 * results service right after.
 */
export async function verifyState(conn: Conn, opts: VerifyOptions = {}): Promise<StateReport> {
  const c = new Collector();
  const anchorsRead: ReadAnchors[] = [];
  const anchorProblems: string[] = [];
  for (const file of opts.against ?? []) {
    const r = await readAnchors(file);
    anchorsRead.push(r);
    anchorProblems.push(...r.problems);
  }

  const { audit, anchors } = conn.sqlite.transaction(() => {
    const audit = readAuditIndex(conn.sqlite);
    checkChain(audit, c);
    checkAnswers(conn.sqlite, audit, c);
    checkDossiers(conn.sqlite, audit, c);
    checkSessions(conn.sqlite, audit, c);
    const finalizations = conn.sqlite
      .prepare('SELECT session_id AS sessionId, seq, results_digest AS digest FROM session_finalization')
      .all() as { sessionId: number; seq: number; digest: string }[];
    const anchors = anchorsRead.flatMap((r) => compareAnchors(audit, r, finalizations, c));
    return { audit, anchors };
  })();

  const fin = await verifyFinalizations(conn);
  for (const f of fin.checks) {
    c.checked('finalizations');
    for (const p of f.problems)
      c.add(
        'finalizations',
        'session_finalization',
        `session ${f.sessionId}, finalization ${f.seq}`,
        `digest ${f.storedDigest.slice(0, 16)}… and the results it was taken from`,
        p,
      );
  }

  const differences = c.differences;
  const last = audit.rows.at(-1);
  return {
    ok: differences.length === 0,
    audit: { count: audit.rows.length, head: last ? { seq: last.seq, hash: last.hash } : null },
    checks: c.results(),
    differences: differences.slice(0, REPORT_LIMIT),
    differenceCount: differences.length,
    anchors,
    anchorProblems,
  };
}

/** The `integrity:verify` channel: the state, against a file on disk and/or an uploaded one. */
export function verifyIntegrity(ctx: CoreContext, input: ChannelParsedInput<'integrity:verify'>): Promise<StateReport> {
  const against: NonNullable<VerifyOptions['against']> = [];
  if (input.againstPath) against.push({ path: input.againstPath });
  if (input.againstFile) {
    const bytes = Buffer.from(input.againstFile.contentBase64, 'base64');
    if (bytes.length === 0) throw new CoreError('VALIDATION', 'againstFile: the file is empty', { field: 'againstFile' });
    against.push({ name: input.againstFile.name, bytes });
  }
  return verifyState({ db: ctx.db, sqlite: ctx.sqlite }, { against });
}
