import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/channels/dossiers';
import type { Core } from '../context';
import { fileCore } from '../test/fixtures';
import { checkUpload } from './attachment-service';
import { checkFileType } from './file-type';
import { makeRegistration } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const b64 = (b: Buffer) => b.toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('file types', () => {
  it('takes the type from the extension and confirms it by the first bytes', () => {
    expect(checkFileType('Phiếu kiểm nghiệm.PDF', pdf('x'))).toEqual({ ok: true, mime: 'application/pdf' });
    expect(checkFileType('anh.png', PNG)).toEqual({ ok: true, mime: 'image/png' });
    expect(checkFileType('bao-cao.docx', Buffer.from('PK\x03\x04rest'))).toMatchObject({ ok: true });
    expect(checkFileType('virus.pdf', Buffer.from('MZ\x90\x00'))).toEqual({ ok: false, reason: 'content', expected: 'PDF' });
    expect(checkFileType('script.exe', Buffer.from('MZ'))).toMatchObject({ ok: false, reason: 'extension' });
    expect(checkFileType('khong-duoi', pdf('x'))).toMatchObject({ ok: false, reason: 'extension' });
  });

  it('refuses a file over the limit with both sizes in the message', () => {
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-1.4');
    expect(() => checkUpload('to.pdf', b64(big))).toThrow(/"to\.pdf" is 20\.0 MB; evidence files may be at most 20\.0 MB/);
    const exact = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20);
    exact.write('%PDF-1.4');
    expect(checkUpload('vua.pdf', b64(exact)).content.byteLength).toBe(MAX_ATTACHMENT_BYTES);
  });
});

describe('evidence attachments', () => {
  it('stores content under its SHA-256 (never under the file name) and gives it back', async () => {
    core = await fileCore();
    const { reg } = await makeRegistration(core);
    const content = pdf('giấy chứng nhận ATTP');
    const a = await call(core, 'attachments:add', {
      registrationId: reg.id,
      criterionCode: '1.1',
      fileName: '../../ocop.sqlite.pdf',
      contentBase64: b64(content),
      note: 'Bản sao',
    });
    const sha = createHash('sha256').update(content).digest('hex');
    expect(a).toMatchObject({
      criterionCode: '1.1',
      originalName: '../../ocop.sqlite.pdf',
      mime: 'application/pdf',
      size: content.byteLength,
      sha256: sha,
    });
    const stored = path.join(core.ctx.paths.attachmentsDir, sha.slice(0, 2), sha);
    expect(fs.readFileSync(stored).equals(content)).toBe(true);
    // Nothing was written next to the database under the uploaded name.
    expect(fs.readdirSync(core.ctx.paths.dataDir).filter((f) => f.includes('.pdf'))).toEqual([]);
    const back = await call(core, 'attachments:content', { id: a.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    expect((await call(core, 'registrations:get', { id: reg.id })).attachments).toHaveLength(1);
  });

  it('refuses unknown criteria, wrong types and oversized files without storing anything', async () => {
    core = await fileCore();
    const { reg } = await makeRegistration(core);
    expect(
      (
        await callError(core, 'attachments:add', {
          registrationId: reg.id,
          criterionCode: '42.1',
          fileName: 'a.pdf',
          contentBase64: b64(pdf('a')),
        })
      ).message,
    ).toMatch(/^criterionCode: /);
    expect(
      await callError(core, 'attachments:add', {
        registrationId: reg.id,
        fileName: 'a.pdf',
        contentBase64: b64(Buffer.from('not a pdf')),
      }),
    ).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason: 'content' } });
    expect(
      await callError(core, 'attachments:add', {
        registrationId: reg.id,
        fileName: 'a.exe',
        contentBase64: b64(Buffer.from('MZ')),
      }),
    ).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason: 'extension' } });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 10, 0x20);
    big.write('%PDF-1.4');
    expect(
      await callError(core, 'attachments:add', { registrationId: reg.id, fileName: 'big.pdf', contentBase64: b64(big) }),
    ).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { size: MAX_ATTACHMENT_BYTES + 10, limit: MAX_ATTACHMENT_BYTES },
    });
    expect(fs.existsSync(core.ctx.paths.attachmentsDir) ? fs.readdirSync(core.ctx.paths.attachmentsDir) : []).toEqual([]);
  });

  it('shares one copy between identical uploads and deletes it with the last reference', async () => {
    core = await fileCore();
    const { reg } = await makeRegistration(core);
    const content = pdf('same');
    const as = { actor: 'Thư ký Lan' };
    const a = await call(core, 'attachments:add', { registrationId: reg.id, fileName: 'a.pdf', contentBase64: b64(content) }, as);
    const b = await call(core, 'attachments:add', { registrationId: reg.id, fileName: 'b.pdf', contentBase64: b64(content) }, as);
    const stored = path.join(core.ctx.paths.attachmentsDir, a.sha256.slice(0, 2), a.sha256);
    expect(await call(core, 'attachments:remove', { id: a.id }, as)).toEqual({ removed: true });
    expect(fs.existsSync(stored)).toBe(true);
    await call(core, 'attachments:remove', { id: b.id }, as);
    expect(fs.existsSync(stored)).toBe(false);
    // Each change is audited in its own transaction, naming the caller, with the row before/after.
    expect((await call(core, 'audit:tail', { limit: 4 })).map((e) => [e.action, e.actor, e.entityId])).toEqual([
      ['attachments.remove', 'Thư ký Lan', String(b.id)],
      ['attachments.remove', 'Thư ký Lan', String(a.id)],
      ['attachments.add', 'Thư ký Lan', String(b.id)],
      ['attachments.add', 'Thư ký Lan', String(a.id)],
    ]);
  });

  it('reports a damaged stored copy instead of showing it', async () => {
    core = await fileCore();
    const { reg } = await makeRegistration(core);
    const a = await call(core, 'attachments:add', { registrationId: reg.id, fileName: 'a.pdf', contentBase64: b64(pdf('x')) });
    fs.writeFileSync(path.join(core.ctx.paths.attachmentsDir, a.sha256.slice(0, 2), a.sha256), 'tampered');
    expect(await callError(core, 'attachments:content', { id: a.id })).toMatchObject({ code: 'IO' });
  });
});
