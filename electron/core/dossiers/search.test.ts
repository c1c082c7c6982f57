import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { searchTokens } from './dossier-common';
import { makeProducer, makeProduct, makeRound } from './test/fixtures';
import { call } from '../test/call';

let core: Core;
afterEach(() => core?.close());

describe('search words', () => {
  it('fold accents, đ/Đ and NFD input, drop repeats', () => {
    expect(searchTokens('Nước  MẮM')).toEqual(['nuoc', 'mam']);
    expect(searchTokens('ĐẠI đại')).toEqual(['dai']);
    expect(searchTokens('Nước mắm'.normalize('NFD'))).toEqual(['nuoc', 'mam']);
    expect(searchTokens('   ')).toEqual([]);
    expect(searchTokens(undefined)).toEqual([]);
  });
});

describe('registration list', () => {
  let ids: { mam: number; mamTom: number; tra: number };
  let rounds: [number, number];
  beforeEach(async () => {
    core = await memoryCore();
    const r1 = await makeRound(core, { number: 1 });
    const r2 = await makeRound(core, { number: 2 });
    rounds = [r1.id, r2.id];
    const daiPhat = await makeProducer(core, { name: 'HTX Nước mắm Đại Phát' });
    const che = await makeProducer(core, {
      name: 'Công ty Chè Tân Cương',
      taxCode: '4600123456',
      kind: 'enterprise',
      communeCode: '05500',
      communeName: 'Xã Tân Cương',
      provinceCode: '19',
      provinceName: 'Tỉnh Thái Nguyên',
    });
    const mam = await makeProduct(core, daiPhat.id, { name: 'Nước mắm cá cơm' });
    const mamTom = await makeProduct(core, daiPhat.id, { name: 'Mắm tôm Đông Hải' });
    const tra = await makeProduct(core, che.id, { name: 'Chè búp Tân Cương', setKey: 'qd26-2026/11' });
    ids = {
      mam: (await call(core, 'registrations:create', { productId: mam.id, roundId: r1.id, kind: 'first' })).id,
      mamTom: (
        await call(core, 'registrations:create', { productId: mamTom.id, roundId: r1.id, kind: 'upgrade', currentStars: 3 })
      ).id,
      tra: (await call(core, 'registrations:create', { productId: tra.id, roundId: r2.id, kind: 'first' })).id,
    };
    await call(core, 'registrations:setStatus', { id: ids.tra, status: 'advisory_review' });
  });

  const search = async (input: Record<string, unknown>) => (await call(core, 'registrations:list', input)).rows.map((r) => r.id);

  it('finds "Nước mắm" by "nuoc mam", "đ" by "d", and NFD input', async () => {
    // The producer's name is searched too: both of its products match "nuoc mam".
    expect(await search({ search: 'nuoc mam' })).toEqual([ids.mamTom, ids.mam]);
    expect(await search({ search: 'nuoc mam ca com' })).toEqual([ids.mam]);
    expect(await search({ search: 'dong hai' })).toEqual([ids.mamTom]);
    expect(await search({ search: 'Đông'.normalize('NFD') })).toEqual([ids.mamTom]);
    expect(await search({ search: 'dai phat' })).toEqual([ids.mamTom, ids.mam]);
    expect(await search({ search: 'mam' })).toEqual([ids.mamTom, ids.mam]);
    expect(await search({ search: 'che tan cuong' })).toEqual([ids.tra]);
    expect(await search({ search: 'thai nguyen' })).toEqual([ids.tra]);
    expect(await search({ search: 'pdk-19-05500' })).toEqual([ids.tra]);
    expect(await search({ search: '4600123456' })).toEqual([ids.tra]);
    expect(await search({ search: 'khong co' })).toEqual([]);
    // One or two letters (below the trigram index) still match, "d" finding "đ".
    expect(await search({ search: 'dô' })).toEqual([ids.mamTom]);
    // Every form number reads "PĐK": "d" finds all three.
    expect(await search({ search: 'd' })).toHaveLength(3);
    // Wildcards and quotes are plain characters here.
    expect(await search({ search: '%' })).toEqual([]);
    expect(await search({ search: '"nuoc' })).toEqual([]);
  });

  it('filters by round, status, kind, commune and criteria sets', async () => {
    expect(await search({ roundId: rounds[0] })).toEqual([ids.mamTom, ids.mam]);
    expect(await search({ status: ['advisory_review'] })).toEqual([ids.tra]);
    expect(await search({ kind: ['upgrade'] })).toEqual([ids.mamTom]);
    expect(await search({ communeCode: '05500' })).toEqual([ids.tra]);
    expect(await search({ setKeys: ['qd26-2026/11', 'qd26-2026/12'] })).toEqual([ids.tra]);
    expect(await search({ roundId: rounds[0], search: 'tom', kind: ['first'] })).toEqual([]);
    const d = await call(core, 'registrations:get', { id: ids.mam });
    expect(await search({ productId: d.product.id })).toEqual([ids.mam]);
    expect(await search({ producerId: d.producer.id })).toEqual([ids.mamTom, ids.mam]);
  });

  it('sorts and pages with the total for a virtualised list', async () => {
    const byName = await call(core, 'registrations:list', { sort: 'product', limit: 2 });
    expect(byName.total).toBe(3);
    expect(byName.rows.map((r) => r.productName)).toEqual(['Chè búp Tân Cương', 'Mắm tôm Đông Hải']);
    const next = await call(core, 'registrations:list', { sort: 'product', limit: 2, offset: 2 });
    expect(next).toMatchObject({
      total: 3,
      offset: 2,
      rows: [
        { productName: 'Nước mắm cá cơm', roundNumber: 1, producerName: 'HTX Nước mắm Đại Phát', communeName: 'Phường Ba Đình' },
      ],
    });
    expect((await call(core, 'registrations:list', { sort: 'producer' })).rows.map((r) => r.id)).toEqual([
      ids.tra,
      ids.mamTom,
      ids.mam,
    ]);
  });

  it('follows renames of the producer (search columns kept by triggers)', async () => {
    const d = await call(core, 'registrations:get', { id: ids.tra });
    const { id, createdAt: _c, updatedAt: _u, productCount: _n, ...data } = d.producer;
    await call(core, 'producers:update', { id, data: { ...data, name: 'Hợp tác xã Trà Xanh' } });
    expect(await search({ search: 'tra xanh' })).toEqual([ids.tra]);
    expect(await search({ search: 'cong ty' })).toEqual([]);
  });
});
