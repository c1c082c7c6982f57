import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { invoke } from '../api';
import { seedSession } from '../results/test/fixtures';
import { memoryCore } from '../test/fixtures';
import { checkImage } from './image-check';
import { opaquePng, sealPng, signaturePng } from './test/images';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** A blue signature with a pHYs chunk of 300 dpi (11811 px/m). */
function withResolution(png: Uint8Array, ppm: number): Uint8Array {
  const img = PNG.sync.read(Buffer.from(png));
  // pngjs writes no pHYs: splice one in after IHDR (8 + 25 bytes).
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(ppm, 8);
  chunk.writeUInt32BE(ppm, 12);
  chunk.writeUInt8(1, 16);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 17)) >>> 0, 17);
  const raw = Buffer.from(PNG.sync.write(img));
  return Buffer.concat([raw.subarray(0, 33), chunk, raw.subarray(33)]);
}

describe('signature and seal images', () => {
  it('accepts a blue transparent signature and a red transparent seal; names each problem otherwise', () => {
    expect(checkImage(signaturePng(), 'signature')).toMatchObject({ ok: true, widthPx: 400, heightPx: 160 });
    expect(checkImage(sealPng(), 'seal')).toMatchObject({ ok: true });
    expect(checkImage(opaquePng(), 'signature').problems).toContain('no-transparency');
    expect(checkImage(sealPng(), 'signature').problems).toEqual(['not-blue']);
    expect(checkImage(signaturePng(), 'seal').problems).toEqual(['not-red']);
    expect(checkImage(signaturePng(60, 30), 'signature').problems).toContain('too-small');
    expect(checkImage(new TextEncoder().encode('%PDF-1.7'), 'signature').problems).toEqual(['not-png']);
    expect(checkImage(withResolution(signaturePng(), 11811), 'signature').widthMmFromFile).toBeCloseTo(33.9, 1);
  });

  it('keeps them per member and council, audited; a wrong image is refused with the reason', async () => {
    const core = await memoryCore();
    const s = seedSession(core.ctx.sqlite, { products: 1, members: 2, choose: () => 0, status: 'closed' });
    const councilId = core.ctx.sqlite.prepare('SELECT council_id FROM session WHERE id = ?').pluck().get(s.sessionId) as number;
    const set = await invoke(core.ctx, 'signatures:setImage', {
      ownerKind: 'member',
      ownerId: s.chairId,
      imageKind: 'signature',
      pngBase64: b64(signaturePng()),
    });
    expect(set.ok && set.value).toMatchObject({ widthMm: 40, widthPx: 400 });
    const seal = await invoke(core.ctx, 'signatures:setImage', {
      ownerKind: 'council',
      ownerId: councilId,
      imageKind: 'seal',
      pngBase64: b64(sealPng()),
      widthMm: 36,
    });
    expect(seal.ok).toBe(true);
    const bad = await invoke(core.ctx, 'signatures:setImage', {
      ownerKind: 'member',
      ownerId: s.chairId,
      imageKind: 'signature',
      pngBase64: b64(opaquePng()),
    });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('background is not transparent'),
    });
    const noMember = await invoke(core.ctx, 'signatures:setImage', {
      ownerKind: 'member',
      ownerId: 9999,
      imageKind: 'signature',
      pngBase64: b64(signaturePng()),
    });
    expect(noMember.ok ? null : noMember.error.code).toBe('NOT_FOUND');
    const got = await invoke(core.ctx, 'signatures:getImage', {
      ownerKind: 'member',
      ownerId: s.chairId,
      imageKind: 'signature',
    });
    expect(got.ok && got.value?.pngBase64).toBe(b64(signaturePng()));
    expect(
      await invoke(core.ctx, 'signatures:removeImage', { ownerKind: 'member', ownerId: s.chairId, imageKind: 'signature' }),
    ).toMatchObject({ ok: true, value: { removed: true } });
    const actions = core.ctx.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'signatures.%'").pluck().all();
    expect(actions).toEqual(['signatures.setImage', 'signatures.setImage', 'signatures.removeImage']);
    core.close();
  });
});
