import type { Insertable } from 'kysely';
import { PRODUCER_KINDS, type ProducerKind } from '../../../shared/ocop/dossier-model';
import type { LegalBasisId } from '../../../shared/ocop/legal-basis';
import { producerGroupOf } from '../../../shared/ocop/producer-groups';
import { validityFromDecision, type EntryKind, type EntryState } from '../../../shared/ocop/registry-status';
import { isNganhNo, type SectorClass } from '../../../shared/ocop/registry-sectors';
import { cleanLine, foldForSearch } from '../../../shared/text/normalize';
import type { RegistryEntryTable } from '../db/tables/registry';
import { basisOf, kindOf, stateOf, type EntryRow } from './entry-repo';

/**
 * Everything an entry says, before the columns the app derives from it (producer and commune
 * keys, the search text, the validity). One place computes the derived columns, so an imported
 * entry, a session's proposal and an edited entry can never disagree on them.
 */
export interface EntryFacts {
  origin: 'session' | 'import' | 'manual';
  sessionId: number | null;
  finalizationId: number | null;
  registrationId: number | null;
  productId: number | null;
  producerId: number | null;
  importKey: string | null;
  importId: number | null;
  sourceRow: number | null;
  kind: EntryKind;
  followsId: number | null;
  state: EntryState;
  legalBasis: LegalBasisId;
  year: number;
  roundNo: number | null;
  productName: string;
  productCode: string;
  producerName: string;
  producerKind: ProducerKind | null;
  addressText: string;
  districtText: string;
  communeText: string;
  communeCode: string | null;
  communeName: string;
  provinceName: string;
  sectorText: string;
  sector: SectorClass | null;
  star: number | null;
  scoreCenti: number | null;
  authority: 'district' | 'province' | 'central' | null;
  decisionNo: string | null;
  decisionDate: string | null;
  decisionSigner: string;
  certificateNo: string | null;
  endedOn: string | null;
  supersededById: number | null;
  revokedOn: string | null;
  revokeGround: string | null;
  revokeDecisionNo: string | null;
  revokeNote: string;
  womenLed: boolean | null;
  ethnicMinority: boolean | null;
  note: string;
}

export const producerKeyOf = (producerId: number | null, producerName: string): string =>
  producerId !== null ? `p:${producerId}` : `n:${foldForSearch(producerName)}`;

/** Communes are grouped by their current code when known; otherwise by the old district and commune as written. */
export function communeKeyOf(communeCode: string | null, districtText: string, communeText: string, communeName: string): string {
  if (communeCode) return `c:${communeCode}`;
  const old = [districtText, communeText || communeName].map((s) => foldForSearch(s)).join('|');
  return old === '|' ? 'o:' : `o:${old}`;
}

const bit = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

export function entryColumns(f: EntryFacts, at: string): Omit<Insertable<RegistryEntryTable>, 'created_at'> {
  const validity = f.decisionDate ? validityFromDecision(f.decisionDate, f.legalBasis) : null;
  const search = [
    f.productName,
    f.producerName,
    f.productCode,
    f.communeName,
    f.communeText,
    f.districtText,
    f.addressText,
    f.decisionNo ?? '',
    f.certificateNo ?? '',
    f.sectorText,
  ]
    .map((s) => foldForSearch(s))
    .filter((s) => s !== '')
    .join(' ');
  return {
    origin: f.origin,
    session_id: f.sessionId,
    finalization_id: f.finalizationId,
    registration_id: f.registrationId,
    product_id: f.productId,
    producer_id: f.producerId,
    import_key: f.importKey,
    import_id: f.importId,
    source_row: f.sourceRow,
    kind: f.kind,
    follows_id: f.followsId,
    state: f.state,
    legal_basis: f.legalBasis,
    year: f.year,
    round_no: f.roundNo,
    product_name: cleanLine(f.productName),
    product_code: cleanLine(f.productCode),
    producer_name: cleanLine(f.producerName),
    producer_key: producerKeyOf(f.producerId, f.producerName),
    producer_kind: f.producerKind,
    producer_group: f.producerKind ? producerGroupOf(f.producerKind) : null,
    address_text: cleanLine(f.addressText),
    district_text: cleanLine(f.districtText),
    commune_text: cleanLine(f.communeText),
    commune_code: f.communeCode,
    commune_name: cleanLine(f.communeName),
    province_name: cleanLine(f.provinceName),
    commune_key: communeKeyOf(f.communeCode, f.districtText, f.communeText, f.communeName),
    sector_text: cleanLine(f.sectorText),
    basis_sector: f.sector?.basisSector ?? '',
    nganh_no: f.sector?.nganhNo ?? null,
    nhom: f.sector?.nhom ?? null,
    set_key: f.sector?.setKey ?? null,
    star: f.star,
    score_centi: f.scoreCenti,
    authority: f.authority,
    decision_no: f.decisionNo,
    decision_date: f.decisionDate,
    decision_signer: f.decisionSigner,
    certificate_no: f.certificateNo,
    valid_from: validity?.validFrom ?? null,
    valid_to: validity?.validTo ?? null,
    window_opens_on: validity?.windowOpensOn ?? null,
    window_closes_on: validity?.windowClosesOn ?? null,
    ended_on: f.endedOn,
    superseded_by_id: f.supersededById,
    revoked_on: f.revokedOn,
    revoke_ground: f.revokeGround,
    revoke_decision_no: f.revokeDecisionNo,
    revoke_note: f.revokeNote,
    women_led: bit(f.womenLed),
    ethnic_minority: bit(f.ethnicMinority),
    note: f.note,
    search_folded: search,
    updated_at: at,
  };
}

/** The facts of a stored entry (to change some and write the derived columns again). */
export function factsOf(r: EntryRow): EntryFacts {
  const kindOk = (PRODUCER_KINDS as readonly string[]).includes(r.producer_kind ?? '');
  return {
    origin: r.origin as EntryFacts['origin'],
    sessionId: r.session_id,
    finalizationId: r.finalization_id,
    registrationId: r.registration_id,
    productId: r.product_id,
    producerId: r.producer_id,
    importKey: r.import_key,
    importId: r.import_id,
    sourceRow: r.source_row,
    kind: kindOf(r),
    followsId: r.follows_id,
    state: stateOf(r),
    legalBasis: basisOf(r),
    year: r.year,
    roundNo: r.round_no,
    productName: r.product_name,
    productCode: r.product_code,
    producerName: r.producer_name,
    producerKind: kindOk ? (r.producer_kind as ProducerKind) : null,
    addressText: r.address_text,
    districtText: r.district_text,
    communeText: r.commune_text,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    provinceName: r.province_name,
    sectorText: r.sector_text,
    sector:
      r.nganh_no !== null && isNganhNo(r.nganh_no)
        ? { nganhNo: r.nganh_no, nhom: r.nhom, setKey: r.set_key, basisSector: r.basis_sector }
        : null,
    star: r.star,
    scoreCenti: r.score_centi,
    authority: r.authority as EntryFacts['authority'],
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    decisionSigner: r.decision_signer,
    certificateNo: r.certificate_no,
    endedOn: r.ended_on,
    supersededById: r.superseded_by_id,
    revokedOn: r.revoked_on,
    revokeGround: r.revoke_ground,
    revokeDecisionNo: r.revoke_decision_no,
    revokeNote: r.revoke_note,
    womenLed: r.women_led === null ? null : r.women_led === 1,
    ethnicMinority: r.ethnic_minority === null ? null : r.ethnic_minority === 1,
    note: r.note,
  };
}
