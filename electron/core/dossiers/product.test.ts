import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { makeProducer, makeProduct } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

describe('products', () => {
  it('numbers products by the commune running number: (T)-(X)-(STT)-(năm)', async () => {
    core = await memoryCore();
    const a = await makeProducer(core);
    const b = await makeProducer(core, { name: 'HTX Mật ong', taxCode: '0101234568' });
    const other = await makeProducer(core, {
      name: 'HTX xã khác',
      taxCode: '0101234569',
      communeCode: '00007',
      communeName: 'Phường Phúc Xá',
    });
    expect((await call(core, 'products:nextCode', { producerId: a.id, year: 2026 })).productCode).toBe('01-00004-1-2026');
    const p1 = await makeProduct(core, a.id);
    const p2 = await makeProduct(core, b.id, { name: 'Mật ong hoa nhãn' });
    const p3 = await makeProduct(core, other.id, { name: 'Mắm tôm' });
    expect([p1.productCode, p2.productCode, p3.productCode]).toEqual(['01-00004-1-2026', '01-00004-2-2026', '01-00007-1-2026']);
    expect(p1.classification).toMatchObject({ nganhNo: 'I', nhom: 'Gia vị', setNo: 9 });
    // A typed code is kept (and the next generated number goes past it).
    const typed = await makeProduct(core, a.id, { name: 'Nước mắm nhĩ', productCode: '01 - 00004 - 10 - 2025' });
    expect(typed.productCode).toBe('01-00004-10-2025');
    expect((await makeProduct(core, a.id, { name: 'Nước mắm chay' })).productCode).toBe('01-00004-11-2026');
  });

  it('refuses a used code, a malformed code, an unknown set, with the field named', async () => {
    core = await memoryCore();
    const a = await makeProducer(core);
    const p = await makeProduct(core, a.id);
    expect(
      await callError(core, 'products:create', {
        producerId: a.id,
        name: 'Khác',
        setKey: 'qd26-2026/09',
        productCode: p.productCode,
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'productCode', existingId: p.id },
    });
    const bad = await callError(core, 'products:create', {
      producerId: a.id,
      name: 'Khác',
      setKey: 'qd26-2026/09',
      productCode: '83-829-28780-3-2022',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('productCode:');
    const unknown = await callError(core, 'products:create', { producerId: a.id, name: 'Khác', setKey: 'qd26-2026/99' });
    expect(unknown.message).toMatch(/^setKey: criteria set "qd26-2026\/99" is not installed/);
    expect(await callError(core, 'products:create', { producerId: 999, name: 'Khác', setKey: 'qd26-2026/09' })).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'producerId' },
    });
  });

  it('treats the same name without accents as the same product of the producer', async () => {
    core = await memoryCore();
    const a = await makeProducer(core);
    const b = await makeProducer(core, { name: 'Khác', taxCode: '0101234568' });
    const p = await makeProduct(core, a.id, { name: 'Nước mắm Đại Phát' });
    expect(
      await callError(core, 'products:create', { producerId: a.id, name: 'nuoc mam dai phat', setKey: 'qd26-2026/09' }),
    ).toMatchObject({ code: 'CONFLICT', details: { field: 'name', existingId: p.id } });
    // Another producer may use the same name.
    await makeProduct(core, b.id, { name: 'Nước mắm Đại Phát' });
  });

  it('lets tourism bodies register tourism services only', async () => {
    core = await memoryCore();
    const hoi = await makeProducer(core, { kind: 'association', name: 'Hội du lịch cộng đồng Bản Lác', taxCode: null });
    const e = await callError(core, 'products:create', { producerId: hoi.id, name: 'Mật ong', setKey: 'qd26-2026/04' });
    expect(e.message).toMatch(/^setKey: .*tourism/);
    const ok = await makeProduct(core, hoi.id, { name: 'Du lịch cộng đồng Bản Lác', setKey: 'qd26-2026/26' });
    expect(ok.classification?.nganhNo).toBe('VI');
  });

  it('updates keeping the code when none is given, and deletes only unregistered products', async () => {
    core = await memoryCore();
    const a = await makeProducer(core);
    const p = await makeProduct(core, a.id);
    const u = await call(core, 'products:update', {
      id: p.id,
      data: { producerId: a.id, name: 'Nước mắm cá cơm', setKey: 'qd26-2026/09' },
    });
    expect(u.productCode).toBe(p.productCode);
    expect(u.name).toBe('Nước mắm cá cơm');
    const list = await call(core, 'products:list', { producerId: a.id, search: 'CA COM' });
    expect(list.rows.map((r) => r.id)).toEqual([p.id]);
    const round = await call(core, 'rounds:create', { year: 2026, number: 1 });
    await call(core, 'registrations:create', { productId: p.id, roundId: round.id, kind: 'first' });
    expect(await callError(core, 'products:delete', { id: p.id })).toMatchObject({ code: 'FORBIDDEN_STATE' });
    const q = await makeProduct(core, a.id, { name: 'Khác' });
    await call(core, 'products:delete', { id: q.id });
  });
});
