import { sql, type Kysely } from 'kysely';
import {
  formatProductCode,
  formatRegistrationNo,
  parseProductCode,
  parseRegistrationNo,
  serialSeq,
} from '../../../../shared/ocop/codes';
import type { Write } from '../../handlers';
import type { DB } from '../../db/schema';
import { vnYear } from '../../../../shared/ocop/vn-time';
import { producerColumns, updateProducerRow } from '../producer-repo';
import { productColumns, updateProductRow, type ProductValues } from '../product-repo';
import { registrationColumns, updateRegistrationRow, type RegistrationValues } from '../registration-repo';
import { defaultRoundName } from '../../../../shared/ocop/round-deadlines';
import { BulkInsert } from './bulk-insert';
import type { ImportPlan, PlanProduct, PlanRegistration } from './import-plan';

/** From this many new or updated registrations, the search index is rebuilt once instead of row by row. */
export const DEFER_SEARCH_INDEX_FROM = 500;

export interface AppliedIds {
  rounds: { id: number; year: number; number: number }[];
  producers: { created: number[]; updated: number[] };
  products: { created: number[]; updated: number[] };
  registrations: { created: number[]; updated: number[] };
}

/**
 * Running numbers handed out during one import: after the highest in the database (read once,
 * grouped) and after any number the file itself writes for the same commune (and year), so a
 * generated code never collides with a code typed in another row.
 */
class Counters {
  private readonly next = new Map<string, number>();
  constructor(private readonly highest: Map<string, number>) {}
  take(key: string): number {
    const n = this.next.get(key) ?? (this.highest.get(key) ?? 0) + 1;
    this.next.set(key, n + 1);
    return n;
  }
}

async function highestNumbers(trx: Kysely<DB>, plan: ImportPlan): Promise<Map<string, number>> {
  const max = explicitNumbers(plan);
  const note = (key: string, n: number | null) => {
    if (n !== null && n > (max.get(key) ?? 0)) max.set(key, n);
  };
  const products = await trx
    .selectFrom('product')
    .select(['code_commune', (eb) => eb.fn.max('code_seq').as('m')])
    .groupBy('code_commune')
    .execute();
  for (const r of products) note(`p|${r.code_commune}`, Number(r.m));
  const regs = await trx
    .selectFrom('registration')
    .select(['reg_commune', 'reg_year', (eb) => eb.fn.max('reg_seq').as('m')])
    .groupBy(['reg_commune', 'reg_year'])
    .execute();
  for (const r of regs) note(`r|${r.reg_commune}|${r.reg_year}`, r.m === null ? null : Number(r.m));
  return max;
}

function explicitNumbers(plan: ImportPlan): Map<string, number> {
  const max = new Map<string, number>();
  const note = (key: string, n: number | null) => {
    if (n !== null && n > (max.get(key) ?? 0)) max.set(key, n);
  };
  for (const p of plan.products) {
    const c = p.action !== 'skip' && p.data.productCode ? parseProductCode(p.data.productCode) : null;
    if (c) note(`p|${c.communeCode}`, c.seq);
  }
  for (const r of plan.registrations) {
    const n = r.action !== 'skip' && r.data.registrationNo ? parseRegistrationNo(r.data.registrationNo) : null;
    if (n) note(`r|${n.communeCode}|${n.year}`, serialSeq(n.serial));
  }
  return max;
}

/**
 * Writes a validated plan inside the caller's transaction. Numbering follows the same rules as
 * one-by-one entry: next running number of the producer's commune for product codes, next
 * serial of the commune in the round's year for registration numbers.
 */
export async function applyPlan(w: Write, plan: ImportPlan): Promise<AppliedIds> {
  const { trx, actor } = w;
  const at = w.at.toISOString();
  const year = vnYear(w.at);
  const bulk = new BulkInsert(w.ctx.sqlite);
  const out: AppliedIds = {
    rounds: [],
    producers: { created: [], updated: [] },
    products: { created: [], updated: [] },
    registrations: { created: [], updated: [] },
  };

  const roundIds = new Map<string, number>();
  for (const [key, r] of plan.rounds) {
    if (r.existingId !== null) roundIds.set(key, r.existingId);
    else {
      const id = bulk.insert('evaluation_round', {
        year: r.year,
        number: r.number,
        legal_basis: r.legalBasis,
        name: defaultRoundName(r.year, r.number),
        created_at: at,
      });
      roundIds.set(key, id);
      out.rounds.push({ id, year: r.year, number: r.number });
    }
  }

  const producerIds = new Map<string, number>();
  const producerCodes = new Map<string, { provinceCode: string; communeCode: string }>();
  for (const p of plan.producers) {
    let id: number;
    if (p.action === 'create')
      out.producers.created.push((id = bulk.insert('producer', { ...producerColumns(p.data), created_at: at, updated_at: at })));
    else {
      id = p.existingId!;
      if (p.action === 'update') {
        await updateProducerRow(trx, id, p.data, at);
        out.producers.updated.push(id);
      }
    }
    producerIds.set(p.key, id);
    producerCodes.set(p.key, { provinceCode: p.effective.provinceCode, communeCode: p.effective.communeCode });
  }

  const seq = new Counters(await highestNumbers(trx, plan));
  const productIds = new Map<string, number>();
  const productCodesOf = new Map<string, { provinceCode: string; communeCode: string }>();
  for (const p of plan.products) {
    productCodesOf.set(p.key, producerCodes.get(p.producerKey)!);
    if (p.action === 'skip') {
      productIds.set(p.key, p.existingId!);
      continue;
    }
    const values = await productValues(trx, p, producerIds.get(p.producerKey)!, producerCodes.get(p.producerKey)!, year, seq);
    if (p.action === 'create') {
      const id = bulk.insert('product', { ...productColumns(values), created_at: at, updated_at: at });
      productIds.set(p.key, id);
      out.products.created.push(id);
    } else {
      await updateProductRow(trx, p.existingId!, values, at);
      productIds.set(p.key, p.existingId!);
      out.products.updated.push(p.existingId!);
    }
  }

  const deferIndex = plan.registrations.filter((r) => r.action !== 'skip').length >= DEFER_SEARCH_INDEX_FROM;
  if (deferIndex) await sql`INSERT INTO app_meta (key, value) VALUES ('registration_search_deferred', '1')`.execute(trx);
  for (const r of plan.registrations) {
    if (r.action === 'skip') continue;
    const roundId = roundIds.get(`${r.round.number}/${r.round.year}`)!;
    const values = await registrationValues(
      trx,
      r,
      productIds.get(r.productKey)!,
      roundId,
      productCodesOf.get(r.productKey)!,
      seq,
    );
    if (r.action === 'create') {
      const id = bulk.insert('registration', {
        ...registrationColumns(values),
        status: 'received',
        status_at: at,
        created_at: at,
        updated_at: at,
      });
      bulk.insert('registration_status_event', {
        registration_id: id,
        from_status: null,
        to_status: 'received',
        at,
        actor,
        note: 'import',
      });
      out.registrations.created.push(id);
    } else {
      await updateRegistrationRow(trx, r.existingId!, values, at);
      out.registrations.updated.push(r.existingId!);
    }
  }
  if (deferIndex) {
    // Same transaction: nobody sees the registrations before the index covers them.
    await sql`INSERT INTO registration_search (registration_search) VALUES ('rebuild')`.execute(trx);
    await sql`DELETE FROM app_meta WHERE key = 'registration_search_deferred'`.execute(trx);
  }
  return out;
}

async function productValues(
  trx: Kysely<DB>,
  p: PlanProduct,
  producerId: number,
  codes: { provinceCode: string; communeCode: string },
  year: number,
  seq: Counters,
): Promise<ProductValues> {
  let code = p.data.productCode ? parseProductCode(p.data.productCode) : null;
  if (!code && p.action === 'update') {
    // An update without a code keeps the product's current code.
    const cur = await trx.selectFrom('product').select('product_code').where('id', '=', p.existingId!).executeTakeFirstOrThrow();
    code = parseProductCode(cur.product_code);
  }
  code ??= { ...codes, seq: seq.take(`p|${codes.communeCode}`), year };
  return {
    producerId,
    name: p.data.name,
    setKey: p.data.setKey,
    specification: p.data.specification,
    packaging: p.data.packaging,
    productCode: formatProductCode(code),
    codeProvince: code.provinceCode,
    codeCommune: code.communeCode,
    codeSeq: code.seq,
    codeYear: code.year,
    note: p.data.note,
  };
}

async function registrationValues(
  trx: Kysely<DB>,
  r: PlanRegistration,
  productId: number,
  roundId: number,
  codes: { provinceCode: string; communeCode: string },
  seq: Counters,
): Promise<RegistrationValues> {
  let parts = r.data.registrationNo ? parseRegistrationNo(r.data.registrationNo) : null;
  let versionId = r.version!.id;
  if (r.action === 'update') {
    // An update keeps the pinned criteria set (a self-assessment may rest on it) and, without a number, the current number.
    const cur = await trx
      .selectFrom('registration')
      .select(['registration_no', 'criteria_set_version_id'])
      .where('id', '=', r.existingId!)
      .executeTakeFirstOrThrow();
    parts ??= parseRegistrationNo(cur.registration_no);
    versionId = cur.criteria_set_version_id;
  }
  if (!parts) {
    const n = seq.take(`r|${codes.communeCode}|${r.round.year}`);
    parts = { serial: String(n), provinceCode: codes.provinceCode, communeCode: codes.communeCode, year: r.round.year };
  }
  const d = r.data;
  return {
    productId,
    roundId,
    kind: d.kind,
    currentStars: d.currentStars,
    certificateNo: d.certificateNo,
    certificateIssuedOn: d.certificateIssuedOn,
    certificateExpiresOn: d.certificateExpiresOn,
    registrationNo: formatRegistrationNo(parts),
    regProvince: parts.provinceCode,
    regCommune: parts.communeCode,
    regYear: parts.year,
    regSeq: serialSeq(parts.serial),
    receivedCommuneOn: d.receivedCommuneOn,
    receivedProvinceOn: d.receivedProvinceOn,
    receiverName: d.receiverName,
    sampleCount: d.sampleCount,
    criteriaSetVersionId: versionId,
    note: d.note,
  };
}
