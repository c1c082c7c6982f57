import fs from 'node:fs';
import { invoke } from '../../core/api';
import { checkPdfDigest, type DigestCheck } from '../../core/documents/render-document';
import { readDigestFromPdf } from '../../core/documents/integrity/read-digest';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

const REASONS: Record<Exclude<DigestCheck, { ok: true }>['reason'], string> = {
  'no-digest': 'the PDF carries no session digest (printed before finalization, or not by this app)',
  'pages-differ': 'the pages carry different digests or some carry none (pages mixed from different printings)',
  'other-session': 'the PDF belongs to another session',
  'digest-differs': "the session's results changed after this PDF was printed (it was reopened and finalized again)",
};

/**
 * `verify <pdf>`: reads the session digest printed on every page of a council document and checks
 * it against the session's current finalization in the database.
 */
export const documentsCommands: CliCommand[] = [
  {
    name: 'verify',
    usage: 'verify <file.pdf> [--data-dir DIR] [--json]',
    summary: 'Checks that every page of a printed council document carries the digest of its session’s current finalized results',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file || !fs.existsSync(file)) {
        r.io.error(`verify: give the path of a PDF printed by the app, e.g. verify bien-ban.pdf (got ${JSON.stringify(file ?? '')})`);
        return 2;
      }
      const pdf = new Uint8Array(fs.readFileSync(file));
      const reading = await readDigestFromPdf(pdf);
      const first = reading.pages.find((p) => p !== null);
      const sessionId = first ? Number(first.sessionRef) : NaN;
      if (!first || !Number.isInteger(sessionId)) {
        const out = { file, ok: false, reason: 'no-digest', pageCount: reading.pageCount };
        if (r.json) r.io.result(out);
        else r.io.result(out, () => `${file}: NOT VERIFIED — ${REASONS['no-digest']}`);
        return 1;
      }
      const core = await r.core();
      const res = unwrap(await invoke(core.ctx, 'results:session', { sessionId }));
      const current = res.finalization?.resultsDigest ?? null;
      const check: DigestCheck = current
        ? await checkPdfDigest(pdf, { sessionRef: String(sessionId), digest: current })
        : { ok: false, reason: 'digest-differs', pageCount: reading.pageCount, found: { sessionRef: first.sessionRef, digest: first.digest }, pagesWithout: [] };
      const out = { file, sessionId, currentDigest: current, ...check };
      if (r.json) r.io.result(out);
      else
        r.io.result(out, () =>
          check.ok
            ? `${file}: VERIFIED — ${check.pageCount} page(s), session ${sessionId}, digest ${current}`
            : `${file}: NOT VERIFIED — ${current ? REASONS[check.reason] : 'the session is not finalized now (it was reopened after printing)'}${check.pagesWithout.length ? `; pages without a digest: ${check.pagesWithout.join(', ')}` : ''}`,
        );
      return check.ok ? 0 : 1;
    },
  },
];
