import { PRODUCER_KINDS, type ProducerKind } from '../../../shared/ocop/dossier-model';
import { defaultRoundDates } from '../../../shared/ocop/round-deadlines';
import type { DemoRun } from './call';
import {
  DEMO_COMMUNES,
  DEMO_PROVINCE,
  nameMaker,
  PRODUCER_NAME_BY_KIND,
  PRODUCTS_BY_SET,
  TOURISM_SET,
  TRADE_WORDS,
  TRAINING_NOTE,
} from './names';
import type { Rng } from './random';

export interface DemoRegistration {
  id: number;
  roundId: number;
  kind: 'first' | 'upgrade' | 'reevaluation';
  setKey: string;
  productName: string;
  status: string;
}

export interface DossiersDemo {
  roundIds: [number, number];
  producerCount: number;
  productCount: number;
  registrations: DemoRegistration[];
}

const TOURISM_KINDS: readonly ProducerKind[] = ['association', 'federation', 'operating_centre', 'tourism_other'];
const PRODUCER_COUNT = 32;
const YEAR = 2026;

/**
 * Two rounds of 2026 (dates by Điều 5), 32 producers of every kind, their products across 15
 * criteria sets, and about 45 registrations: first-time, upgrades and re-evaluations, with
 * round 1 ready for the council (Tổ tư vấn review done) and round 2 still coming in.
 */
export async function dossiersDemo(demo: DemoRun, rng: Rng): Promise<DossiersDemo> {
  const rounds: number[] = [];
  for (const number of [1, 2]) {
    const d = defaultRoundDates(YEAR, number, '26/2026/QĐ-TTg');
    const r = await demo.call('rounds:create', {
      year: YEAR,
      number,
      legalBasis: '26/2026/QĐ-TTg',
      name: '',
      startDate: number === 1 ? `${YEAR}-03-01` : `${YEAR}-07-01`,
      endDate: d.finishBy,
      deadlineDate: d.proposalsBy,
    });
    rounds.push(r.id);
  }

  const person = nameMaker(rng);
  // Every kind at least once, then the usual mix (mostly cooperatives and households).
  const common: ProducerKind[] = [
    'cooperative',
    'cooperative',
    'cooperative',
    'enterprise',
    'enterprise',
    'household_business',
    'household_business',
    'production_household',
    'farm',
    'cooperative_group',
  ];
  const kinds: ProducerKind[] = [
    ...PRODUCER_KINDS,
    ...Array.from({ length: PRODUCER_COUNT - PRODUCER_KINDS.length }, () => rng.pick(common)),
  ];
  const nonTourismSets = Object.keys(PRODUCTS_BY_SET).filter((k) => k !== TOURISM_SET);
  const setQueue = rng.shuffle(nonTourismSets);
  const usedProductNames = new Set<string>();
  const usedProducerNames = new Set<string>();
  const products: { id: number; setKey: string; name: string; communeCode: string }[] = [];

  for (const [i, kind] of kinds.entries()) {
    const commune = rng.pick(DEMO_COMMUNES);
    const rep = person();
    const place = commune.name.replace(/^(Xã|Phường) /u, '');
    let name = PRODUCER_NAME_BY_KIND[kind]!(place, rep.fullName, rng.pick(TRADE_WORDS));
    if (usedProducerNames.has(name)) name = `${name} (cơ sở ${i + 1})`;
    usedProducerNames.add(name);
    const producer = await demo.call('producers:create', {
      kind,
      name,
      taxCode: null,
      representativeName: rep.fullName,
      representativePosition:
        kind === 'cooperative'
          ? 'Giám đốc'
          : kind === 'enterprise'
            ? 'Giám đốc'
            : kind.startsWith('production') || kind === 'household_business'
              ? 'Chủ hộ'
              : 'Người đại diện',
      representativeGender: rep.gender,
      address: `Ấp ${rng.int(1, 9)}`,
      communeCode: commune.code,
      communeName: commune.name,
      provinceCode: DEMO_PROVINCE.code,
      provinceName: `Tỉnh ${DEMO_PROVINCE.name}`,
      phone: `09${rng.int(10, 99)}${String(rng.int(0, 999999)).padStart(6, '0')}`,
      note: TRAINING_NOTE,
    });
    // Every other producer has two products: about 46 products, each registered once.
    const productCount = TOURISM_KINDS.includes(kind) ? 1 : i % 2 === 0 ? 2 : 1;
    for (let k = 0; k < productCount; k++) {
      const setKey = TOURISM_KINDS.includes(kind)
        ? TOURISM_SET
        : (setQueue[(products.length + k) % setQueue.length] ?? nonTourismSets[0]!);
      const candidates = PRODUCTS_BY_SET[setKey]!.filter((n) => !usedProductNames.has(n));
      const base =
        candidates.length > 0 ? rng.pick(candidates) : `${rng.pick(PRODUCTS_BY_SET[setKey]!)} loại ${products.length + 1}`;
      usedProductNames.add(base);
      const p = await demo.call('products:create', {
        producerId: producer.id,
        name: base,
        setKey,
        codeYear: 2025,
        note: TRAINING_NOTE,
      });
      products.push({ id: p.id, setKey, name: p.name, communeCode: commune.code });
    }
  }

  const registrations: DemoRegistration[] = [];
  // Round 1 takes about 60 % of the products, round 2 the rest plus some products again later.
  for (const [i, p] of rng.shuffle(products).entries()) {
    const roundIndex = i % 5 < 3 ? 0 : 1;
    const roll = rng.next();
    const kind: DemoRegistration['kind'] = roll < 0.68 ? 'first' : roll < 0.84 ? 'upgrade' : 'reevaluation';
    const roundNo = roundIndex + 1;
    const received =
      roundNo === 1
        ? `${YEAR}-0${rng.int(3, 4)}-${String(rng.int(1, 25)).padStart(2, '0')}`
        : `${YEAR}-0${rng.int(8, 9)}-${String(rng.int(1, 15)).padStart(2, '0')}`;
    // Re-evaluations are received inside the 180–120-day window before the certificate expires (Đ7.6a).
    const certificate =
      kind === 'first'
        ? {}
        : kind === 'upgrade'
          ? {
              currentStars: rng.pick([3, 3, 4]),
              certificateNo: `${rng.int(10, 450)}/GCN-UBND`,
              certificateIssuedOn: `${rng.int(2023, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-15`,
            }
          : {
              currentStars: rng.pick([3, 4]),
              certificateNo: `${rng.int(10, 450)}/GCN-UBND`,
              certificateIssuedOn: roundNo === 1 ? '2023-09-10' : '2023-12-20',
            };
    const r = await demo.call('registrations:create', {
      productId: p.id,
      roundId: rounds[roundIndex]!,
      kind,
      ...certificate,
      receivedCommuneOn: kind === 'reevaluation' ? (roundNo === 1 ? `${YEAR}-04-10` : `${YEAR}-08-20`) : received,
      receiverName: 'Cán bộ tiếp nhận (tập huấn)',
      sampleCount: p.setKey === TOURISM_SET ? null : 5,
      note: TRAINING_NOTE,
    });
    registrations.push({
      id: r.id,
      roundId: rounds[roundIndex]!,
      kind,
      setKey: p.setKey,
      productName: p.name,
      status: 'received',
    });
  }
  // Round 1 is ready for the council: the commune reports and the Tổ tư vấn review are done for
  // almost all; round 2 is still at the commune, except re-evaluations (decided by written opinion).
  for (const r of registrations) {
    const to =
      r.roundId === rounds[0]
        ? rng.chance(0.85)
          ? 'advisory_review'
          : 'commune_report'
        : r.kind === 'reevaluation'
          ? 'advisory_review'
          : rng.pick(['received', 'commune_report'] as const);
    if (to === 'received') continue;
    await demo.call('registrations:setStatus', { id: r.id, status: to, note: 'Dữ liệu tập huấn' });
    r.status = to;
  }
  return { roundIds: [rounds[0]!, rounds[1]!], producerCount: kinds.length, productCount: products.length, registrations };
}
