import fs from 'node:fs';
import type { DigestMismatch, DocumentVerification } from '../../../shared/api/channels/documents';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';

const REASONS: Record<DigestMismatch, string> = {
  'no-digest': 'the PDF carries no session digest (printed before finalization, or not by this app)',
  'pages-differ': 'the pages carry different digests or some carry none (pages mixed from different printings)',
  'other-session': 'the PDF belongs to another session',
  'digest-differs': "the session's results changed after this PDF was printed (it was reopened and finalized again)",
  'not-finalized': 'the session is not finalized now (it was reopened after printing)',
};

function text(file: string, v: DocumentVerification): string {
  if (v.ok) return `${file}: VERIFIED — ${v.pageCount} page(s), session ${v.sessionId}, digest ${v.currentDigest}`;
  const pages = v.pagesWithout.length && v.pagesWithout.length < v.pageCount ? `; pages without a digest: ${v.pagesWithout.join(', ')}` : '';
  return `${file}: NOT VERIFIED — ${REASONS[v.reason!]}${pages}`;
}

/**
 * `verify <pdf>`: reads the session digest printed on every page of a council document and checks
 * it against the session's finalization in force (through `documents:verify`, like the app).
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
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'documents:verify', { pdfBase64: fs.readFileSync(file).toString('base64') }));
      if (r.json) r.io.result({ file, ...v });
      else r.io.result(v, (x: DocumentVerification) => text(file, x));
      return v.ok ? 0 : 1;
    },
  },
];
