import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { makeProducer, makeProduct, producerInput } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

describe('producers', () => {
  it('creates a producer with canonical codes, NFC text and an audit event', async () => {
    core = await memoryCore();
    const p = await call(
      core,
      'producers:create',
      producerInput({
        name: 'Hợp tác xã   Nước mắm Đại Phát'.normalize('NFD'),
        taxCode: '0101234567001',
        phone: '+84 912-345-678',
        email: 'HTX@ViDu.VN',
      }),
    );
    expect(p.name).toBe('Hợp tác xã Nước mắm Đại Phát'.normalize('NFC'));
    expect(p.taxCode).toBe('0101234567-001');
    expect(p.phone).toBe('0912345678');
    expect(p.email).toBe('HTX@vidu.vn');
    expect(p.representativeGender).toBe('female');
    expect(p.productCount).toBe(0);
    const tail = await call(core, 'audit:tail', { limit: 1 });
    expect(tail[0]).toMatchObject({ action: 'producers.create', entity: 'producer', entityId: String(p.id) });
  });

  it('rejects bad phone, e-mail, tax number and codes, naming each field', async () => {
    core = await memoryCore();
    const e = await callError(
      core,
      'producers:create',
      producerInput({ phone: '0438123456', email: 'a@b', taxCode: '123', communeCode: '4', provinceCode: '001', name: '  ' }),
    );
    expect(e.code).toBe('VALIDATION');
    for (const field of ['phone', 'email', 'taxCode', 'communeCode', 'provinceCode', 'name'])
      expect(e.message).toContain(`${field}:`);
    expect(e.message).toContain('0438123456');
    // The one details shape: `field` names the first problem, `issues` lists them all by path.
    const paths = e.details?.issues?.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['phone', 'email', 'taxCode', 'communeCode', 'provinceCode', 'name']));
    expect(paths).toContain(e.details?.field);
    expect(await call(core, 'audit:tail', { limit: 5 })).toEqual([]);
  });

  it('refuses a second producer with the same tax number and names the first', async () => {
    core = await memoryCore();
    const first = await makeProducer(core);
    const e = await callError(core, 'producers:create', producerInput({ name: 'Khác' }));
    expect(e).toMatchObject({ code: 'CONFLICT', details: { field: 'taxCode', existingId: first.id } });
    // Producers without a tax number are allowed side by side.
    await makeProducer(core, { taxCode: null, name: 'Hộ ông A', kind: 'production_household' });
    await makeProducer(core, { taxCode: '', name: 'Hộ ông B', kind: 'production_household' });
  });

  it('keeps tourism bodies to tourism products (Đ2.3)', async () => {
    core = await memoryCore();
    const p = await makeProducer(core);
    await makeProduct(core, p.id);
    const e = await callError(core, 'producers:update', { id: p.id, data: producerInput({ kind: 'association' }) });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^kind: /);
  });

  it('updates, lists with accent-insensitive search, and deletes only without products', async () => {
    core = await memoryCore();
    const a = await makeProducer(core);
    const b = await makeProducer(core, {
      name: 'Công ty Chè Thái Nguyên',
      taxCode: '4600123456',
      kind: 'enterprise',
      communeName: 'Xã Tân Cương',
    });
    const found = await call(core, 'producers:list', { search: 'che thai' });
    expect(found.rows.map((r) => r.id)).toEqual([b.id]);
    expect((await call(core, 'producers:list', { search: 'tan cuong' })).total).toBe(1);
    expect((await call(core, 'producers:list', { search: '4600123456' })).total).toBe(1);
    expect((await call(core, 'producers:list', {})).total).toBe(2);
    const upd = await call(core, 'producers:update', { id: a.id, data: producerInput({ name: 'HTX Nước mắm Đại Phát Mới' }) });
    expect(upd.name).toBe('HTX Nước mắm Đại Phát Mới');
    await makeProduct(core, a.id);
    expect(await callError(core, 'producers:delete', { id: a.id })).toMatchObject({ code: 'FORBIDDEN_STATE' });
    await call(core, 'producers:delete', { id: b.id });
    expect(await callError(core, 'producers:get', { id: b.id })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
