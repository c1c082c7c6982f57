import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { makeProducer, makeProduct, makeRound } from './test/fixtures';
import { call, callError } from '../test/call';

let core: Core;
afterEach(() => core?.close());

/** Four producers in two provinces, of three kinds; one has a product registered in round 1/2026. */
async function seed(c: Core) {
  const hoa = await makeProducer(c, {
    name: 'Hợp tác xã Nước mắm Đại Phát',
    taxCode: '0101234567',
    representativeName: 'Nguyễn Thị Hoa',
  });
  const che = await makeProducer(c, {
    kind: 'enterprise',
    name: 'Công ty Chè Tân Cương',
    taxCode: '4600123456',
    representativeName: 'Trần Văn Đức',
    communeCode: '05500',
    communeName: 'Xã Tân Cương',
    provinceCode: '19',
    provinceName: 'Tỉnh Thái Nguyên',
  });
  const gao = await makeProducer(c, {
    kind: 'farm',
    name: 'Trang trại Gạo Điện Biên',
    taxCode: null,
    representativeName: 'Lò Văn Xuân',
    communeCode: '03100',
    communeName: 'Xã Thanh Xương',
    provinceCode: '11',
    provinceName: 'Tỉnh Điện Biên',
  });
  const mat = await makeProducer(c, { name: 'HTX Mật ong Ba Vì', taxCode: '0109999999', representativeName: 'Lê Thị Mai' });
  const round = await makeRound(c);
  await makeRound(c, { number: 2 });
  const product = await makeProduct(c, che.id, { name: 'Chè búp Tân Cương', setKey: 'qd26-2026/11' });
  await call(c, 'registrations:create', { productId: product.id, roundId: round.id, kind: 'first' });
  await makeProduct(c, mat.id, { name: 'Mật ong hoa nhãn', setKey: 'qd26-2026/04' });
  return { hoa, che, gao, mat, round };
}

const names = (r: { rows: { name: string }[] }) => r.rows.map((x) => x.name);

describe('producers:list', () => {
  it('filters by kind, province, commune and round, sorted by name without accents', async () => {
    core = await memoryCore();
    const s = await seed(core);
    const all = await call(core, 'producers:list', {});
    expect(all.total).toBe(4);
    expect(names(all)).toEqual([
      'Công ty Chè Tân Cương',
      'Hợp tác xã Nước mắm Đại Phát',
      'HTX Mật ong Ba Vì',
      'Trang trại Gạo Điện Biên',
    ]);
    expect(all.rows[0]).toMatchObject({
      kind: 'enterprise',
      taxCode: '4600123456',
      representativeName: 'Trần Văn Đức',
      provinceCode: '19',
      communeName: 'Xã Tân Cương',
      productCount: 1,
    });
    expect(names(await call(core, 'producers:list', { kind: 'cooperative' }))).toEqual([
      'Hợp tác xã Nước mắm Đại Phát',
      'HTX Mật ong Ba Vì',
    ]);
    expect(names(await call(core, 'producers:list', { provinceCode: '11' }))).toEqual(['Trang trại Gạo Điện Biên']);
    expect(names(await call(core, 'producers:list', { communeCode: '00004', kind: 'cooperative' }))).toHaveLength(2);
    expect(names(await call(core, 'producers:list', { roundId: s.round.id }))).toEqual(['Công ty Chè Tân Cương']);
    // Round 2 exists but nobody registered in it; a product without registration does not count.
    expect((await call(core, 'producers:list', { roundId: s.round.id + 1 })).total).toBe(0);
    expect((await call(core, 'producers:list', { roundId: s.round.id, kind: 'cooperative' })).total).toBe(0);
  });

  it('searches without accents by name, tax number and representative; "d" finds "Đ"; NFD input works', async () => {
    core = await memoryCore();
    await seed(core);
    expect(names(await call(core, 'producers:list', { search: 'nuoc mam dai phat' }))).toEqual(['Hợp tác xã Nước mắm Đại Phát']);
    expect(names(await call(core, 'producers:list', { search: 'Nước mắm'.normalize('NFD') }))).toEqual([
      'Hợp tác xã Nước mắm Đại Phát',
    ]);
    expect(names(await call(core, 'producers:list', { search: '4600123456' }))).toEqual(['Công ty Chè Tân Cương']);
    expect(names(await call(core, 'producers:list', { search: 'tran van duc' }))).toEqual(['Công ty Chè Tân Cương']);
    expect(names(await call(core, 'producers:list', { search: 'DIEN BIEN' }))).toEqual(['Trang trại Gạo Điện Biên']);
    // Đại Phát, Đức, Điện Biên and Phường Ba Đình (the commune of two producers).
    expect((await call(core, 'producers:list', { search: 'd' })).total).toBe(4);
    expect(names(await call(core, 'producers:list', { search: 'duc' }))).toEqual(['Công ty Chè Tân Cương']);
    expect((await call(core, 'producers:list', { search: 'khong co ai' })).total).toBe(0);
    expect((await call(core, 'producers:list', { search: '   ' })).total).toBe(4);
  });

  it('pages with offset and limit, the total staying the whole match', async () => {
    core = await memoryCore();
    await seed(core);
    const page = await call(core, 'producers:list', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(names(page)).toEqual(['Hợp tác xã Nước mắm Đại Phát', 'HTX Mật ong Ba Vì']);
    expect((await call(core, 'producers:list', { offset: 10 })).rows).toEqual([]);
  });

  it('rejects bad filters naming the field', async () => {
    core = await memoryCore();
    expect(await callError(core, 'producers:list', { provinceCode: '1' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('provinceCode'),
    });
    expect(await callError(core, 'producers:list', { kind: 'company' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('kind'),
    });
    expect(await callError(core, 'producers:list', { roundId: 0 })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('roundId'),
    });
    expect(await callError(core, 'producers:list', { limit: 501 })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('limit'),
    });
    expect(await callError(core, 'producers:list', { hasRounds: true })).toMatchObject({ code: 'VALIDATION' });
  });
});
