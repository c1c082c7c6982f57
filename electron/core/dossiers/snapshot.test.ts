import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { openDatabase, closeDatabase } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { minutesFromSession } from '../documents/from-session/minutes-data';
import { loadProducerContacts } from '../documents/from-session/producer-contacts';
import { loadDocumentFacts } from '../documents/from-session/document-facts';
import { renderDocument } from '../documents/render-document';
import { pdfRaw, tmpDir, writePdf } from '../documents/test/pdf-tools';
import { seedSession } from '../results/test/fixtures';
import { memoryCore } from '../test/fixtures';
import { registrationDisplayNames } from './display-names';
import { producerInput } from './test/fixtures';
import { call } from '../test/call';

let core: Core;
const dir = tmpDir();
afterEach(() => core?.close());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flat = (s: string): string => s.replace(/\s+/gu, ' ');
const snapshotRow = (c: Core, id: number) =>
  c.ctx.sqlite
    .prepare(
      'SELECT snapshot_product_name, snapshot_product_code, snapshot_producer_name, snapshot_producer_address, snapshot_at FROM registration WHERE id = ?',
    )
    .get(id);

/** Renames product and producer of a seeded registration through the normal services. */
async function rename(c: Core, registrationId: number, productName: string, producerName: string) {
  const reg = await call(c, 'registrations:get', { id: registrationId });
  const p = reg.product;
  await call(c, 'products:update', {
    id: p.id,
    data: {
      producerId: p.producerId,
      name: productName,
      setKey: p.setKey,
      specification: p.specification,
      packaging: p.packaging,
      productCode: p.productCode,
      note: p.note,
    },
  });
  await call(c, 'producers:update', {
    id: reg.producer.id,
    data: producerInput({
      name: producerName,
      taxCode: null,
      representativeGender: null,
      email: null,
      phone: null,
      address: 'Thôn Mới',
      communeCode: '00001',
      communeName: 'Xã Một',
      provinceCode: '01',
      provinceName: 'Tỉnh Một',
    }),
  });
}

describe('names recorded at evaluation (migration 0008)', { timeout: 120_000 }, () => {
  it('results and the minutes keep the names of the evaluation; the dossier shows the new one and the old', async () => {
    core = await memoryCore();
    const s = seedSession(core.ctx.sqlite, {
      products: 2,
      members: 3,
      withSecretary: true,
      choose: ({ levels }) => levels.length - 1,
    });
    const [evaluated, open] = s.registrationIds as [number, number];
    expect(snapshotRow(core, evaluated)).toMatchObject({ snapshot_at: null });
    await call(core, 'registrations:setStatus', { id: evaluated, status: 'evaluated' });
    expect(snapshotRow(core, evaluated)).toEqual({
      snapshot_product_name: 'Sản phẩm số 1',
      snapshot_product_code: '01-00001-1-2026',
      snapshot_producer_name: 'HTX Nông sản 1',
      snapshot_producer_address: 'Xã Một, Tỉnh Một',
      snapshot_at: expect.stringMatching(/^2026-/),
    });

    await rename(core, evaluated, 'Nước mắm Hạnh Phúc', 'HTX Hạnh Phúc');
    await rename(core, open, 'Mật ong Bạc Hà', 'HTX Bạc Hà');

    const results = await call(core, 'results:session', { sessionId: s.sessionId });
    const byReg = new Map(results.products.map((p) => [p.registrationId, p]));
    expect(byReg.get(evaluated)).toMatchObject({
      productName: 'Sản phẩm số 1',
      producerName: 'HTX Nông sản 1',
      productCode: '01-00001-1-2026',
    });
    // Not evaluated yet: the current names.
    expect(byReg.get(open)).toMatchObject({ productName: 'Mật ong Bạc Hà', producerName: 'HTX Bạc Hà' });

    const facts = await loadDocumentFacts(core.ctx, s.sessionId);
    const minutes = await renderDocument({ kind: 'minutes', data: minutesFromSession(facts) }, facts.t);
    const text = flat(pdfRaw(writePdf(dir, 'minutes-snapshot', minutes.pdf)));
    expect(text).toContain('Sản phẩm số 1');
    expect(text).toContain('HTX Nông sản 1');
    expect(text).not.toContain('Hạnh Phúc');
    expect(text).toContain('Mật ong Bạc Hà');
    // Addresses too: the evaluated product keeps the recorded one, the other shows the new one.
    const contacts = await loadProducerContacts(core.ctx.db, s.sessionId);
    expect(contacts.get(evaluated)?.producerAddress).toBe('Xã Một, Tỉnh Một');
    expect(contacts.get(open)?.producerAddress).toBe('Thôn Mới, Xã Một, Tỉnh Một');

    const dossier = await call(core, 'registrations:get', { id: evaluated });
    expect(dossier.product.name).toBe('Nước mắm Hạnh Phúc');
    expect(dossier.producer.name).toBe('HTX Hạnh Phúc');
    expect(dossier.evaluatedAs).toMatchObject({
      productName: 'Sản phẩm số 1',
      producerName: 'HTX Nông sản 1',
      producerAddress: 'Xã Một, Tỉnh Một',
    });
    expect((await call(core, 'registrations:get', { id: open })).evaluatedAs).toBeNull();

    expect(await registrationDisplayNames(core.ctx.db, evaluated)).toMatchObject({
      productName: 'Sản phẩm số 1',
      evaluatedAt: expect.any(String),
    });
    expect(await registrationDisplayNames(core.ctx.db, open)).toEqual({
      productName: 'Mật ong Bạc Hà',
      productCode: '01-00001-2-2026',
      producerName: 'HTX Bạc Hà',
      producerAddress: 'Thôn Mới, Xã Một, Tỉnh Một',
      evaluatedAt: null,
    });
    expect(await registrationDisplayNames(core.ctx.db, 999_999)).toBeUndefined();
  });

  it('keeps the snapshot through result → evaluated and refuses any change to it', async () => {
    core = await memoryCore();
    const s = seedSession(core.ctx.sqlite, { products: 1, members: 3, choose: () => 1 });
    const id = s.registrationIds[0]!;
    await call(core, 'registrations:setStatus', { id, status: 'evaluated' });
    const first = snapshotRow(core, id);
    await rename(core, id, 'Tên mới', 'Chủ thể mới');
    await call(core, 'registrations:setStatus', { id, status: 'result' });
    await call(core, 'registrations:setStatus', { id, status: 'evaluated' });
    expect(snapshotRow(core, id)).toEqual(first);
    expect(() =>
      core.ctx.sqlite.prepare("UPDATE registration SET snapshot_product_name = 'Sửa lén' WHERE id = ?").run(id),
    ).toThrow(/IMMUTABLE: the names recorded when the registration was evaluated can no longer change/);
    expect(() => core.ctx.sqlite.prepare('UPDATE registration SET snapshot_at = NULL WHERE id = ?').run(id)).toThrow(/IMMUTABLE/);
  });

  it('backfills registrations that were already evaluated when the migration runs', async () => {
    const opened = openDatabase(':memory:');
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0008'));
      await migrateToLatest(opened, { migrations: before });
      const s = seedSession(opened.sqlite, { products: 2, members: 3, choose: () => 0 });
      opened.sqlite.prepare("UPDATE registration SET status = 'evaluated' WHERE id = ?").run(s.registrationIds[0]);
      await migrateToLatest(opened);
      const rows = opened.sqlite
        .prepare('SELECT id, snapshot_product_name, snapshot_producer_name, snapshot_at FROM registration ORDER BY id')
        .all();
      expect(rows).toEqual([
        {
          id: s.registrationIds[0],
          snapshot_product_name: 'Sản phẩm số 1',
          snapshot_producer_name: 'HTX Nông sản 1',
          snapshot_at: expect.any(String),
        },
        { id: s.registrationIds[1], snapshot_product_name: null, snapshot_producer_name: null, snapshot_at: null },
      ]);
    } finally {
      closeDatabase(opened);
    }
  });
});
