import type { ImportRowError } from '../../../../shared/api/fields';
import type { ProducerKind } from '../../../../shared/ocop/dossier-model';
import { compareIsoDates } from '../../../../shared/ocop/iso-date';
import { LEGAL_BASIS_IDS, type LegalBasisId } from '../../../../shared/ocop/legal-basis';
import { parseProducerKind } from '../../../../shared/ocop/producer-groups';
import { basisDateProblem, legalBasisOnDate } from '../../../../shared/ocop/registry-dates';
import { REVOKE_GROUNDS, validityFromDecision, type EntryKind, type RevokeGround } from '../../../../shared/ocop/registry-status';
import { isIsoDate } from '../../../../shared/ocop/reevaluation-window';
import { bandStarFromSum } from '../../../../shared/ocop/stars';
import { cleanLine, foldForSearch } from '../../../../shared/text/normalize';
import { cellCode, cellDate, cellInt, cellText, isBlank, type RawCell } from '../../dossiers/import/cell-values';
import { BASIS_LABELS, COLUMNS, GROUND_LABELS, KIND_LABELS, type Field } from './columns';
import type { RawRow } from './read';

/** One row of an earlier list, checked and read into the registry's terms (sector classified later). */
export interface ParsedRow {
  row: number;
  productName: string;
  producerName: string;
  producerKind: ProducerKind | null;
  address: string;
  district: string;
  commune: string;
  communeCode: string | null;
  communeName: string;
  provinceName: string;
  sectorText: string;
  star: number;
  scoreCenti: number | null;
  decisionNo: string | null;
  decisionDate: string | null;
  signer: string;
  year: number;
  roundNo: number | null;
  legalBasis: LegalBasisId;
  /** null: not written, decided from the product's history. */
  kind: EntryKind | null;
  certificateNo: string | null;
  productCode: string;
  womenLed: boolean | null;
  ethnicMinority: boolean | null;
  revokeDecisionNo: string | null;
  revokedOn: string | null;
  revokeGround: RevokeGround | null;
  note: string;
}

const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.field, c.header.replace('*', '')])) as Record<Field, string>;

function matchLabel<T extends string>(text: string, labels: Record<T, string>): T | null {
  const f = foldForSearch(text);
  for (const [key, label] of Object.entries(labels) as [T, string][]) {
    if (f === foldForSearch(label) || f === foldForSearch(key)) return key;
  }
  return null;
}

function parseBasis(text: string): LegalBasisId | null {
  const byLabel = matchLabel(text, BASIS_LABELS);
  if (byLabel) return byLabel;
  const f = foldForSearch(text);
  if (/(^|\D)1048(\D|$)/u.test(f)) return '1048/QĐ-TTg';
  if (/(^|\D)148(\D|$)/u.test(f)) return '148/QĐ-TTg';
  if (/(^|\D)26(\D|$)/u.test(f) && /2026/u.test(f)) return '26/2026/QĐ-TTg';
  return (LEGAL_BASIS_IDS as readonly string[]).includes(text.trim()) ? (text.trim() as LegalBasisId) : null;
}

function parseGround(text: string): RevokeGround | null {
  const byLabel = matchLabel(text, GROUND_LABELS);
  if (byLabel) return byLabel;
  const f = foldForSearch(text);
  // A label copied with its parenthesis cut off, or the start of one.
  for (const g of REVOKE_GROUNDS) if (f.length >= 8 && foldForSearch(GROUND_LABELS[g]).startsWith(f)) return g;
  return null;
}

function parseYesNo(v: RawCell): boolean | null | 'invalid' {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v;
  const f = foldForSearch(cellText(v));
  if (['co', 'x', '1', 'yes', 'true', 'nu'].includes(f)) return true;
  if (['khong', '0', 'no', 'false', 'nam', 'k'].includes(f)) return false;
  return 'invalid';
}

/** Points as written: 72,5 or 72.5 (at most two decimals), 0–100, in centi-points. */
function parsePoints(v: RawCell): number | null | 'invalid' {
  if (isBlank(v)) return null;
  const t = typeof v === 'number' ? String(v) : cellText(v).replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/u.test(t)) return 'invalid';
  const centi = Math.round(Number(t) * 100);
  return centi >= 0 && centi <= 10_000 ? centi : 'invalid';
}

export function parseRow(raw: RawRow, sheet: string, today: string): { row?: ParsedRow; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const c = { ...raw.cells };
  const err = (field: Field, code: string, message: string, params: Record<string, string | number> = {}) =>
    errors.push({ sheet, row: raw.row, column: HEADER[field], code, message: `${HEADER[field]}: ${message}`, params });
  const text = (field: Field, max = 300): string => {
    const t = cleanLine(cellText(c[field] ?? null));
    if (t.length > max) err(field, 'too_long', `at most ${max} characters`, { value: t.slice(0, 40) });
    return t;
  };
  const required = (field: Field, max = 300): string => {
    const t = text(field, max);
    if (t === '') err(field, 'required', 'this cell is required');
    return t;
  };
  const date = (field: Field): string | null => {
    const v = c[field] ?? null;
    if (isBlank(v)) return null;
    const d = cellDate(v);
    if (!isIsoDate(d)) {
      err(field, 'invalid_date', `"${cellText(v)}" is not a date; write day/month/year, e.g. 15/03/2024`, { value: cellText(v) });
      return null;
    }
    if (compareIsoDates(d, today) > 0) err(field, 'future_date', `${d} is after today (${today})`, { value: d });
    return d;
  };
  const int = (field: Field, min: number, max: number): number | null => {
    const v = c[field] ?? null;
    if (isBlank(v)) return null;
    const n = cellInt(v);
    if (typeof n !== 'number') {
      err(field, 'invalid_number', `"${n}" is not a whole number`, { value: String(n) });
      return null;
    }
    if (n < min || n > max) {
      err(field, 'out_of_range', `${n} is outside ${min}–${max}`, { value: n });
      return null;
    }
    return n;
  };

  const productName = required('productName');
  const producerName = required('producerName');
  const kindText = text('producerKind');
  // Not written: read from the start of the producer's name ("HTX …"), else not recorded.
  const producerKind: ProducerKind | null = parseProducerKind(kindText !== '' ? kindText : producerName);
  if (kindText !== '' && !producerKind) {
    err('producerKind', 'invalid_choice', `"${kindText}" is not a kind of producer in the list`, { value: kindText });
  }
  const communeRaw = c.communeCode ?? null;
  let communeCode: string | null = null;
  if (!isBlank(communeRaw)) {
    communeCode = cellCode(communeRaw, 5);
    if (!/^\d{5}$/u.test(communeCode)) {
      err('communeCode', 'invalid_commune_code', `"${communeCode}" must be 5 digits (QĐ 19/2025/QĐ-TTg), e.g. 00004`, {
        value: communeCode,
      });
      communeCode = null;
    }
  }
  const communeName = text('communeName', 120);
  if (communeCode && communeName === '') {
    err('communeName', 'commune_name_required', 'give the current commune’s name with its code', { value: communeCode });
  }
  const sectorText = required('sector');
  // Lists often write the rank as "4 sao" or "4★": the digit is the star.
  const starWritten = /^\s*([1-5])\s*(sao|★+|\*)\s*$/iu.exec(cellText(c.star ?? null));
  if (starWritten) c.star = Number(starWritten[1]);
  const star = int('star', 1, 5);
  if (star === null && isBlank(c.star ?? null)) err('star', 'required', 'this cell is required');
  const points = parsePoints(c.points ?? null);
  if (points === 'invalid') {
    err('points', 'invalid_points', `"${cellText(c.points ?? null)}" is not a score from 0 to 100 with at most two decimals`, {
      value: cellText(c.points ?? null),
    });
  }
  const decisionNo = text('decisionNo', 60) || null;
  const decisionDate = date('decisionDate');
  const year = int('year', 2018, 2100);
  if (year === null && isBlank(c.year ?? null)) err('year', 'required', 'this cell is required');
  const roundNo = int('roundNo', 1, 99);

  const basisText = text('legalBasis');
  let legalBasis: LegalBasisId | null = null;
  if (basisText !== '') {
    legalBasis = parseBasis(basisText);
    if (!legalBasis)
      err('legalBasis', 'invalid_choice', `"${basisText}" is not one of the three decisions`, { value: basisText });
  } else if (decisionDate || year !== null) {
    legalBasis = legalBasisOnDate(decisionDate ?? `${year}-12-31`);
    if (!legalBasis) err('legalBasis', 'basis_unknown', 'no OCOP criteria decision was in force then; write the legal basis');
  }
  const when = decisionDate ?? (year !== null ? `${year}-12-31` : null);
  if (legalBasis && when) {
    const problem = basisDateProblem(legalBasis, when);
    if (problem) err('legalBasis', 'basis_after_date', problem, { value: legalBasis });
  }

  const kindCell = text('kind');
  let kind: EntryKind | null = null;
  if (kindCell !== '') {
    kind = matchLabel(kindCell, KIND_LABELS);
    if (!kind) err('kind', 'invalid_choice', `"${kindCell}" is not Lần đầu, Nâng hạng or Đánh giá lại`, { value: kindCell });
  }

  if (star !== null && star >= 3) {
    if (!decisionNo)
      err('decisionNo', 'decision_required', 'a product of 3 stars or more was recognised by a decision: write its number');
    if (!decisionDate && isBlank(c.decisionDate ?? null)) {
      err('decisionDate', 'decision_required', 'a product of 3 stars or more was recognised by a decision: write its date');
    }
  } else if (star !== null && (decisionNo || decisionDate)) {
    err(
      'decisionNo',
      'decision_below_3',
      `a ${star}-star result gets no recognition decision (Đ4.1a); leave the decision empty or check the star`,
      {
        value: star,
      },
    );
  }
  if (decisionDate && year !== null) {
    if (decisionDate < `${year}-01-01`) {
      err('decisionDate', 'decision_before_year', `${decisionDate} is before the evaluation year ${year}`, {
        value: decisionDate,
      });
    } else if (decisionDate > `${year + 1}-12-31`) {
      err(
        'decisionDate',
        'decision_long_after_year',
        `${decisionDate} is more than a year after the evaluation year ${year}; check the year`,
        {
          value: decisionDate,
        },
      );
    }
  }
  if (star !== null && star >= 3 && typeof points === 'number' && legalBasis) {
    const band = bandStarFromSum(points, 1, legalBasis);
    if (star > band) {
      err('star', 'star_above_band', `${points / 100} points is ${band} stars under ${legalBasis}; the row says ${star}`, {
        value: star,
        band,
      });
    }
  }

  const womenLed = parseYesNo(c.womenLed ?? null);
  if (womenLed === 'invalid') err('womenLed', 'invalid_choice', 'write Có or Không', { value: cellText(c.womenLed ?? null) });
  const ethnicMinority = parseYesNo(c.ethnicMinority ?? null);
  if (ethnicMinority === 'invalid') {
    err('ethnicMinority', 'invalid_choice', 'write Có or Không', { value: cellText(c.ethnicMinority ?? null) });
  }

  const revokeDecisionNo = text('revokeDecisionNo', 60) || null;
  const revokedOn = date('revokedOn');
  const groundText = text('revokeGround');
  let revokeGround: RevokeGround | null = null;
  if (groundText !== '') {
    revokeGround = parseGround(groundText);
    if (!revokeGround)
      err('revokeGround', 'invalid_choice', `"${groundText}" is not one of the six grounds of Điều 8`, { value: groundText });
  }
  const revoking = revokeDecisionNo !== null || revokedOn !== null || groundText !== '';
  if (revoking) {
    if (!revokedOn && isBlank(c.revokedOn ?? null)) err('revokedOn', 'revocation_incomplete', 'a revocation needs its date');
    if (!revokeDecisionNo) err('revokeDecisionNo', 'revocation_incomplete', 'a revocation needs the number of its decision');
    if (groundText === '') err('revokeGround', 'revocation_incomplete', 'a revocation needs one of the grounds of Điều 8');
    if (star !== null && star < 3)
      err(
        'revokedOn',
        'revocation_not_recognised',
        'only a recognised product (3 stars or more) can have its certificate revoked',
      );
    if (revokedOn && decisionDate && legalBasis) {
      const v = validityFromDecision(decisionDate, legalBasis);
      if (revokedOn < v.validFrom) {
        err('revokedOn', 'revoked_before_decision', `${revokedOn} is before the decision (${decisionDate})`, {
          value: revokedOn,
        });
      } else if (revokedOn > v.validTo) {
        err('revokedOn', 'revoked_after_expiry', `${revokedOn} is after the certificate expired (${v.validTo})`, {
          value: revokedOn,
        });
      }
    }
  }

  const out: ParsedRow = {
    row: raw.row,
    productName,
    producerName,
    producerKind,
    address: text('address'),
    district: text('district', 120),
    commune: text('commune', 120),
    communeCode,
    communeName,
    provinceName: text('provinceName', 120),
    sectorText,
    star: star ?? 0,
    scoreCenti: typeof points === 'number' ? points : null,
    decisionNo,
    decisionDate,
    signer: text('signer', 200),
    year: year ?? 0,
    roundNo,
    legalBasis: legalBasis ?? '26/2026/QĐ-TTg',
    kind,
    certificateNo: text('certificateNo', 60) || null,
    productCode: text('productCode', 60),
    womenLed: womenLed === 'invalid' ? null : womenLed,
    ethnicMinority: ethnicMinority === 'invalid' ? null : ethnicMinority,
    revokeDecisionNo,
    revokedOn,
    revokeGround,
    note: text('note', 2000),
  };
  return errors.length > 0 ? { errors } : { row: out, errors };
}
