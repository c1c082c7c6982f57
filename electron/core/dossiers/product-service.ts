import type { Kysely } from 'kysely';
import type { Product, ProductData } from '../../../shared/api/channels/dossiers-fields';
import { formatProductCode, parseProductCode, type ProductCodeParts } from '../../../shared/ocop/codes';
import { isTourismSet } from '../../../shared/ocop/dossier-classification';
import { isTourismOnlyKind, type ProducerKind } from '../../../shared/ocop/dossier-model';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { classificationTree } from './classification-tree';
import { latestSetVersion } from './criteria-pin';
import { vnYear } from '../../../shared/ocop/vn-time';
import { fieldError } from './dossier-common';
import {
  findProductIdByCode,
  findProductIdByName,
  getProduct,
  insertProduct,
  nextCommuneSeq,
  updateProductRow,
  type ProductValues,
} from './product-repo';

interface ProducerFacts {
  id: number;
  kind: ProducerKind;
  provinceCode: string;
  communeCode: string;
}

async function producerFacts(db: Kysely<DB>, producerId: number): Promise<ProducerFacts> {
  const p = await db
    .selectFrom('producer')
    .select(['id', 'kind', 'province_code', 'commune_code'])
    .where('id', '=', producerId)
    .executeTakeFirst();
  if (!p)
    throw new CoreError('NOT_FOUND', `producerId: producer ${producerId} does not exist`, {
      field: 'producerId',
      id: producerId,
    });
  return { id: p.id, kind: p.kind as ProducerKind, provinceCode: p.province_code, communeCode: p.commune_code };
}

/** The set must be installed, and hội/hiệp hội/trung tâm may only register tourism services (Đ2.3). */
async function assertSetFits(db: Kysely<DB>, setKey: string, producer: ProducerFacts): Promise<void> {
  if (!(await latestSetVersion(db, setKey))) {
    throw fieldError(
      'setKey',
      `criteria set "${setKey}" is not installed; choose the product's ngành › nhóm › phân nhóm from the list`,
    );
  }
  if (isTourismOnlyKind(producer.kind) && !isTourismSet(classificationTree, setKey)) {
    throw fieldError(
      'setKey',
      `a producer of kind ${producer.kind} may only register tourism services (ngành VI, set qd26-2026/26)`,
    );
  }
}

async function assertNameFree(db: Kysely<DB>, producerId: number, name: string, selfId: number | null): Promise<void> {
  const other = await findProductIdByName(db, producerId, name);
  if (other !== undefined && other !== selfId) {
    throw new CoreError(
      'CONFLICT',
      `name: this producer already has a product named "${name}" (#${other}); open it instead of adding it twice`,
      { field: 'name', existingId: other },
    );
  }
}

async function assertCodeFree(db: Kysely<DB>, code: string, selfId: number | null): Promise<void> {
  const other = await findProductIdByCode(db, code);
  if (other !== undefined && other !== selfId) {
    throw new CoreError(
      'CONFLICT',
      `productCode: product code ${code} is already used by product #${other}; leave the field empty to get the next free number`,
      { field: 'productCode', existingId: other },
    );
  }
}

/** The code the app gives a new product: the producer's province and commune, the commune's next number. */
export async function generatedCode(db: Kysely<DB>, producer: ProducerFacts, year: number): Promise<ProductCodeParts> {
  return {
    provinceCode: producer.provinceCode,
    communeCode: producer.communeCode,
    seq: await nextCommuneSeq(db, producer.communeCode),
    year,
  };
}

const values = (d: ProductData, code: ProductCodeParts): ProductValues => ({
  producerId: d.producerId,
  name: d.name,
  setKey: d.setKey,
  specification: d.specification,
  packaging: d.packaging,
  productCode: formatProductCode(code),
  codeProvince: code.provinceCode,
  codeCommune: code.communeCode,
  codeSeq: code.seq,
  codeYear: code.year,
  note: d.note,
});

/** Validates and writes a new product inside the caller's transaction. */
async function insertProductChecked({ trx, at }: Write, d: ProductData): Promise<number> {
  const producer = await producerFacts(trx, d.producerId);
  await assertSetFits(trx, d.setKey, producer);
  await assertNameFree(trx, d.producerId, d.name, null);
  let code: ProductCodeParts;
  if (d.productCode) {
    code = parseProductCode(d.productCode)!;
    await assertCodeFree(trx, d.productCode, null);
  } else {
    code = await generatedCode(trx, producer, d.codeYear ?? vnYear(at));
  }
  return insertProduct(trx, values(d, code), at.toISOString());
}

/** Validates and rewrites a product inside the caller's transaction; an empty code keeps the current one. */
async function updateProductChecked({ trx, at }: Write, id: number, d: ProductData): Promise<void> {
  const before = await getProduct(trx, id);
  if (!before) throw notFound('product', id);
  const producer = await producerFacts(trx, d.producerId);
  await assertSetFits(trx, d.setKey, producer);
  await assertNameFree(trx, d.producerId, d.name, id);
  const codeText = d.productCode ?? before.productCode;
  if (codeText !== before.productCode) await assertCodeFree(trx, codeText, id);
  await updateProductRow(trx, id, values(d, parseProductCode(codeText)!), at.toISOString());
}

export async function createProduct(w: Write, d: ProductData): Promise<Product> {
  const id = await insertProductChecked(w, d);
  const after = (await getProduct(w.trx, id))!;
  await w.audit({ action: 'products.create', entity: 'product', entityId: id, after });
  return after;
}

export async function updateProduct(w: Write, { id, data }: { id: number; data: ProductData }): Promise<Product> {
  const before = await getProduct(w.trx, id);
  await updateProductChecked(w, id, data);
  const after = (await getProduct(w.trx, id))!;
  await w.audit({ action: 'products.update', entity: 'product', entityId: id, before, after });
  return after;
}

export async function deleteProduct({ trx, audit }: Write, { id }: { id: number }): Promise<{ deleted: true }> {
  const before = await getProduct(trx, id);
  if (!before) throw notFound('product', id);
  if (before.registrationCount > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `product #${id} "${before.name}" has ${before.registrationCount} registration(s) and cannot be deleted`,
      { registrationCount: before.registrationCount },
    );
  }
  await trx.deleteFrom('product').where('id', '=', id).execute();
  await audit({ action: 'products.delete', entity: 'product', entityId: id, before });
  return { deleted: true };
}

export async function nextProductCode(
  ctx: CoreContext,
  { producerId, year }: { producerId: number; year?: number },
): Promise<{ productCode: string }> {
  const producer = await producerFacts(ctx.db, producerId);
  return { productCode: formatProductCode(await generatedCode(ctx.db, producer, year ?? vnYear(ctx.now()))) };
}
