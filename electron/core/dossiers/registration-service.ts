import type { Kysely, Transaction } from 'kysely';
import type {
  RegistrationCreateData,
  RegistrationDetail,
  RegistrationUpdateData,
} from '../../../shared/api/channels/dossiers-fields';
import { formatRegistrationNo, parseRegistrationNo, serialSeq } from '../../../shared/ocop/codes';
import { canChangeStatus, isFrozenStatus, UPGRADE_FROM_STARS, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import { certificateExpiry } from '../../../shared/ocop/reevaluation-window';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { runWrite, type Call, type Write } from '../handlers';
import { countBySha } from './attachment-repo';
import { removeContent } from './attachment-store';
import { latestSetVersion, setVersionRef, type SetVersionRef } from './criteria-pin';
import { auditDossier } from './dossier-audit';
import { fieldError, withTriggerErrors } from './dossier-common';
import { registrationDetail } from './registration-detail';
import {
  appendStatusEvent,
  findRegistrationId,
  findRegistrationIdByNo,
  getRegistrationRecord,
  insertRegistration,
  nextRegistrationSeq,
  setStatusRow,
  updateRegistrationRow,
  type RegistrationValues,
} from './registration-repo';

type RegistrationFields = Omit<RegistrationCreateData, 'productId' | 'roundId' | 'criteriaSetVersionId'>;

/**
 * What the kind of registration requires (Mẫu 01 item 4; Đ7.5, Đ7.6): a first registration
 * has no certificate; an upgrade starts from 3★ or 4★; a re-evaluation from a certificate whose
 * expiry is known (derived from the issue date when only that is given: 36 months, Đ4.3).
 */
export function checkKindFields(d: RegistrationFields): RegistrationFields {
  const out = { ...d };
  if (d.kind === 'first') {
    if (d.currentStars !== null)
      throw fieldError(
        'currentStars',
        'a first registration has no current star rank; choose "upgrade" or "re-evaluation" for a certified product',
        { rule: 'first_has_stars' },
      );
    if (d.certificateNo || d.certificateIssuedOn || d.certificateExpiresOn)
      throw fieldError(
        'certificateNo',
        'a first registration has no certificate; choose "upgrade" or "re-evaluation" for a certified product',
        { rule: 'first_has_certificate' },
      );
  } else {
    if (d.currentStars === null)
      throw fieldError(
        'currentStars',
        `the current star rank (3, 4 or 5) is required for ${d.kind === 'upgrade' ? 'an upgrade' : 'a re-evaluation'}`,
        { rule: d.kind === 'upgrade' ? 'upgrade_stars_required' : 'reevaluation_stars_required' },
      );
    if (d.kind === 'upgrade' && !(UPGRADE_FROM_STARS as readonly number[]).includes(d.currentStars))
      throw fieldError('currentStars', `a ${d.currentStars}★ product cannot be upgraded; upgrades start from 3★ or 4★`, {
        rule: 'upgrade_from',
      });
    if (d.kind === 'reevaluation' && !out.certificateExpiresOn) {
      if (!d.certificateIssuedOn)
        throw fieldError('certificateExpiresOn', 'a re-evaluation needs the certificate expiry date (or its issue date)', {
          rule: 'expiry_required',
        });
      out.certificateExpiresOn = certificateExpiry(d.certificateIssuedOn);
    }
  }
  if (out.certificateIssuedOn && out.certificateExpiresOn && out.certificateExpiresOn <= out.certificateIssuedOn)
    throw fieldError(
      'certificateExpiresOn',
      `the certificate expiry ${out.certificateExpiresOn} must be after its issue date ${out.certificateIssuedOn}`,
      { rule: 'expiry_after_issue' },
    );
  if (d.receivedCommuneOn && d.receivedProvinceOn && d.receivedProvinceOn < d.receivedCommuneOn)
    throw fieldError(
      'receivedProvinceOn',
      `the province receives the dossier (${d.receivedProvinceOn}) after the commune does (${d.receivedCommuneOn})`,
      { rule: 'province_after_commune' },
    );
  return out;
}

interface Context {
  productId: number;
  setKey: string;
  provinceCode: string;
  communeCode: string;
  roundId: number;
  roundYear: number;
  legalBasis: string;
}

async function contextOf(db: Kysely<DB>, productId: number, roundId: number): Promise<Context> {
  const p = await db
    .selectFrom('product')
    .innerJoin('producer', 'producer.id', 'product.producer_id')
    .select(['product.id', 'product.set_key', 'producer.province_code', 'producer.commune_code'])
    .where('product.id', '=', productId)
    .executeTakeFirst();
  if (!p)
    throw new CoreError('NOT_FOUND', `productId: product ${productId} does not exist`, { field: 'productId', id: productId });
  const r = await db
    .selectFrom('evaluation_round')
    .select(['id', 'year', 'legal_basis'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!r)
    throw new CoreError('NOT_FOUND', `roundId: evaluation round ${roundId} does not exist`, { field: 'roundId', id: roundId });
  return {
    productId: p.id,
    setKey: p.set_key,
    provinceCode: p.province_code,
    communeCode: p.commune_code,
    roundId: r.id,
    roundYear: r.year,
    legalBasis: r.legal_basis,
  };
}

/** The version to pin: the one asked for, else the newest of the product's set; it must belong to the round's legal basis. */
async function pinVersion(db: Kysely<DB>, c: Context, requested: number | null): Promise<SetVersionRef> {
  const v = requested !== null ? await setVersionRef(db, requested) : await latestSetVersion(db, c.setKey);
  if (!v) {
    throw requested !== null
      ? fieldError('criteriaSetVersionId', `criteria set version ${requested} does not exist`)
      : fieldError('criteriaSetVersionId', `no version of the product's criteria set "${c.setKey}" is installed`);
  }
  if (v.decision !== c.legalBasis) {
    throw fieldError(
      'criteriaSetVersionId',
      `criteria set ${v.setKey} v${v.version} belongs to ${v.decision}, but the round is judged under ${c.legalBasis}`,
    );
  }
  return v;
}

async function registrationNumber(db: Kysely<DB>, c: Context, given: string | null, selfId: number | null) {
  let parts = given ? parseRegistrationNo(given)! : null;
  if (!parts) {
    const seq = await nextRegistrationSeq(db, c.communeCode, c.roundYear);
    parts = { serial: String(seq), provinceCode: c.provinceCode, communeCode: c.communeCode, year: c.roundYear };
  }
  const text = formatRegistrationNo(parts);
  const other = await findRegistrationIdByNo(db, text);
  if (other !== undefined && other !== selfId) {
    throw new CoreError(
      'CONFLICT',
      `registrationNo: form number ${text} is already used by registration #${other}; leave it empty to get the next free number`,
      {
        field: 'registrationNo',
        existingId: other,
      },
    );
  }
  return {
    registrationNo: text,
    regProvince: parts.provinceCode,
    regCommune: parts.communeCode,
    regYear: parts.year,
    regSeq: serialSeq(parts.serial),
  };
}

/** Validates and inserts a registration in the caller's transaction (shared with the registry's re-evaluations). */
export async function insertRegistrationChecked({ trx, at: now, actor }: Write, d: RegistrationCreateData): Promise<number> {
  const c = await contextOf(trx, d.productId, d.roundId);
  const f = checkKindFields(d);
  const existing = await findRegistrationId(trx, d.productId, d.roundId);
  if (existing !== undefined) {
    throw new CoreError('CONFLICT', `roundId: this product is already registered in the round (registration #${existing})`, {
      field: 'roundId',
      existingId: existing,
    });
  }
  const version = await pinVersion(trx, c, d.criteriaSetVersionId);
  const no = await registrationNumber(trx, c, d.registrationNo, null);
  const at = now.toISOString();
  const values: RegistrationValues = {
    ...fieldsToValues(f),
    productId: d.productId,
    roundId: d.roundId,
    criteriaSetVersionId: version.id,
    ...no,
  };
  const id = await insertRegistration(trx, values, at);
  await appendStatusEvent(trx, { registrationId: id, from: null, to: 'received', at, actor, note: '' });
  return id;
}

const fieldsToValues = (f: RegistrationFields) => ({
  kind: f.kind,
  currentStars: f.currentStars,
  certificateNo: f.certificateNo,
  certificateIssuedOn: f.certificateIssuedOn,
  certificateExpiresOn: f.certificateExpiresOn,
  receivedCommuneOn: f.receivedCommuneOn,
  receivedProvinceOn: f.receivedProvinceOn,
  receiverName: f.receiverName,
  sampleCount: f.sampleCount,
  note: f.note,
});

/** Validates and rewrites the dossier fields in the caller's transaction; empty number/version keep the current ones. */
async function updateRegistrationChecked({ trx, at }: Write, d: RegistrationUpdateData): Promise<void> {
  const r = await getRegistrationRecord(trx, d.id);
  if (!r) throw notFound('registration', d.id);
  if (isFrozenStatus(r.status as RegistrationStatus))
    throw new CoreError('IMMUTABLE', `registration #${d.id} has been evaluated; its dossier can no longer change`);
  const c = await contextOf(trx, r.product_id, r.round_id);
  const f = checkKindFields(d);
  let versionId = r.criteria_set_version_id;
  if (d.criteriaSetVersionId !== null && d.criteriaSetVersionId !== versionId) {
    const answers = await trx
      .selectFrom('self_assessment_answer')
      .select('criterion_code')
      .where('registration_id', '=', d.id)
      .limit(1)
      .execute();
    if (answers.length > 0)
      throw new CoreError(
        'IMMUTABLE',
        `criteriaSetVersionId: registration #${d.id} has a self-assessment on its criteria set; the set cannot be changed`,
        { field: 'criteriaSetVersionId' },
      );
    versionId = (await pinVersion(trx, c, d.criteriaSetVersionId)).id;
  }
  const no = await registrationNumber(trx, c, d.registrationNo ?? r.registration_no, d.id);
  await updateRegistrationRow(
    trx,
    d.id,
    { ...fieldsToValues(f), productId: r.product_id, roundId: r.round_id, criteriaSetVersionId: versionId, ...no },
    at.toISOString(),
  );
}

export async function createRegistration(w: Write, d: RegistrationCreateData): Promise<RegistrationDetail> {
  const id = await insertRegistrationChecked(w, d);
  const after = await registrationDetail(w.trx, w.ctx, id);
  await w.audit({ action: 'registrations.create', entity: 'registration', entityId: id, after: auditView(after) });
  return after;
}

export async function updateRegistration(w: Write, d: RegistrationUpdateData): Promise<RegistrationDetail> {
  return withTriggerErrors(async () => {
    const before = await registrationDetail(w.trx, w.ctx, d.id);
    await updateRegistrationChecked(w, d);
    const after = await registrationDetail(w.trx, w.ctx, d.id);
    await w.audit({
      action: 'registrations.update',
      entity: 'registration',
      entityId: d.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/**
 * Moves a registration to another stage and records who/when/why. Exported for the councils,
 * scoring and results areas (agenda → on_agenda, scored → evaluated, ranked → result); call it
 * inside their transaction.
 */
export async function changeRegistrationStatus(
  trx: Transaction<DB>,
  ctx: CoreContext,
  e: { actor: string; registrationId: number; to: RegistrationStatus; note?: string },
): Promise<void> {
  const r = await getRegistrationRecord(trx, e.registrationId);
  if (!r) throw notFound('registration', e.registrationId);
  const from = r.status as RegistrationStatus;
  if (!canChangeStatus(from, e.to)) {
    throw new CoreError('FORBIDDEN_STATE', `status: registration #${e.registrationId} cannot go from "${from}" to "${e.to}"`, {
      field: 'status',
      from,
      to: e.to,
    });
  }
  const at = ctx.now().toISOString();
  await withTriggerErrors(() => setStatusRow(trx, e.registrationId, e.to, at));
  await appendStatusEvent(trx, { registrationId: e.registrationId, from, to: e.to, at, actor: e.actor, note: e.note ?? '' });
  await auditDossier(trx, ctx, {
    actor: e.actor,
    action: 'registrations.status',
    entity: 'registration',
    entityId: e.registrationId,
    before: { status: from },
    after: { status: e.to, note: e.note ?? '' },
  });
}

export async function setRegistrationStatus(
  w: Write,
  { id, status, note }: { id: number; status: RegistrationStatus; note: string },
): Promise<RegistrationDetail> {
  await changeRegistrationStatus(w.trx, w.ctx, { actor: w.actor, registrationId: id, to: status, note });
  return registrationDetail(w.trx, w.ctx, id);
}

/**
 * Deletes a registration entered by mistake, with its answers, report and evidence. Refused
 * once evaluated; a registration on a session agenda is refused by the councils' foreign key.
 * A task: the evidence files go only after the commit, so a rolled-back delete still finds them.
 */
export async function deleteRegistration(call: Call, { id }: { id: number }): Promise<{ deleted: true }> {
  const freed = await withTriggerErrors(() =>
    runWrite(call, async ({ trx, ctx, audit }) => {
      const before = await registrationDetail(trx, ctx, id);
      if (before.frozen) throw new CoreError('IMMUTABLE', `registration #${id} has been evaluated and cannot be deleted`);
      if (before.status === 'on_agenda')
        throw new CoreError('FORBIDDEN_STATE', `registration #${id} is on a session agenda; take it off the agenda first`);
      await trx.deleteFrom('attachment').where('registration_id', '=', id).execute();
      await trx.deleteFrom('registration').where('id', '=', id).execute();
      await audit({ action: 'registrations.delete', entity: 'registration', entityId: id, before: auditView(before) });
      const orphans: string[] = [];
      for (const a of before.attachments) if ((await countBySha(trx, a.sha256)) === 0) orphans.push(a.sha256);
      return orphans;
    }),
  );
  for (const sha of new Set(freed)) removeContent(call.ctx.paths.attachmentsDir, sha);
  return { deleted: true };
}

/** What the audit log keeps of a registration: its own fields and ids, not the joined copies of product and producer. */
export function auditView(d: RegistrationDetail) {
  return {
    id: d.id,
    registrationNo: d.registrationNo,
    kind: d.kind,
    currentStars: d.currentStars,
    certificateNo: d.certificateNo,
    certificateIssuedOn: d.certificateIssuedOn,
    certificateExpiresOn: d.certificateExpiresOn,
    receivedCommuneOn: d.receivedCommuneOn,
    receivedProvinceOn: d.receivedProvinceOn,
    receiverName: d.receiverName,
    sampleCount: d.sampleCount,
    status: d.status,
    note: d.note,
    productId: d.product.id,
    producerId: d.producer.id,
    roundId: d.round.id,
    criteriaSetVersionId: d.criteriaSet.id,
    attachmentCount: d.attachments.length,
  };
}
