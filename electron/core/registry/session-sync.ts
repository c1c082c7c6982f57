import { sql, type Transaction } from 'kysely';
import { classificationOfSet } from '../../../shared/ocop/dossier-classification';
import { PRODUCER_KINDS, type ProducerKind } from '../../../shared/ocop/dossier-model';
import { isLegalBasisId, isStar, recognitionFor } from '../../../shared/ocop/legal-basis';
import { isDecided, type EntryKind } from '../../../shared/ocop/registry-status';
import { sectorClass, type NganhNo } from '../../../shared/ocop/registry-sectors';
import type { DB } from '../db/schema';
import { classificationTree } from '../dossiers/classification-tree';
import { CoreError } from '../errors';
import type { ResultsDocument } from '../results/results-digest';
import { selectEntries, stateOf, type Db } from './entry-repo';
import { entryColumns, factsOf, type EntryFacts } from './entry-values';
import type { Write } from '../handlers';

/**
 * Finalized sessions → registry. When a council finalizes, each product it ranked becomes an
 * entry: 3★ and more as a proposal (the council only proposes; the decision comes later, Đ7.3),
 * below 3★ or disqualified as "entered, not recognised". Reopening withdraws the proposals; a
 * new finalization proposes again on the same entries. Once the province's decision is recorded
 * for a product, the session's results are evidence of a decision and reopening is refused.
 */

interface ProductFacts {
  registration_id: number;
  kind: string;
  current_stars: number | null;
  certificate_no: string | null;
  product_id: number;
  producer_id: number;
  product_name: string;
  product_code: string;
  producer_name: string;
  address: string;
  set_key: string;
  producer_kind: string;
  commune_code: string;
  commune_name: string;
  province_name: string;
  representative_gender: string | null;
  representative_ethnic_minority: number;
}

async function registrationFacts(db: Db, ids: number[]): Promise<Map<number, ProductFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select([
      'r.id as registration_id',
      'r.kind',
      'r.current_stars',
      'r.certificate_no',
      'p.id as product_id',
      'pr.id as producer_id',
      sql<string>`COALESCE(r.snapshot_product_name, p.name)`.as('product_name'),
      sql<string>`COALESCE(r.snapshot_product_code, p.product_code)`.as('product_code'),
      sql<string>`COALESCE(r.snapshot_producer_name, pr.name)`.as('producer_name'),
      'pr.address',
      'p.set_key',
      'pr.kind as producer_kind',
      'pr.commune_code',
      'pr.commune_name',
      'pr.province_name',
      'pr.representative_gender',
      'pr.representative_ethnic_minority',
    ])
    .where('r.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.registration_id, r]));
}

/** The recognition a re-evaluation or upgrade follows: the product's latest decided entry. */
async function predecessorId(
  db: Db,
  productId: number,
  certificateNo: string | null,
  excludeSession: number,
): Promise<number | null> {
  const byProduct = await db
    .selectFrom('registry_entry')
    .select('id')
    .where('product_id', '=', productId)
    .where('state', 'in', ['recognised', 'superseded', 'revoked'])
    .where((eb) => eb.or([eb('session_id', 'is', null), eb('session_id', '<>', excludeSession)]))
    .orderBy('decision_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (byProduct) return byProduct.id;
  if (!certificateNo) return null;
  const byCertificate = await db
    .selectFrom('registry_entry')
    .select('id')
    .where('certificate_no', '=', certificateNo)
    .where('state', 'in', ['recognised', 'superseded', 'revoked'])
    .orderBy('decision_date', 'desc')
    .executeTakeFirst();
  return byCertificate?.id ?? null;
}

interface SessionHead {
  id: number;
  date: string;
  year: number;
  round_no: number;
  legal_basis: string;
}

async function sessionHead(db: Db, sessionId: number): Promise<SessionHead> {
  const s = await db
    .selectFrom('session as s')
    .innerJoin('evaluation_round as r', 'r.id', 's.round_id')
    .select(['s.id', 's.date', 'r.year', 'r.number as round_no', 'r.legal_basis'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!s) throw new CoreError('NOT_FOUND', `Session ${sessionId} does not exist`, { what: 'Session', id: sessionId });
  return s;
}

export interface SyncCounts {
  proposed: number;
  notRecognised: number;
  withdrawn: number;
}

/**
 * Brings the registry in line with one session: its finalization in force (if any) proposes, a
 * reopened one withdraws. Idempotent. Entries already decided are never touched.
 */
export async function syncSession(w: Write, sessionId: number): Promise<SyncCounts> {
  const counts: SyncCounts = { proposed: 0, notRecognised: 0, withdrawn: 0 };
  const fin = await w.trx
    .selectFrom('session_finalization')
    .select(['id', 'results_json'])
    .where('session_id', '=', sessionId)
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  const existing = await selectEntries(w.trx).where('e.session_id', '=', sessionId).execute();
  const at = w.at.toISOString();
  if (!fin) {
    const open = existing.filter((e) => e.state === 'proposed' || e.state === 'not_recognised');
    for (const e of open) {
      await w.trx.updateTable('registry_entry').set({ state: 'withdrawn', updated_at: at }).where('id', '=', e.id).execute();
    }
    counts.withdrawn = open.length;
    if (open.length > 0) {
      await w.audit({
        action: 'registry.withdraw',
        entity: 'session',
        entityId: sessionId,
        after: { reason: 'session reopened', entryIds: open.map((e) => e.id) },
      });
    }
    return counts;
  }
  const doc = JSON.parse(fin.results_json) as ResultsDocument;
  const head = await sessionHead(w.trx, sessionId);
  if (!isLegalBasisId(head.legal_basis)) {
    throw new CoreError('INTERNAL', `Session ${sessionId} names an unknown legal basis "${head.legal_basis}"`);
  }
  const basis = head.legal_basis;
  const facts = await registrationFacts(
    w.trx,
    doc.products.map((p) => p.registrationId),
  );
  const byRegistration = new Map(existing.map((e) => [e.registration_id, e]));
  const touched: number[] = [];
  for (const p of doc.products) {
    const r = facts.get(p.registrationId);
    if (!r) continue;
    const prior = byRegistration.get(p.registrationId);
    if (prior && isDecided(stateOf(prior))) continue;
    const star = p.status === 'complete' && p.finalStar !== null && isStar(p.finalStar) ? p.finalStar : null;
    const recognised = star !== null && p.recognised && star >= 3;
    const kind: EntryKind = r.kind === 'upgrade' || r.kind === 'reevaluation' ? r.kind : 'first';
    const cls = classificationOfSet(classificationTree, r.set_key);
    const producerKind = (PRODUCER_KINDS as readonly string[]).includes(r.producer_kind)
      ? (r.producer_kind as ProducerKind)
      : null;
    const f: EntryFacts = {
      origin: 'session',
      sessionId,
      finalizationId: fin.id,
      registrationId: p.registrationId,
      productId: r.product_id,
      producerId: r.producer_id,
      importKey: null,
      importId: null,
      sourceRow: null,
      kind,
      followsId: kind === 'first' ? null : await predecessorId(w.trx, r.product_id, r.certificate_no, sessionId),
      state: recognised ? 'proposed' : 'not_recognised',
      legalBasis: basis,
      year: head.year,
      roundNo: head.round_no,
      productName: r.product_name,
      productCode: r.product_code,
      producerName: r.producer_name,
      producerKind,
      addressText: r.address,
      districtText: '',
      communeText: '',
      communeCode: r.commune_code,
      communeName: r.commune_name,
      provinceName: r.province_name,
      sectorText: cls ? `${cls.nhom} › ${cls.setName}` : r.set_key,
      sector: cls ? sectorClass(basis, cls.nganhNo as NganhNo, cls.nhom, r.set_key) : null,
      star: recognised ? star : star !== null && star <= 2 ? star : null,
      scoreCenti: p.meanSumCenti !== null && p.meanCount ? Math.round(p.meanSumCenti / p.meanCount) : null,
      authority: recognised ? recognitionFor(basis, star!, head.date).level : null,
      decisionNo: null,
      decisionDate: null,
      decisionSigner: '',
      certificateNo: null,
      endedOn: null,
      supersededById: null,
      revokedOn: null,
      revokeGround: null,
      revokeDecisionNo: null,
      revokeNote: '',
      womenLed: r.representative_gender === null ? null : r.representative_gender === 'female',
      ethnicMinority: r.representative_ethnic_minority === 1,
      note: prior ? factsOf(prior).note : '',
    };
    const cols = entryColumns(f, at);
    if (prior) await w.trx.updateTable('registry_entry').set(cols).where('id', '=', prior.id).execute();
    else
      touched.push(
        Number(
          (
            await w.trx
              .insertInto('registry_entry')
              .values({ ...cols, created_at: at })
              .executeTakeFirstOrThrow()
          ).insertId,
        ),
      );
    if (prior) touched.push(prior.id);
    if (recognised) counts.proposed++;
    else counts.notRecognised++;
  }
  if (touched.length > 0) {
    await w.audit({
      action: 'registry.propose',
      entity: 'session',
      entityId: sessionId,
      after: { finalizationId: fin.id, entryIds: touched, ...counts },
    });
  }
  return counts;
}

/** Refuses to reopen a session whose proposals the province has already decided on. */
export async function assertSessionUndecided(trx: Transaction<DB>, sessionId: number): Promise<void> {
  const decided = await trx
    .selectFrom('registry_entry')
    .select(['id', 'product_name', 'decision_no'])
    .where('session_id', '=', sessionId)
    .where('state', 'in', ['recognised', 'superseded', 'revoked'])
    .execute();
  if (decided.length > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${sessionId} cannot be reopened: the decision ${decided[0]!.decision_no} recognising ${decided.length} of its products (${decided
        .slice(0, 3)
        .map((d) => d.product_name)
        .join(
          ', ',
        )}${decided.length > 3 ? ', …' : ''}) is recorded in the registry. Correct or revoke those entries in the registry instead.`,
      { sessionId, entryIds: decided.map((d) => d.id) },
    );
  }
}

/** Sessions whose finalization in force is not in the registry, or whose proposals outlived a reopen. */
export async function pendingSessionIds(db: Db): Promise<number[]> {
  const rows = await sql<{ session_id: number }>`
    SELECT f.session_id FROM session_finalization f
    WHERE f.reopened_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM registry_entry e WHERE e.finalization_id = f.id)
    UNION
    SELECT e.session_id FROM registry_entry e
    WHERE e.origin = 'session' AND e.state IN ('proposed', 'not_recognised')
      AND NOT EXISTS (SELECT 1 FROM session_finalization f WHERE f.id = e.finalization_id AND f.reopened_at IS NULL)
    ORDER BY 1`.execute(db);
  return rows.rows.map((r) => r.session_id);
}

export async function syncAllSessions(w: Write): Promise<SyncCounts> {
  const total: SyncCounts = { proposed: 0, notRecognised: 0, withdrawn: 0 };
  for (const id of await pendingSessionIds(w.trx)) {
    const c = await syncSession(w, id);
    total.proposed += c.proposed;
    total.notRecognised += c.notRecognised;
    total.withdrawn += c.withdrawn;
  }
  return total;
}
