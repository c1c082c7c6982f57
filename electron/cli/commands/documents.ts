import fs from 'node:fs';
import path from 'node:path';
import { SessionDocumentKind, type DigestMismatch, type DocumentVerification } from '../../../shared/api/channels/documents';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { printSessionSheets } from './documents-batch';
import { signaturesBroken, signaturesText } from './signatures-text';

/** What `pdf` prints: one document through documents:render, or every sheet ('sheets', a batch). */
const PDF_KINDS = [...SessionDocumentKind.options, 'sheets'] as const;

const REASONS: Record<DigestMismatch, string> = {
  'no-digest': 'the PDF carries no session digest (printed before finalization, or not by this app)',
  'pages-differ': 'the pages carry different digests or some carry none (pages mixed from different printings)',
  'other-session': 'the PDF belongs to another session',
  'digest-differs': "the session's results changed after this PDF was printed (it was reopened and finalized again)",
  'not-finalized': 'the session is not finalized now (it was reopened after printing)',
};

function text(file: string, v: DocumentVerification): string {
  if (v.ok) return `${file}: VERIFIED — ${v.pageCount} page(s), session ${v.sessionId}, digest ${v.currentDigest}`;
  const pages =
    v.pagesWithout.length && v.pagesWithout.length < v.pageCount ? `; pages without a digest: ${v.pagesWithout.join(', ')}` : '';
  return `${file}: NOT VERIFIED — ${REASONS[v.reason!]}${pages}`;
}

/**
 * `verify <pdf>`: reads the session digest printed on every page of a council document and checks
 * it against the session's finalization in force (through `documents:verify`, like the app).
 */
export const documentsCommands: CliCommand[] = [
  {
    name: 'verify',
    usage: 'verify <file.pdf> [--crl FILE] [--data-dir DIR] [--json]',
    options: { crl: { type: 'string' } },
    summary:
      'Checks that every page of a printed council document carries the digest of its session’s current finalized results, and lists its digital signatures (signer, time, intact, coverage, trust, revocation with --crl)',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file || !fs.existsSync(file)) {
        r.io.error(
          `verify: give the path of a PDF printed by the app, e.g. verify bien-ban.pdf (got ${JSON.stringify(file ?? '')})`,
        );
        return 2;
      }
      const core = await r.core();
      const pdfBase64 = fs.readFileSync(file).toString('base64');
      const v = unwrap(await invoke(core.ctx, 'documents:verify', { pdfBase64 }));
      // The digital signatures, next to the content check (issue 15); a CRL file checks revocation.
      const crl = typeof r.values.crl === 'string' ? r.values.crl : undefined;
      const signatures = unwrap(
        await invoke(core.ctx, 'signatures:verify', {
          pdfBase64,
          ...(crl ? { crlBase64: fs.readFileSync(crl).toString('base64') } : {}),
        }),
      );
      if (r.json) r.io.result({ file, ...v, signatures });
      else r.io.result(v, (x: DocumentVerification) => `${text(file, x)}\n${signaturesText(signatures)}`);
      return v.ok && !signaturesBroken(signatures) ? 0 : 1;
    },
  },
  {
    name: 'pdf',
    usage: `pdf <${PDF_KINDS.join('|')}> --session ID [--registration ID] [--member ID] [--dotted] [--out FILE] [--data-dir DIR] [--json]`,
    summary:
      'Prints a document of a session from the database to a PDF file (through documents:render, like the app); sheets = every scoring sheet in one PDF, with progress on stderr; blank-sheet --dotted leaves the identification lines empty',
    options: {
      session: { type: 'string' },
      registration: { type: 'string' },
      member: { type: 'string' },
      out: { type: 'string' },
      dotted: { type: 'boolean' },
    },
    run: async (r) => {
      const kindArg = r.positionals[0] ?? '';
      const kind = SessionDocumentKind.safeParse(kindArg === 'sheets' ? 'sheet' : kindArg);
      if (!kind.success) {
        r.io.error(
          `pdf: give the document kind first, one of ${PDF_KINDS.join(', ')}, e.g. pdf minutes --session 1 (got ${JSON.stringify(r.positionals[0] ?? '')})`,
        );
        return 2;
      }
      const num = (name: 'session' | 'registration' | 'member'): number | undefined => {
        const v = r.values[name];
        return typeof v === 'string' ? Number(v) : undefined;
      };
      const sessionId = num('session');
      if (sessionId === undefined) {
        r.io.error('pdf: --session ID is required (the session whose document to print)');
        return 2;
      }
      const core = await r.core();
      if (kindArg === 'sheets') return printSessionSheets(r, core.ctx, sessionId);
      const input = {
        sessionId,
        kind: kind.data,
        ...(num('registration') !== undefined ? { registrationId: num('registration') } : {}),
        ...(num('member') !== undefined ? { memberId: num('member') } : {}),
        ...(r.values.dotted === true ? { prefill: false } : {}),
      };
      const doc = unwrap(await invoke(core.ctx, 'documents:render', input));
      const out = typeof r.values.out === 'string' ? r.values.out : path.resolve(doc.fileName);
      fs.writeFileSync(out, Buffer.from(doc.pdfBase64, 'base64'));
      // The font is named so a fallback from the chosen Times New Roman to Tinos is never silent.
      r.io.result(
        { file: out, fileName: doc.fileName, pages: doc.pages, font: doc.font },
        (v: { file: string; pages: number; font: typeof doc.font }) =>
          [
            `${v.file}: ${v.pages} page(s), font ${v.font.family}`,
            ...(v.font.fallbackReason ? [`note: ${v.font.fallbackReason}`] : []),
          ].join('\n'),
      );
      return 0;
    },
  },
];
