import type { Kysely } from 'kysely';
import {
  ProducerInput,
  ProductInput,
  RegistrationCreateInput,
  type ImportRowError,
  type ProducerData,
  type RegistrationCreateData,
} from '../../../../shared/api/channels/dossiers-fields';
import { isTourismSet } from '../../../../shared/ocop/dossier-classification';
import {
  isFrozenStatus,
  isTourismOnlyKind,
  type ProducerKind,
  type RegistrationStatus,
} from '../../../../shared/ocop/dossier-model';
import { foldForSearch } from '../../../../shared/text/normalize';
import type { DB } from '../../db/schema';
import { CoreError } from '../../errors';
import { classificationTree } from '../classification-tree';
import { installedSetKeys, type SetVersionRef } from '../criteria-pin';
import { checkKindFields } from '../registration-service';
import { issuesToErrors, rowInput } from './row-input';
import {
  PRODUCER_COLUMNS,
  PRODUCT_COLUMNS,
  REGISTRATION_COLUMNS,
  SHEET_PRODUCERS,
  SHEET_PRODUCTS,
  SHEET_REGISTRATIONS,
} from './xlsx-columns';
import type { RawSheet } from './xlsx-read';

export type Action = 'create' | 'update' | 'skip';
export type OnDuplicate = 'skip' | 'update';

export interface PlanProducer {
  row: number;
  key: string;
  data: ProducerData;
  existingId: number | null;
  action: Action;
  /** The kind and codes the producer will have after the import (the file's, or the database's when skipped). */
  effective: { kind: ProducerKind; provinceCode: string; communeCode: string };
}

export type ProductFields = Omit<ProductInput_, 'producerId' | 'codeYear'>;
type ProductInput_ = import('zod').output<typeof ProductInput>;

export interface PlanProduct {
  row: number;
  key: string;
  producerKey: string;
  data: ProductFields;
  existingId: number | null;
  action: Action;
  /** Set key after the import (a skipped product keeps the stored one). */
  effectiveSetKey: string;
}

export type RegistrationFields = Omit<RegistrationCreateData, 'productId' | 'roundId' | 'criteriaSetVersionId'>;

export interface PlanRegistration {
  row: number;
  productKey: string;
  round: { year: number; number: number };
  data: RegistrationFields;
  existingId: number | null;
  action: Action;
  version: SetVersionRef | null;
}

export interface PlanRound {
  year: number;
  number: number;
  existingId: number | null;
  legalBasis: string;
}

export interface Duplicate {
  sheet: string;
  row: number;
  entity: 'producer' | 'product' | 'registration';
  existingId: number;
  action: OnDuplicate;
  message: string;
}

export interface ImportPlan {
  producers: PlanProducer[];
  products: PlanProduct[];
  registrations: PlanRegistration[];
  rounds: Map<string, PlanRound>;
  duplicates: Duplicate[];
}

const ProducerRow = ProducerInput;
const ProductRow = ProductInput.omit({ producerId: true, codeYear: true });
const RegistrationRow = RegistrationCreateInput.omit({ productId: true, roundId: true, criteriaSetVersionId: true });

const roundKey = (r: { year: number; number: number }): string => `${r.number}/${r.year}`;

/** "1/2026", "Đợt 1/2026", "1-2026", "đợt 2 năm 2026" → { number, year }. */
export function parseRoundCell(text: string): { year: number; number: number } | null {
  const m = /(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})/u.exec(foldForSearch(text));
  if (!m) return null;
  const r = { number: Number(m[1]), year: Number(m[2]) };
  return r.number >= 1 && r.number <= 99 && r.year >= 2018 && r.year <= 2100 ? r : null;
}

/** What the database already holds, loaded once so 20,000 rows need no per-row queries. */
async function loadExisting(db: Kysely<DB>) {
  const [producers, products, registrations, rounds, sets] = await Promise.all([
    db
      .selectFrom('producer')
      .select(['id', 'tax_code', 'kind', 'province_code', 'commune_code'])
      .where('tax_code', 'is not', null)
      .execute(),
    db.selectFrom('product').select(['id', 'producer_id', 'name_folded', 'product_code', 'set_key']).execute(),
    db.selectFrom('registration').select(['id', 'product_id', 'round_id', 'registration_no', 'status']).execute(),
    db.selectFrom('evaluation_round').select(['id', 'year', 'number', 'legal_basis']).execute(),
    installedSetKeys(db),
  ]);
  return {
    producerByTax: new Map(producers.map((p) => [p.tax_code!, p])),
    productByName: new Map(products.map((p) => [`${p.producer_id}|${p.name_folded}`, p])),
    productByCode: new Map(products.map((p) => [p.product_code, p.id])),
    registrationByPair: new Map(registrations.map((r) => [`${r.product_id}|${r.round_id}`, r])),
    registrationByNo: new Map(registrations.map((r) => [r.registration_no, r.id])),
    roundByKey: new Map(rounds.map((r) => [roundKey(r), r])),
    sets,
  };
}

const DEFAULT_LEGAL_BASIS = '26/2026/QĐ-TTg';

/**
 * Validates every row of every sheet and decides, row by row, what the import will do. Collects
 * all errors instead of stopping at the first, and throws IMPORT_INVALID when there is any:
 * nothing is written unless the whole file is valid.
 */
/** Called every PROGRESS_EVERY rows with the number of rows validated so far; may throw to stop. */
export type PlanProgress = (done: number) => Promise<void>;
/** Rows validated between two progress calls: about 10 ms of work, so a job yields often enough. */
export const PROGRESS_EVERY = 250;

export async function planImport(
  db: Kysely<DB>,
  sheets: RawSheet[],
  onDuplicate: OnDuplicate,
  progress?: PlanProgress,
): Promise<ImportPlan> {
  let seen = 0;
  const due = (): boolean => progress !== undefined && ++seen % PROGRESS_EVERY === 0;
  const errors: ImportRowError[] = [];
  const err = (
    sheet: string,
    row: number,
    column: string | undefined,
    code: string,
    message: string,
    params?: Record<string, string | number>,
  ) => errors.push({ sheet, row, ...(column ? { column } : {}), code, message, ...(params ? { params } : {}) });
  const sheet = (name: string) => sheets.find((s) => s.name === name)?.rows ?? [];
  const ex = await loadExisting(db);
  const duplicates: Duplicate[] = [];
  const header = (cols: typeof PRODUCER_COLUMNS, field: string) => cols.find((c) => c.field === field)!.header;

  // ── Producers
  const producers: PlanProducer[] = [];
  const producerKeys = new Map<string, number>();
  const taxRows = new Map<string, number>();
  for (const raw of sheet(SHEET_PRODUCERS)) {
    if (due()) await progress!(seen);
    const r = rowInput(SHEET_PRODUCERS, PRODUCER_COLUMNS, raw);
    errors.push(...r.errors);
    const key = r.texts.producerKey ?? '';
    if (!key)
      err(
        SHEET_PRODUCERS,
        raw.row,
        header(PRODUCER_COLUMNS, 'producerKey'),
        'required',
        `Column "${header(PRODUCER_COLUMNS, 'producerKey')}" is required; fill it in.`,
      );
    if (key) {
      const first = producerKeys.get(foldForSearch(key));
      if (first !== undefined)
        err(
          SHEET_PRODUCERS,
          raw.row,
          header(PRODUCER_COLUMNS, 'producerKey'),
          'duplicate_key',
          `Producer key "${key}" is already used on row ${first}; give each producer its own key.`,
          { value: key, firstRow: first },
        );
      else producerKeys.set(foldForSearch(key), raw.row);
    }
    const { producerKey: _k, ...fields } = r.input;
    const parsed = ProducerRow.safeParse(fields);
    if (!parsed.success) {
      errors.push(...issuesToErrors(SHEET_PRODUCERS, PRODUCER_COLUMNS, raw.row, r, parsed.error.issues));
      continue;
    }
    if (!key || r.errors.length > 0) continue;
    const d = parsed.data;
    let existingId: number | null = null;
    let action: Action = 'create';
    let effective = { kind: d.kind, provinceCode: d.provinceCode, communeCode: d.communeCode };
    if (d.taxCode) {
      const firstRow = taxRows.get(d.taxCode);
      if (firstRow !== undefined) {
        err(
          SHEET_PRODUCERS,
          raw.row,
          header(PRODUCER_COLUMNS, 'taxCode'),
          'duplicate_tax_code_in_file',
          `Tax number ${d.taxCode} is also on row ${firstRow}; one producer per tax number — keep one row and point the products at its key.`,
          { value: d.taxCode, firstRow },
        );
        continue;
      }
      taxRows.set(d.taxCode, raw.row);
      const existing = ex.producerByTax.get(d.taxCode);
      if (existing) {
        existingId = existing.id;
        action = onDuplicate;
        if (action === 'skip')
          effective = {
            kind: existing.kind as ProducerKind,
            provinceCode: existing.province_code,
            communeCode: existing.commune_code,
          };
        duplicates.push({
          sheet: SHEET_PRODUCERS,
          row: raw.row,
          entity: 'producer',
          existingId: existing.id,
          action,
          message: `Tax number ${d.taxCode} belongs to producer #${existing.id}: ${action === 'skip' ? 'kept as it is' : 'updated from the file'}`,
        });
      }
    }
    producers.push({ row: raw.row, key: foldForSearch(key), data: d, existingId, action, effective });
  }
  const producerByKey = new Map(producers.map((p) => [p.key, p]));

  // ── Products
  const products: PlanProduct[] = [];
  const productKeys = new Map<string, number>();
  const productNames = new Map<string, number>();
  const productCodes = new Map<string, number>();
  for (const raw of sheet(SHEET_PRODUCTS)) {
    if (due()) await progress!(seen);
    const r = rowInput(SHEET_PRODUCTS, PRODUCT_COLUMNS, raw);
    errors.push(...r.errors);
    const key = r.texts.productKey ?? '';
    const producerKey = r.texts.producerKey ?? '';
    for (const [f, v] of [
      ['productKey', key],
      ['producerKey', producerKey],
    ] as const)
      if (!v)
        err(
          SHEET_PRODUCTS,
          raw.row,
          header(PRODUCT_COLUMNS, f),
          'required',
          `Column "${header(PRODUCT_COLUMNS, f)}" is required; fill it in.`,
        );
    if (key) {
      const first = productKeys.get(foldForSearch(key));
      if (first !== undefined)
        err(
          SHEET_PRODUCTS,
          raw.row,
          header(PRODUCT_COLUMNS, 'productKey'),
          'duplicate_key',
          `Product key "${key}" is already used on row ${first}; give each product its own key.`,
          { value: key, firstRow: first },
        );
      else productKeys.set(foldForSearch(key), raw.row);
    }
    if (producerKey && !producerKeys.has(foldForSearch(producerKey))) {
      err(
        SHEET_PRODUCTS,
        raw.row,
        header(PRODUCT_COLUMNS, 'producerKey'),
        'unknown_producer_key',
        `No producer with key "${producerKey}" in sheet "${SHEET_PRODUCERS}"; add the producer there or correct the key.`,
        { value: producerKey },
      );
    }
    const { productKey: _k, producerKey: _p, ...fields } = r.input;
    const parsed = ProductRow.safeParse(fields);
    if (!parsed.success) {
      errors.push(...issuesToErrors(SHEET_PRODUCTS, PRODUCT_COLUMNS, raw.row, r, parsed.error.issues));
      continue;
    }
    const d = parsed.data;
    const producer = producerByKey.get(foldForSearch(producerKey));
    if (!key || !producer || r.errors.length > 0) continue;
    const nameKey = `${producer.key}|${foldForSearch(d.name)}`;
    const firstName = productNames.get(nameKey);
    if (firstName !== undefined) {
      err(
        SHEET_PRODUCTS,
        raw.row,
        header(PRODUCT_COLUMNS, 'name'),
        'duplicate_product_in_file',
        `Product "${d.name}" of producer "${producerKey}" is also on row ${firstName}; keep one row.`,
        { value: d.name, firstRow: firstName },
      );
      continue;
    }
    productNames.set(nameKey, raw.row);
    let existingId: number | null = null;
    let action: Action = 'create';
    let effectiveSetKey = d.setKey;
    if (producer.existingId !== null) {
      const existing = ex.productByName.get(`${producer.existingId}|${foldForSearch(d.name)}`);
      if (existing) {
        existingId = existing.id;
        action = onDuplicate;
        if (action === 'skip') effectiveSetKey = existing.set_key;
        duplicates.push({
          sheet: SHEET_PRODUCTS,
          row: raw.row,
          entity: 'product',
          existingId: existing.id,
          action,
          message: `Producer #${producer.existingId} already has product "${d.name}" (#${existing.id}): ${action === 'skip' ? 'kept as it is' : 'updated from the file'}`,
        });
      }
    }
    if (action !== 'skip') {
      if (!ex.sets.has(d.setKey))
        err(
          SHEET_PRODUCTS,
          raw.row,
          header(PRODUCT_COLUMNS, 'setKey'),
          'set_not_installed',
          `Criteria set ${d.setKey} is not installed in this app.`,
          { value: d.setKey },
        );
      if (isTourismOnlyKind(producer.effective.kind) && !isTourismSet(classificationTree, d.setKey)) {
        err(
          SHEET_PRODUCTS,
          raw.row,
          header(PRODUCT_COLUMNS, 'setKey'),
          'tourism_only',
          `Producer "${producerKey}" is a tourism body (hội, hiệp hội, trung tâm); it may only register tourism services (set 26).`,
          { value: r.texts.setKey ?? '' },
        );
      }
      if (d.productCode) {
        const firstCode = productCodes.get(d.productCode);
        const other = ex.productByCode.get(d.productCode);
        if (firstCode !== undefined)
          err(
            SHEET_PRODUCTS,
            raw.row,
            header(PRODUCT_COLUMNS, 'productCode'),
            'duplicate_product_code',
            `Product code ${d.productCode} is also on row ${firstCode}.`,
            { value: d.productCode, firstRow: firstCode },
          );
        else if (other !== undefined && other !== existingId)
          err(
            SHEET_PRODUCTS,
            raw.row,
            header(PRODUCT_COLUMNS, 'productCode'),
            'duplicate_product_code',
            `Product code ${d.productCode} is already used by product #${other}; leave it empty to number the product automatically.`,
            { value: d.productCode, existingId: other },
          );
        productCodes.set(d.productCode, raw.row);
      }
    }
    products.push({
      row: raw.row,
      key: foldForSearch(key),
      producerKey: producer.key,
      data: d,
      existingId,
      action,
      effectiveSetKey,
    });
  }
  const productByKey = new Map(products.map((p) => [p.key, p]));

  // ── Registrations
  const registrations: PlanRegistration[] = [];
  const rounds = new Map<string, PlanRound>();
  const pairs = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const raw of sheet(SHEET_REGISTRATIONS)) {
    if (due()) await progress!(seen);
    const r = rowInput(SHEET_REGISTRATIONS, REGISTRATION_COLUMNS, raw);
    errors.push(...r.errors);
    const productKey = r.texts.productKey ?? '';
    if (productKey && !productKeys.has(foldForSearch(productKey))) {
      err(
        SHEET_REGISTRATIONS,
        raw.row,
        header(REGISTRATION_COLUMNS, 'productKey'),
        'unknown_product_key',
        `No product with key "${productKey}" in sheet "${SHEET_PRODUCTS}"; add the product there or correct the key.`,
        { value: productKey },
      );
    }
    const roundText = r.texts.round ?? '';
    for (const [f, v] of [
      ['productKey', productKey],
      ['round', roundText],
    ] as const)
      if (!v)
        err(
          SHEET_REGISTRATIONS,
          raw.row,
          header(REGISTRATION_COLUMNS, f),
          'required',
          `Column "${header(REGISTRATION_COLUMNS, f)}" is required; fill it in.`,
        );
    const round = roundText ? parseRoundCell(roundText) : null;
    if (roundText && !round)
      err(
        SHEET_REGISTRATIONS,
        raw.row,
        header(REGISTRATION_COLUMNS, 'round'),
        'invalid_round',
        `Round "${roundText}" must be written number/year, e.g. 1/2026.`,
        { value: roundText },
      );
    const { productKey: _k, round: _r, ...fields } = r.input;
    const parsed = RegistrationRow.safeParse(fields);
    if (!parsed.success) {
      errors.push(...issuesToErrors(SHEET_REGISTRATIONS, REGISTRATION_COLUMNS, raw.row, r, parsed.error.issues));
      continue;
    }
    let d: RegistrationFields;
    try {
      d = checkKindFields(parsed.data);
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
      const issue = e.details?.issues?.[0];
      const field = issue?.path?.[0] ?? '';
      const column = REGISTRATION_COLUMNS.find((c) => c.field === field)?.header;
      // The rule and the column go to the screen, so the message can name what to fill in
      // ("Đăng ký “Nâng hạng” cần ghi “Hạng sao hiện tại”…"), not only that something is wrong.
      err(SHEET_REGISTRATIONS, raw.row, column, 'kind_rule', `${column ?? field}: ${e.message.replace(/^[a-zA-Z]+: /, '')}`, {
        value: r.texts[field] ?? '',
        column: (column ?? field).replace(/\*$/, ''),
        kind: r.texts.kind ?? '',
        ...(typeof issue?.rule === 'string' ? { rule: issue.rule } : {}),
      });
      continue;
    }
    const product = productByKey.get(foldForSearch(productKey));
    if (!product || !round || r.errors.length > 0) continue;
    const pairKey = `${product.key}|${roundKey(round)}`;
    const firstPair = pairs.get(pairKey);
    if (firstPair !== undefined) {
      err(
        SHEET_REGISTRATIONS,
        raw.row,
        header(REGISTRATION_COLUMNS, 'round'),
        'duplicate_registration_in_file',
        `Product "${productKey}" is registered in round ${roundKey(round)} on row ${firstPair} too; a product registers once per round.`,
        { value: roundKey(round), firstRow: firstPair },
      );
      continue;
    }
    pairs.set(pairKey, raw.row);

    const existingRound = ex.roundByKey.get(roundKey(round));
    if (!rounds.has(roundKey(round)))
      rounds.set(roundKey(round), {
        ...round,
        existingId: existingRound?.id ?? null,
        legalBasis: existingRound?.legal_basis ?? DEFAULT_LEGAL_BASIS,
      });
    let existingId: number | null = null;
    let action: Action = 'create';
    if (product.existingId !== null && existingRound) {
      const existing = ex.registrationByPair.get(`${product.existingId}|${existingRound.id}`);
      if (existing) {
        existingId = existing.id;
        action = onDuplicate;
        if (action === 'update' && isFrozenStatus(existing.status as RegistrationStatus)) {
          err(
            SHEET_REGISTRATIONS,
            raw.row,
            undefined,
            'frozen_registration',
            `Registration #${existing.id} of this product in round ${roundKey(round)} has been evaluated and cannot be updated; remove the row or import with "skip".`,
            { existingId: existing.id },
          );
          continue;
        }
        duplicates.push({
          sheet: SHEET_REGISTRATIONS,
          row: raw.row,
          entity: 'registration',
          existingId: existing.id,
          action,
          message: `Product #${product.existingId} is already registered in round ${roundKey(round)} (#${existing.id}): ${action === 'skip' ? 'kept as it is' : 'updated from the file'}`,
        });
      }
    }
    let version: SetVersionRef | null = null;
    if (action !== 'skip') {
      version = ex.sets.get(product.effectiveSetKey) ?? null;
      const legalBasis = rounds.get(roundKey(round))!.legalBasis;
      if (version && version.decision !== legalBasis) {
        err(
          SHEET_REGISTRATIONS,
          raw.row,
          header(REGISTRATION_COLUMNS, 'round'),
          'version_mismatch',
          `Round ${roundKey(round)} is judged under ${legalBasis}, but the product's criteria set belongs to ${version.decision}.`,
          { value: roundKey(round) },
        );
      }
      if (d.registrationNo) {
        const first = numbers.get(d.registrationNo);
        const other = ex.registrationByNo.get(d.registrationNo);
        if (first !== undefined)
          err(
            SHEET_REGISTRATIONS,
            raw.row,
            header(REGISTRATION_COLUMNS, 'registrationNo'),
            'duplicate_registration_no',
            `Form number ${d.registrationNo} is also on row ${first}.`,
            { value: d.registrationNo, firstRow: first },
          );
        else if (other !== undefined && other !== existingId)
          err(
            SHEET_REGISTRATIONS,
            raw.row,
            header(REGISTRATION_COLUMNS, 'registrationNo'),
            'duplicate_registration_no',
            `Form number ${d.registrationNo} is already used by registration #${other}; leave it empty to number it automatically.`,
            { value: d.registrationNo, existingId: other },
          );
        numbers.set(d.registrationNo, raw.row);
      }
    }
    registrations.push({ row: raw.row, productKey: product.key, round, data: d, existingId, action, version });
  }

  if (errors.length === 0 && producers.length + products.length + registrations.length === 0) {
    errors.push({
      code: 'empty_file',
      message: 'The file has no data rows; fill in the sheets "Chủ thể", "Sản phẩm" and "Đăng ký" below their header rows.',
    });
  }
  if (errors.length > 0) throw importInvalid(errors);
  return { producers, products, registrations, rounds, duplicates };
}

/** Most errors listed in one answer; the count says how many there were in all. */
export const MAX_LISTED_ERRORS = 500;

const sheetOrder = [SHEET_PRODUCERS, SHEET_PRODUCTS, SHEET_REGISTRATIONS];
export function importInvalid(errors: ImportRowError[]): CoreError {
  const sorted = [...errors].sort(
    (a, b) => sheetOrder.indexOf(a.sheet ?? '') - sheetOrder.indexOf(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0),
  );
  const first = sorted[0]!;
  const where = [
    first.sheet && `sheet "${first.sheet}"`,
    first.row && `row ${first.row}`,
    first.column && `column "${first.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return new CoreError(
    'IMPORT_INVALID',
    `The file has ${errors.length} error(s); nothing was imported. First: ${where ? where + ': ' : ''}${first.message}`,
    {
      errors: sorted.slice(0, MAX_LISTED_ERRORS),
      total: errors.length,
    },
  );
}
