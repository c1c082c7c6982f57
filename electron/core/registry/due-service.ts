import { sql } from 'kysely';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { DueItem, RegistryEntryDetail } from '../../../shared/api/channels/registry';
import { addDays, daysBetween } from '../../../shared/ocop/reevaluation-window';
import { dueStateOn, type DueState } from '../../../shared/ocop/registry-status';
import { foldForSearch } from '../../../shared/text/normalize';
import { vnToday } from '../../../shared/ocop/vn-time';
import type { CoreContext } from '../context';
import { insertRegistrationChecked } from '../dossiers/registration-service';
import { CoreError, notFound } from '../errors';
import { isFormerCommuneKey, selectEntries, toEntry, type Db } from './entry-repo';
import { entryColumns, factsOf } from './entry-values';
import { registryT } from './registry-t';
import { readRegistrySettings } from './settings-service';
import type { Write } from '../handlers';

/**
 * The re-evaluation calendar (Đ7.6a; Đ12 for the 180 days of grace): recognitions whose window
 * is coming or open, whose window passed, and those expired and not re-evaluated — the last are
 * listed for as long as nobody re-evaluates or revokes them, never dropped.
 */

export interface DueQuery {
  on: string;
  horizonDays: number;
  communeKey?: string | undefined;
  dues?: DueState[] | undefined;
}

const DUE_ORDER: Record<DueState, number> = { expired: 0, grace: 1, passed: 2, open: 3, coming: 4 };

async function pendingByProduct(db: Db, productIds: number[]): Promise<Map<number, RegistryEntryDetail['pendingRegistration']>> {
  const out = new Map<number, RegistryEntryDetail['pendingRegistration']>();
  if (productIds.length === 0) return out;
  const rows = await db
    .selectFrom('registration as r')
    .innerJoin('evaluation_round as rd', 'rd.id', 'r.round_id')
    .select(['r.id', 'r.product_id', 'r.registration_no', 'r.kind', 'r.status', 'rd.name as round_name'])
    .where('r.product_id', 'in', productIds)
    .where('r.kind', 'in', ['reevaluation', 'upgrade'])
    .where('r.status', 'not in', ['evaluated', 'result'])
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM registry_entry e WHERE e.registration_id = r.id)`)
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    out.set(r.product_id, {
      id: r.id,
      registrationNo: r.registration_no,
      kind: r.kind,
      status: r.status,
      roundName: r.round_name,
    });
  }
  return out;
}

export async function dueItems(db: Db, q: DueQuery): Promise<DueItem[]> {
  let query = selectEntries(db)
    .where('e.state', '=', 'recognised')
    .where('e.window_opens_on', '<=', addDays(q.on, q.horizonDays));
  if (q.communeKey) query = query.where('e.commune_key', '=', q.communeKey);
  const rows = await query.execute();
  const items: DueItem[] = [];
  for (const r of rows) {
    const entry = toEntry(r, q.on);
    const due = dueStateOn(
      { state: entry.state, validFrom: entry.validFrom, validTo: entry.validTo, successorKind: null, endedOn: entry.endedOn },
      q.on,
      q.horizonDays,
    );
    if (due === null || (q.dues && !q.dues.includes(due))) continue;
    items.push({ entry, due, daysToExpiry: daysBetween(q.on, entry.validTo!), pendingRegistration: null });
  }
  const pending = await pendingByProduct(db, [
    ...new Set(items.map((i) => i.entry.productId).filter((id): id is number => id !== null)),
  ]);
  for (const i of items) i.pendingRegistration = i.entry.productId === null ? null : (pending.get(i.entry.productId) ?? null);
  return items.sort(
    (a, b) =>
      DUE_ORDER[a.due] - DUE_ORDER[b.due] ||
      a.entry.validTo!.localeCompare(b.entry.validTo!) ||
      a.entry.communeLabel.localeCompare(b.entry.communeLabel, 'vi') ||
      a.entry.id - b.entry.id,
  );
}

export async function dueQueryOf(ctx: CoreContext, db: Db, input: ChannelParsedInput<'registry:due'>): Promise<DueQuery> {
  const settings = await readRegistrySettings(db);
  return {
    on: input.on ?? vnToday(ctx.now()),
    horizonDays: input.horizonDays ?? settings.dueHorizonDays,
    communeKey: input.communeKey,
    dues: input.dues,
  };
}

export async function dueList(ctx: CoreContext, input: ChannelParsedInput<'registry:due'>) {
  const q = await dueQueryOf(ctx, ctx.db, input);
  return { on: q.on, horizonDays: q.horizonDays, items: await dueItems(ctx.db, q) };
}

/**
 * The product of the dossiers area an entry stands for: its link, or the only product with the
 * same name (accents ignored) of the only producer with the same name. Links found this way are
 * recorded on the entry's chain.
 */
async function productFor(w: Write, e: { id: number; product_id: number | null; product_name: string; producer_name: string }) {
  if (e.product_id !== null) return e.product_id;
  const producers = await w.trx
    .selectFrom('producer')
    .select('id')
    .where('name_folded', '=', foldForSearch(e.producer_name))
    .limit(2)
    .execute();
  if (producers.length !== 1) return null;
  const products = await w.trx
    .selectFrom('product')
    .select('id')
    .where('producer_id', '=', producers[0]!.id)
    .where('name_folded', '=', foldForSearch(e.product_name))
    .limit(2)
    .execute();
  return products.length === 1 ? products[0]!.id : null;
}

export async function createReevaluations(w: Write, input: ChannelParsedInput<'registry:createReevaluations'>) {
  const round = await w.trx.selectFrom('evaluation_round').selectAll().where('id', '=', input.roundId).executeTakeFirst();
  if (!round) throw notFound('Evaluation round', input.roundId);
  const created: { entryId: number; registrationId: number; registrationNo: string }[] = [];
  const skipped: { entryId: number; reason: string; code: string }[] = [];
  const at = w.at.toISOString();
  for (const id of [...new Set(input.ids)]) {
    const e = await selectEntries(w.trx).where('e.id', '=', id).executeTakeFirst();
    if (!e) throw notFound('Registry entry', id);
    if (e.state !== 'recognised') {
      skipped.push({
        entryId: id,
        code: 'not_running',
        reason: `${e.product_name}: the entry is ${e.state}; only a running recognition is re-evaluated`,
      });
      continue;
    }
    const productId = await productFor(w, e);
    if (productId === null) {
      skipped.push({
        entryId: id,
        code: 'no_product',
        reason: `${e.product_name} (${e.producer_name}) is not in Hồ sơ: add the producer and product there, or link the entry to its product, then try again`,
      });
      continue;
    }
    const already = await w.trx
      .selectFrom('registration')
      .select(['id', 'registration_no'])
      .where('product_id', '=', productId)
      .where('round_id', '=', round.id)
      .executeTakeFirst();
    if (already) {
      skipped.push({
        entryId: id,
        code: 'already_registered',
        reason: `${e.product_name} is already registered in ${round.name} (${already.registration_no})`,
      });
      continue;
    }
    if (e.product_id === null) {
      const f = factsOf(e);
      const producer = await w.trx
        .selectFrom('product')
        .select('producer_id')
        .where('id', '=', productId)
        .executeTakeFirstOrThrow();
      await w.trx
        .updateTable('registry_entry')
        .set(entryColumns({ ...f, productId, producerId: producer.producer_id }, at))
        .where('id', '=', e.id)
        .execute();
    }
    let registrationId: number;
    try {
      registrationId = await insertRegistrationChecked(w, {
        productId,
        roundId: round.id,
        kind: 'reevaluation',
        currentStars: e.star,
        certificateNo: e.certificate_no,
        certificateIssuedOn: e.valid_from,
        certificateExpiresOn: e.valid_to,
        registrationNo: null,
        receivedCommuneOn: null,
        receivedProvinceOn: null,
        receiverName: '',
        sampleCount: null,
        note: `Đánh giá lại theo sổ sản phẩm OCOP (mục #${e.id}, QĐ ${e.decision_no ?? ''}).`,
        criteriaSetVersionId: null,
      });
    } catch (err) {
      if (err instanceof CoreError && (err.code === 'VALIDATION' || err.code === 'CONFLICT' || err.code === 'NOT_FOUND')) {
        // Nothing of this registration was written (the checks run before the insert): report and go on.
        skipped.push({ entryId: id, code: 'refused', reason: `${e.product_name}: ${err.message}` });
        continue;
      }
      throw err;
    }
    const reg = await w.trx
      .selectFrom('registration')
      .select('registration_no')
      .where('id', '=', registrationId)
      .executeTakeFirstOrThrow();
    created.push({ entryId: id, registrationId, registrationNo: reg.registration_no });
  }
  await w.audit({
    action: 'registry.createReevaluations',
    entity: 'evaluation_round',
    entityId: round.id,
    after: { created, skipped: skipped.map((s) => ({ entryId: s.entryId, code: s.code })) },
  });
  return { created, skipped };
}

export function groupByCommune(items: DueItem[]): { label: string; items: DueItem[] }[] {
  const groups = new Map<string, { label: string; items: DueItem[] }>();
  for (const i of items) {
    const g = groups.get(i.entry.communeKey) ?? {
      label: `${i.entry.communeLabel}${isFormerCommuneKey(i.entry.communeKey) ? registryT('vi')('due.former') : ''}`,
      items: [],
    };
    g.items.push(i);
    groups.set(i.entry.communeKey, g);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}
