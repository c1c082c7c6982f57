import fs from 'node:fs';
import path from 'node:path';
import {
  IssueKind,
  type RegisterEntry,
  type RegisterFileOutput,
  type VerifyReport,
} from '../../../shared/api/channels/document-register';
import { SessionDocumentKind } from '../../../shared/api/channels/documents';
import { invoke } from '../../core/api';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { printSessionSheets } from './documents-batch';
import { signaturesBroken, signaturesText } from './signatures-text';
import { count } from '../../../shared/text/plural';

/** What `pdf` prints: one document through documents:render, or every sheet ('sheets', a batch). */
const PDF_KINDS = [...SessionDocumentKind.options, 'sheets'] as const;

/** The report as a person reads it on the terminal. */
export function verifyText(file: string, v: VerifyReport): string {
  const head = `${file}: ${v.ok ? 'VERIFIED' : 'NOT VERIFIED'} — ${v.message}`;
  const lines = [head];
  for (const d of v.differences) {
    lines.push(`  page ${d.page || '(missing in the file)'}:`);
    for (const e of d.expected) lines.push(`    expected: ${e}`);
    for (const f of d.found) lines.push(`    found:    ${f}`);
  }
  if (v.ok && v.outcome !== 'current-code')
    lines.push('  (The text matches the database. Only a digital signature proves who signed it.)');
  return lines.join('\n');
}

export const documentsCommands: CliCommand[] = [
  {
    name: 'verify',
    usage: 'verify <file.pdf|photo.png|scan.jpg> [--crl FILE] [--data-dir DIR] [--json]',
    options: { crl: { type: 'string' } },
    summary:
      'Checks a council document: by its hash in the register of issued documents, else by comparing the text of every page with the document re-rendered from the database (a photo or scan of a page by its QR code); lists its digital signatures (signer, time, intact, coverage, trust, revocation with --crl)',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file || !fs.existsSync(file)) {
        r.io.error(
          `verify: give the path of a PDF printed by the app, or of a photo or scan of a printed page, e.g. verify bien-ban.pdf (got ${JSON.stringify(file ?? '')})`,
        );
        return 2;
      }
      const core = await r.core();
      const bytes = fs.readFileSync(file);
      const v = unwrap(await invoke(core.ctx, 'documents:verify', { fileBase64: bytes.toString('base64') }));
      // The digital signatures of a PDF, next to the content check (issue 15); a CRL file checks revocation.
      const crl = typeof r.values.crl === 'string' ? r.values.crl : undefined;
      const signatures =
        v.source === 'pdf'
          ? unwrap(
              await invoke(core.ctx, 'signatures:verify', {
                pdfBase64: bytes.toString('base64'),
                ...(crl ? { crlBase64: fs.readFileSync(crl).toString('base64') } : {}),
              }),
            )
          : null;
      if (r.json) r.io.result({ file, ...v, signatures });
      else
        r.io.result(v, (x: VerifyReport) =>
          signatures ? `${verifyText(file, x)}\n${signaturesText(signatures)}` : verifyText(file, x),
        );
      return v.ok && !(signatures && signaturesBroken(signatures)) ? 0 : 1;
    },
  },
  {
    name: 'pdf',
    usage: `pdf <${PDF_KINDS.join('|')}> --session ID [--registration ID] [--member ID] [--dotted] [--issue [--corrected]] [--single-sided] [--out FILE] [--data-dir DIR] [--json]`,
    summary:
      'Prints a document of a session from the database to a PDF file (through documents:render, like the app); sheets = every scoring sheet in one PDF, with progress on stderr; blank-sheet --dotted leaves the identification lines empty; sheets --single-sided prints no blank backs; --issue issues it (finalized sessions only): the file is recorded in the register and the details it prints lock; --issue --corrected issues a decision or certificate again with the corrections made in the registry since it was issued (a new register entry that replaces it)',
    options: {
      session: { type: 'string' },
      registration: { type: 'string' },
      member: { type: 'string' },
      out: { type: 'string' },
      dotted: { type: 'boolean' },
      issue: { type: 'boolean' },
      corrected: { type: 'boolean' },
      'single-sided': { type: 'boolean' },
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
      if (r.values.issue === true) {
        if (input.kind === 'blank-sheet') {
          r.io.error('pdf: a blank sheet is a form, not an issued document; leave out --issue');
          return 2;
        }
        const issued = unwrap(
          await invoke(core.ctx, 'documents:issue', {
            ...input,
            kind: input.kind,
            ...(r.values.corrected === true ? { corrected: true } : {}),
          }),
        );
        const out = typeof r.values.out === 'string' ? r.values.out : path.resolve(issued.entry.fileName);
        fs.writeFileSync(out, Buffer.from(issued.pdfBase64 ?? '', 'base64'));
        r.io.result(
          { file: out, ...issued, pdfBase64: undefined },
          (v: { file: string; entry: RegisterEntry; reissued: boolean }) =>
            [
              `${v.file}: ${count(v.entry.pages, 'page')}, ${v.reissued ? 'already in the register (the same bytes)' : v.entry.correctionOf !== null ? `issued as the corrected version of register no. ${v.entry.correctionOf}` : 'issued'}: register no. ${v.entry.id}`,
              `${v.entry.title}${v.entry.number ? `, số ${v.entry.number}` : ''}${v.entry.date ? `, ngày ${v.entry.date}` : ''}, finalization ${v.entry.version}`,
              `SHA-256 ${v.entry.sha256}`,
            ].join('\n'),
        );
        return 0;
      }
      const doc = unwrap(await invoke(core.ctx, 'documents:render', input));
      const out = typeof r.values.out === 'string' ? r.values.out : path.resolve(doc.fileName);
      fs.writeFileSync(out, Buffer.from(doc.pdfBase64, 'base64'));
      // The font is named so a fallback from the chosen Times New Roman to Tinos is never silent.
      r.io.result(
        { file: out, fileName: doc.fileName, pages: doc.pages, font: doc.font },
        (v: { file: string; pages: number; font: typeof doc.font }) =>
          [
            `${v.file}: ${count(v.pages, 'page')}, font ${v.font.family}`,
            ...(v.font.fallbackReason ? [`note: ${v.font.fallbackReason}`] : []),
          ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'documents corrections',
    usage: 'documents corrections --session ID [--data-dir DIR] [--json]',
    summary:
      "Corrections made in the registry after the session's decision or certificates were issued (who, when, what, why), and the issued documents that do not carry them (issue them with pdf … --issue --corrected)",
    options: { session: { type: 'string' } },
    run: async (r) => {
      if (typeof r.values.session !== 'string') {
        r.io.error('documents corrections: --session ID is required');
        return 2;
      }
      const core = await r.core();
      const out = unwrap(await invoke(core.ctx, 'documents:corrections', { sessionId: Number(r.values.session) }));
      r.io.result(out, (v: typeof out) =>
        [
          `${count(v.corrections.length, 'correction')} after issue`,
          ...v.corrections.map(
            (c) =>
              `#${c.id} ${c.correctedAt.slice(0, 16).replace('T', ' ')}Z by ${c.correctedBy}, registry entry ${c.entryId}: ${c.changes
                .map((x) => `${x.field} ${x.from} → ${x.to}`)
                .join(', ')} — ${c.reason}`,
          ),
          ...(v.pending.length === 0
            ? ['Every issued decision and certificate prints the registry’s decision.']
            : [
                'Issued with the old value (issue a corrected version with pdf <kind> --issue --corrected):',
                ...v.pending.map(
                  (p) => `  #${p.issueId} ${p.title}${p.number ? ` số ${p.number}` : ''}, issued ${p.issuedAt.slice(0, 10)}`,
                ),
              ]),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'documents register',
    usage:
      'documents register [--session ID] [--kind KIND] [--superseded] [--q WORDS] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--out-file ID --out FILE] [--data-dir DIR] [--json]',
    summary:
      'Lists the register of issued documents, newest first (filters: session, kind, superseded only, words, issue dates); --out-file ID --out FILE writes that issued file',
    options: {
      session: { type: 'string' },
      kind: { type: 'string' },
      superseded: { type: 'boolean' },
      q: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      'out-file': { type: 'string' },
      out: { type: 'string' },
    },
    run: async (r) => {
      const core = await r.core();
      const str = (k: string) => (typeof r.values[k] === 'string' ? (r.values[k] as string) : undefined);
      const fileId = str('out-file');
      if (fileId !== undefined) {
        const out = str('out');
        if (!out) {
          r.io.error('documents register: --out FILE is required with --out-file ID (where to write the issued file)');
          return 2;
        }
        const fd = fs.openSync(out, 'w');
        let entry: RegisterEntry | null = null;
        try {
          let offset: number | null = 0;
          while (offset !== null) {
            const c: RegisterFileOutput = unwrap(
              await invoke(core.ctx, 'documents:registerFile', { id: Number(fileId), offset }),
            );
            fs.writeSync(fd, Buffer.from(c.chunkBase64, 'base64'));
            entry = c.entry;
            offset = c.nextOffset;
          }
        } finally {
          fs.closeSync(fd);
        }
        r.io.result(
          { file: out, entry },
          (v: { file: string; entry: RegisterEntry }) => `${v.file}: ${v.entry.title} (${count(v.entry.pages, 'page')})`,
        );
        return 0;
      }
      const kind = str('kind');
      if (kind !== undefined && !IssueKind.safeParse(kind).success) {
        r.io.error(`documents register: --kind must be one of ${IssueKind.options.join(', ')} (got ${JSON.stringify(kind)})`);
        return 2;
      }
      const page = unwrap(
        await invoke(core.ctx, 'documents:register', {
          ...(str('session') !== undefined ? { sessionId: Number(str('session')) } : {}),
          ...(kind !== undefined ? { kind } : {}),
          ...(r.values.superseded === true ? { current: false } : {}),
          ...(str('q') !== undefined ? { q: str('q') } : {}),
          ...(str('from') !== undefined ? { from: str('from') } : {}),
          ...(str('to') !== undefined ? { to: str('to') } : {}),
          ...(str('limit') !== undefined ? { limit: Number(str('limit')) } : {}),
        }),
      );
      r.io.result(page, (v: { total: number; entries: RegisterEntry[] }) =>
        [
          `${count(v.total, 'issued document')}${v.entries.length < v.total ? `, newest ${v.entries.length} shown` : ''}`,
          ...v.entries.map(
            (e) =>
              `#${e.id} ${e.issuedAt.slice(0, 16).replace('T', ' ')}Z  session ${e.sessionId} v${e.version}${e.current ? '' : ' (superseded)'}  ${e.kind}${e.number ? ` số ${e.number}` : ''}  ${e.title}  ${e.sha256.slice(0, 12)}…`,
          ),
        ].join('\n'),
      );
      return 0;
    },
  },
];
