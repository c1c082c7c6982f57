/**
 * Signing and trust from the command line:
 *   sign FILE --p12 F --out F2          (password from OCOP_P12_PASSWORD or a prompt)
 *   sign FILE --pkcs11 MODULE --slot N --out F2   (PIN from a prompt, never an argument)
 *   tokens --pkcs11 MODULE              (slots and certificates)
 *   trust import FILE | trust list | trust remove FINGERPRINT
 * `verify FILE` (documents.ts) shows the signatures next to the content check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SignedFile, TokenSlot, TrustedCertificate } from '../../../shared/api/channels/signatures';
import { invoke } from '../../core/api';
import type { CliCommand, CliRun } from '../command';
import { promptSecret } from '../prompt';
import { unwrap } from '../unwrap';

const str = (r: CliRun, k: string): string | undefined => (typeof r.values[k] === 'string' ? (r.values[k] as string) : undefined);

function signedText(v: SignedFile & { file: string }): string {
  return `${v.file}: signed by ${v.signer.commonName} (${v.signer.issuer}), field "${v.fieldName}", at ${v.signedAt}; SHA-256 ${v.sha256}`;
}

function slotsText(slots: TokenSlot[]): string {
  if (slots.length === 0) return 'No slot: the module sees no token reader';
  return slots
    .map((s) => {
      if (!s.token) return `slot ${s.slotId}: ${s.description || '(no description)'} — no token`;
      const head = `slot ${s.slotId}: ${s.token.label} (${s.token.manufacturer} ${s.token.model}, serial ${s.token.serial}), PIN ${s.token.pinState}`;
      const certs = s.certificates.map(
        (c) =>
          `  ${c.commonName} — issuer ${c.issuer}, valid ${c.notBefore} → ${c.notAfter}${c.problems.length ? ` [cannot sign: ${c.problems.join(', ')}]` : ''}\n    fingerprint ${c.fingerprint}`,
      );
      return [head, ...(certs.length ? certs : ['  (no certificate readable without the PIN)'])].join('\n');
    })
    .join('\n');
}

const trustedText = (list: TrustedCertificate[]) =>
  list.length === 0
    ? 'The trust store is empty: import your CA’s root certificate with "trust import FILE"'
    : list.map((c) => `${c.fingerprint}  ${c.subject}${c.isCa ? '' : ' (not a CA)'}, valid to ${c.notAfter}`).join('\n');

export const signaturesCommands: CliCommand[] = [
  {
    name: 'sign',
    usage:
      'sign <file.pdf> (--p12 FILE | --pkcs11 MODULE --slot N [--cert FINGERPRINT]) --out FILE [--field NAME] [--reason TEXT] [--location TEXT] [--json]',
    summary:
      'Signs a PDF (PAdES B-B, as an incremental update so earlier signatures stay valid) with a .p12 file (password from OCOP_P12_PASSWORD or a prompt) or a USB token (PIN from a prompt)',
    options: {
      p12: { type: 'string' },
      pkcs11: { type: 'string' },
      slot: { type: 'string' },
      cert: { type: 'string' },
      out: { type: 'string' },
      field: { type: 'string' },
      reason: { type: 'string' },
      location: { type: 'string' },
    },
    run: async (r) => {
      const file = r.positionals[0];
      const out = str(r, 'out');
      const p12 = str(r, 'p12');
      const module = str(r, 'pkcs11');
      if (!file || !fs.existsSync(file) || !out || (!p12 && !module) || (p12 && module)) {
        r.io.error(
          'sign: give the PDF, one key source (--p12 FILE or --pkcs11 MODULE --slot N) and --out FILE, e.g. sign bien-ban.pdf --p12 thu-ky.p12 --out bien-ban-ky.pdf',
        );
        return 2;
      }
      if (path.resolve(out) === path.resolve(file)) {
        r.io.error('sign: --out must be another file (the unsigned PDF is kept as it is)');
        return 2;
      }
      const pdfBase64 = fs.readFileSync(file).toString('base64');
      const opts = {
        fieldName: str(r, 'field') ?? 'signature',
        ...(str(r, 'reason') ? { reason: str(r, 'reason') } : {}),
        ...(str(r, 'location') ? { location: str(r, 'location') } : {}),
      };
      const core = await r.core();
      let signed: SignedFile;
      if (p12) {
        if (!fs.existsSync(p12)) {
          r.io.error(`sign: the .p12 file ${JSON.stringify(p12)} does not exist`);
          return 2;
        }
        const password = process.env.OCOP_P12_PASSWORD ?? (await promptSecret(`Password of ${path.basename(p12)}: `));
        if (password === null) return 1;
        signed = unwrap(
          await invoke(core.ctx, 'signatures:signFile', {
            pdfBase64,
            p12Base64: fs.readFileSync(p12).toString('base64'),
            password,
            ...opts,
          }),
        );
      } else {
        const slotId = str(r, 'slot');
        if (!slotId) {
          r.io.error('sign: --slot N is required with --pkcs11 (see "tokens --pkcs11 MODULE")');
          return 2;
        }
        const modulePath = path.resolve(module!);
        core.ctx.askPin = async (req) =>
          promptSecret(
            `PIN of the token "${req.tokenLabel}" for ${req.signer}${req.pinState === 'final-try' ? ' (LAST TRY before the token locks)' : req.pinState === 'count-low' ? ' (wrong PINs were typed before)' : ''}: `,
          );
        let fingerprint = str(r, 'cert');
        if (!fingerprint) {
          const slots = unwrap(await invoke(core.ctx, 'signatures:tokens', { modulePath }));
          const usable = slots.find((s) => s.slotId === slotId)?.certificates.filter((c) => c.problems.length === 0) ?? [];
          if (usable.length !== 1) {
            r.io.error(
              `sign: slot ${slotId} has ${usable.length} usable certificates; choose one with --cert FINGERPRINT (see "tokens --pkcs11 MODULE")`,
            );
            return 2;
          }
          fingerprint = usable[0]!.fingerprint;
        }
        signed = unwrap(
          await invoke(core.ctx, 'signatures:signFileWithToken', {
            pdfBase64,
            modulePath,
            slotId,
            certificateFingerprint: fingerprint,
            ...opts,
          }),
        );
      }
      fs.writeFileSync(out, Buffer.from(signed.pdfBase64, 'base64'));
      const { pdfBase64: _pdf, ...rest } = signed;
      r.io.result({ file: out, ...rest }, signedText);
      return 0;
    },
  },
  {
    name: 'tokens',
    usage: 'tokens --pkcs11 MODULE [--json]',
    summary:
      "Lists the slots of a USB token's PKCS #11 module with each certificate's subject, issuer and validity (no PIN asked)",
    options: { pkcs11: { type: 'string' } },
    run: async (r) => {
      const module = str(r, 'pkcs11');
      if (!module) {
        r.io.error('tokens: give the vendor module, e.g. tokens --pkcs11 /usr/lib/libvnpt-ca.so');
        return 2;
      }
      const core = await r.core();
      core.ctx.askPin = async () => null;
      r.io.result(unwrap(await invoke(core.ctx, 'signatures:tokens', { modulePath: path.resolve(module) })), slotsText);
      return 0;
    },
  },
  {
    name: 'trust import',
    usage: 'trust import <certificate.cer|.crt|.pem> [--json]',
    summary: 'Adds CA certificates (DER or PEM) to the app’s trust store: signatures chaining to them are reported as trusted',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file || !fs.existsSync(file)) {
        r.io.error(`trust import: give the CA certificate file (got ${JSON.stringify(file ?? '')})`);
        return 2;
      }
      const core = await r.core();
      const v = unwrap(
        await invoke(core.ctx, 'signatures:trustImport', { certificateBase64: fs.readFileSync(file).toString('base64') }),
      );
      r.io.result(v, (x: typeof v) =>
        [
          ...x.imported.map((c) => `imported ${c.subject} (${c.fingerprint})`),
          ...x.alreadyTrusted.map((s) => `already trusted: ${s}`),
        ].join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'trust list',
    usage: 'trust list [--json]',
    summary: 'The certificates of the app’s trust store',
    run: async (r) => {
      const core = await r.core();
      r.io.result(unwrap(await invoke(core.ctx, 'signatures:trustList', {})), trustedText);
      return 0;
    },
  },
  {
    name: 'trust remove',
    usage: 'trust remove <fingerprint> [--json]',
    summary: 'Removes a certificate from the app’s trust store (by the SHA-256 fingerprint "trust list" shows)',
    run: async (r) => {
      const fp = r.positionals[0] ?? '';
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'signatures:trustRemove', { fingerprint: fp.toLowerCase() }));
      r.io.result(v, (x: typeof v) => `removed ${x.removed.subject}`);
      return 0;
    },
  },
];
