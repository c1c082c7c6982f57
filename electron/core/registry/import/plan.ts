import { createHash } from 'node:crypto';
import type { RegistryImportResult, SectorChoiceInput, SectorReview } from '../../../../shared/api/channels/registry';
import type { ImportRowError } from '../../../../shared/api/fields';
import { recognitionFor, type LegalBasisId, type Star } from '../../../../shared/ocop/legal-basis';
import { validityFromDecision, type EntryKind, type EntryState } from '../../../../shared/ocop/registry-status';
import { applySectorChoice, classifySector, sectorTextKey, type SectorClass } from '../../../../shared/ocop/registry-sectors';
import { foldForSearch } from '../../../../shared/text/normalize';
import { classificationTree } from '../../dossiers/classification-tree';
import type { Db, EntryRow } from '../entry-repo';
import { entryColumns, type EntryFacts } from '../entry-values';
import type { ParsedRow } from './parse-row';

/**
 * What an import will do, decided before anything is written: each row's classification, the
 * recognition it follows (same product code, or same product and producer names), its state
 * (recognised, superseded by a later row, revoked, not recognised), and whether it is new,
 * already in the registry unchanged, different (update or skip), or already there from a
 * session of this app. Same rows → same keys → same plan: a re-import changes nothing.
 */

export type Action = 'create' | 'update' | 'unchanged' | 'skip' | 'session';

export type Ref = { file: number } | { db: number };

export interface Planned {
  index: number;
  row: ParsedRow;
  key: string;
  facts: EntryFacts;
  follows: Ref | null;
  /** The later row of the file that supersedes this one (set when that row is decided). */
  supersededBy: number | null;
  /** The recognition this row supersedes once written (its certificate stops on this row's decision date). */
  supersedes: { target: Ref; endedOn: string } | null;
  action: Action;
  existingId: number | null;
}

export interface Plan {
  sheet: string;
  entries: Planned[];
  /** In chronological order: what a successor may link to is written before it. */
  order: number[];
  sectors: SectorReview[];
  /** Choices given with this import, to remember once it is written. */
  newChoices: SectorChoiceInput[];
  unlinked: { row: number; product: string; producer: string }[];
}

const fold = (s: string): string => foldForSearch(s);

/** What identifies a row across re-imports: its basis, year, decision (or its not-recognised result), product and producer. */
export function importKeyOf(r: ParsedRow): string {
  const id = [
    r.legalBasis,
    r.year,
    r.decisionNo ? fold(r.decisionNo) : `nr${r.roundNo ?? ''}`,
    fold(r.productName),
    fold(r.producerName),
  ].join('|');
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 40);
}

const identitiesOf = (productCode: string, productName: string, producerName: string): string[] => [
  ...(productCode.trim() ? [`c:${fold(productCode)}`] : []),
  `n:${fold(productName)}|${fold(producerName)}`,
];

/** The day a row counts from in the product's history. */
const whenOf = (r: ParsedRow): string => r.decisionDate ?? `${r.year}-07-01`;

// ───────────────────────────── sectors ─────────────────────────────

export interface SavedChoice {
  legal_basis: string;
  text_folded: string;
  nganh_no: string;
  nhom: string | null;
}

export function reviewSectors(
  rows: readonly ParsedRow[],
  saved: readonly SavedChoice[],
  given: readonly SectorChoiceInput[],
  sheet: string,
): { classes: Map<string, SectorClass>; reviews: SectorReview[]; errors: ImportRowError[]; newChoices: SectorChoiceInput[] } {
  const groups = new Map<string, { basis: LegalBasisId; text: string; rows: number[] }>();
  for (const r of rows) {
    const k = sectorTextKey(r.legalBasis, r.sectorText);
    const g = groups.get(k) ?? { basis: r.legalBasis, text: r.sectorText, rows: [] };
    g.rows.push(r.row);
    groups.set(k, g);
  }
  const givenBy = new Map(given.map((c) => [sectorTextKey(c.legalBasis, c.text), c]));
  const savedBy = new Map(saved.map((s) => [`${s.legal_basis}|${s.text_folded}`, s]));
  const classes = new Map<string, SectorClass>();
  const reviews: SectorReview[] = [];
  const errors: ImportRowError[] = [];
  const newChoices: SectorChoiceInput[] = [];
  for (const [k, g] of groups) {
    const m = classifySector(classificationTree, g.basis, g.text);
    const choice = givenBy.get(k) ?? savedBy.get(k);
    let status: SectorReview['status'] = m.status;
    let match = m.match;
    if (choice) {
      const c =
        'nganhNo' in choice
          ? { nganhNo: choice.nganhNo, nhom: choice.nhom ?? null }
          : { nganhNo: choice.nganh_no, nhom: choice.nhom };
      try {
        match = applySectorChoice(classificationTree, g.basis, c as Parameters<typeof applySectorChoice>[2]);
        status = 'confirmed';
        const g2 = givenBy.get(k);
        const s2 = savedBy.get(k);
        if (g2 && (!s2 || s2.nganh_no !== g2.nganhNo || (s2.nhom ?? null) !== (g2.nhom ?? null))) newChoices.push(g2);
      } catch (e) {
        errors.push({
          sheet,
          row: g.rows[0],
          code: 'sector_choice_invalid',
          message: `Sector "${g.text}" (${g.basis}): ${e instanceof Error ? e.message : String(e)}`,
          params: { value: g.text },
        });
        match = null;
      }
    }
    if (match) classes.set(k, match);
    else if (!errors.some((e) => e.params?.value === g.text)) {
      errors.push({
        sheet,
        row: g.rows[0],
        column: 'Ngành, nhóm sản phẩm (như đã ghi)',
        code: m.status === 'ambiguous' ? 'sector_ambiguous' : 'sector_unknown',
        message: `Sector "${g.text}" under ${g.basis} ${
          m.status === 'ambiguous'
            ? `can be read as ngành ${m.candidates.map((c) => c.nganhNo).join(' or ')}`
            : 'matches no ngành'
        } (rows ${g.rows.slice(0, 8).join(', ')}${g.rows.length > 8 ? ', …' : ''}); confirm its classification`,
        params: { value: g.text, rows: g.rows.length },
      });
    }
    reviews.push({ legalBasis: g.basis, text: g.text, rows: g.rows.length, status, match, candidates: m.candidates });
  }
  reviews.sort(
    (a, b) => Number(a.match !== null) - Number(b.match !== null) || b.rows - a.rows || a.text.localeCompare(b.text, 'vi'),
  );
  return { classes, reviews, errors, newChoices };
}

// ───────────────────────────── chains and states ─────────────────────────────

interface Decided {
  ref: Ref;
  star: number;
  decisionDate: string;
  windowOpensOn: string;
  /** Revoked before (or on) this day: a later row does not supersede it. */
  revokedOn: string | null;
}

type DbRow = Pick<
  EntryRow,
  | 'id'
  | 'import_key'
  | 'origin'
  | 'product_name'
  | 'producer_name'
  | 'product_code'
  | 'decision_no'
  | 'star'
  | 'state'
  | 'decision_date'
  | 'window_opens_on'
  | 'revoked_on'
>;

export async function loadDbIndex(db: Db): Promise<DbRow[]> {
  return db
    .selectFrom('registry_entry')
    .select([
      'id',
      'import_key',
      'origin',
      'product_name',
      'producer_name',
      'product_code',
      'decision_no',
      'star',
      'state',
      'decision_date',
      'window_opens_on',
      'revoked_on',
    ])
    .where('state', '<>', 'withdrawn')
    .execute();
}

function inferKind(r: ParsedRow, prev: Decided | null): EntryKind {
  if (r.kind) return r.kind;
  if (!prev) return 'first';
  // An upgrade comes while the certificate runs, before its re-evaluation window; anything later is a re-evaluation.
  return r.star > prev.star && r.decisionDate !== null && r.decisionDate < prev.windowOpensOn ? 'upgrade' : 'reevaluation';
}

export function planEntries(
  rows: readonly ParsedRow[],
  sheet: string,
  classes: Map<string, SectorClass>,
  dbRows: readonly DbRow[],
  existing: ReadonlyMap<string, EntryRow>,
  onDuplicate: 'skip' | 'update',
  at: string,
): { entries: Planned[]; order: number[]; errors: ImportRowError[]; unlinked: Plan['unlinked'] } {
  const errors: ImportRowError[] = [];
  const entries: Planned[] = [];
  const firstRowOfKey = new Map<string, number>();
  const sessionMatch = new Map<string, number>();
  for (const d of dbRows) {
    if (d.origin === 'session' && d.decision_no) {
      sessionMatch.set(`${fold(d.decision_no)}|${fold(d.product_name)}|${fold(d.producer_name)}`, d.id);
    }
  }
  rows.forEach((r, index) => {
    const key = importKeyOf(r);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      errors.push({
        sheet,
        row: r.row,
        code: 'duplicate_row',
        message: `Row ${r.row} repeats row ${first} (same product, producer, year and decision); keep one of them`,
        params: { firstRow: first, value: r.productName },
      });
      return;
    }
    firstRowOfKey.set(key, r.row);
    entries.push({
      index,
      row: r,
      key,
      facts: null as unknown as EntryFacts,
      follows: null,
      supersededBy: null,
      supersedes: null,
      action: 'create',
      existingId: null,
    });
  });
  const fileKeys = new Set(entries.map((e) => e.key));

  // Earlier recognitions in the registry that are not rows of this file, by identity.
  const dbDecided = new Map<string, Decided[]>();
  for (const d of dbRows) {
    if (d.import_key !== null && fileKeys.has(d.import_key)) continue;
    if (!['recognised', 'superseded', 'revoked'].includes(d.state) || d.decision_date === null || d.star === null) continue;
    const item: Decided = {
      ref: { db: d.id },
      star: d.star,
      decisionDate: d.decision_date,
      windowOpensOn: d.window_opens_on ?? d.decision_date,
      revokedOn: d.revoked_on,
    };
    for (const id of identitiesOf(d.product_code, d.product_name, d.producer_name)) {
      const list = dbDecided.get(id) ?? [];
      list.push(item);
      dbDecided.set(id, list);
    }
  }

  const order = [...entries.keys()].sort((a, b) => {
    const x = entries[a]!.row;
    const y = entries[b]!.row;
    return whenOf(x).localeCompare(whenOf(y)) || x.row - y.row;
  });
  const fileDecided = new Map<string, Decided[]>();
  const unlinked: Plan['unlinked'] = [];
  const latestBefore = (ids: string[], when: string): Decided | null => {
    let best: Decided | null = null;
    for (const id of ids) {
      for (const d of [...(dbDecided.get(id) ?? []), ...(fileDecided.get(id) ?? [])]) {
        if (d.decisionDate >= when) continue;
        if (!best || d.decisionDate > best.decisionDate) best = d;
      }
    }
    return best;
  };
  const states = new Map<number, { state: EntryState; endedOn: string | null }>();

  for (const i of order) {
    const p = entries[i]!;
    const r = p.row;
    const ids = identitiesOf(r.productCode, r.productName, r.producerName);
    const prev = latestBefore(ids, whenOf(r));
    const kind = inferKind(r, prev);
    if (kind !== 'first') {
      if (prev) p.follows = prev.ref;
      else if (unlinked.length < 200) unlinked.push({ row: r.row, product: r.productName, producer: r.producerName });
    }
    const decided = r.star >= 3 && r.decisionDate !== null;
    states.set(i, { state: r.star < 3 ? 'not_recognised' : r.revokedOn ? 'revoked' : 'recognised', endedOn: r.revokedOn });
    if (decided && p.follows && prev && !(prev.revokedOn && prev.revokedOn <= r.decisionDate!)) {
      p.supersedes = { target: prev.ref, endedOn: r.decisionDate! };
      if ('file' in prev.ref) {
        const prevState = states.get(prev.ref.file)!;
        if (prevState.state === 'recognised') states.set(prev.ref.file, { state: 'superseded', endedOn: r.decisionDate });
        entries[prev.ref.file]!.supersededBy = i;
      }
    }
    if (decided) {
      const v = validityFromDecision(r.decisionDate!, r.legalBasis);
      const item: Decided = {
        ref: { file: i },
        star: r.star,
        decisionDate: r.decisionDate!,
        windowOpensOn: v.windowOpensOn,
        revokedOn: r.revokedOn,
      };
      for (const id of ids) {
        const list = fileDecided.get(id) ?? [];
        list.push(item);
        fileDecided.set(id, list);
      }
    }
    p.facts = factsOfRow(r, kind, 'recognised', classes.get(sectorTextKeyOf(r)) ?? null, p.key);
  }
  // Each row's state once every later row is known (a later decided row supersedes it).
  const ownState = new Map<number, { state: EntryState; endedOn: string | null }>();
  for (const p of entries)
    ownState.set(p.index, {
      state: p.row.star < 3 ? 'not_recognised' : p.row.revokedOn ? 'revoked' : 'recognised',
      endedOn: p.row.revokedOn,
    });
  for (const [i, s] of states) {
    const p = entries[i]!;
    p.facts = { ...p.facts, state: s.state, endedOn: s.endedOn };
  }

  // New, unchanged, different, or already there from a session.
  const idOf = (ref: Ref | null): number | null | undefined => {
    if (ref === null) return null;
    if ('db' in ref) return ref.db;
    const e = entries[ref.file]!;
    return e.existingId ?? undefined; // undefined: a row written by this import, id not known yet
  };
  for (const p of entries) {
    const ex = existing.get(p.key);
    if (ex) p.existingId = ex.id;
    else {
      const s = sessionMatch.get(`${fold(p.row.decisionNo ?? '')}|${fold(p.row.productName)}|${fold(p.row.producerName)}`);
      if (p.row.decisionNo && s !== undefined) {
        p.action = 'session';
        p.existingId = s;
      }
    }
  }
  for (const p of entries) {
    const ex = existing.get(p.key);
    if (!ex) continue;
    const follows = idOf(p.follows);
    // A successor new in this file supersedes this row when it is written; compare without it.
    const successorId = p.supersededBy === null ? null : idOf({ file: p.supersededBy });
    const facts =
      successorId === undefined
        ? { ...p.facts, ...ownState.get(p.index)!, supersededById: null }
        : { ...p.facts, supersededById: successorId };
    const same = follows !== undefined && sameEntry(ex, entryColumns({ ...facts, followsId: follows }, at));
    p.action = same ? 'unchanged' : onDuplicate === 'update' ? 'update' : 'skip';
  }
  return { entries, order, errors, unlinked };
}

const sectorTextKeyOf = (r: ParsedRow) => sectorTextKey(r.legalBasis, r.sectorText);

/** Columns an import decides; bookkeeping (ids of the import, row number, times) is not compared. */
const IGNORED = new Set(['import_id', 'source_row', 'updated_at', 'created_at', 'id', 'root_id']);
function sameEntry(row: EntryRow, cols: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(cols)) {
    if (IGNORED.has(k)) continue;
    if ((row as unknown as Record<string, unknown>)[k] !== v) return false;
  }
  return true;
}

function factsOfRow(r: ParsedRow, kind: EntryKind, state: EntryState, sector: SectorClass | null, key: string): EntryFacts {
  const decided = r.star >= 3 && r.decisionDate !== null;
  return {
    origin: 'import',
    sessionId: null,
    finalizationId: null,
    registrationId: null,
    productId: null,
    producerId: null,
    importKey: key,
    importId: null,
    sourceRow: r.row,
    kind,
    followsId: null,
    state,
    legalBasis: r.legalBasis,
    year: r.year,
    roundNo: r.roundNo,
    productName: r.productName,
    productCode: r.productCode,
    producerName: r.producerName,
    producerKind: r.producerKind,
    addressText: r.address,
    districtText: r.district,
    communeText: r.commune,
    communeCode: r.communeCode,
    communeName: r.communeName,
    provinceName: r.provinceName,
    sectorText: r.sectorText,
    sector,
    star: r.star,
    scoreCenti: r.scoreCenti,
    authority: decided ? recognitionFor(r.legalBasis, r.star as Star, r.decisionDate!).level : null,
    decisionNo: decided ? r.decisionNo : null,
    decisionDate: decided ? r.decisionDate : null,
    decisionSigner: r.signer,
    certificateNo: r.certificateNo,
    endedOn: r.revokedOn,
    supersededById: null,
    revokedOn: r.revokedOn,
    revokeGround: r.revokeGround,
    revokeDecisionNo: r.revokeDecisionNo,
    revokeNote: '',
    womenLed: r.womenLed,
    ethnicMinority: r.ethnicMinority,
    note: r.note,
  };
}

export function summarize(plan: Plan, dryRun: boolean, fileSha256: string, importId: number | null): RegistryImportResult {
  const count = (a: Action) => plan.entries.filter((e) => e.action === a).length;
  const byState: Record<string, number> = {};
  for (const e of plan.entries) byState[e.facts.state] = (byState[e.facts.state] ?? 0) + 1;
  return {
    dryRun,
    fileSha256,
    rows: plan.entries.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skip'),
    fromSessions: count('session'),
    byState,
    linked: plan.entries.filter((e) => e.follows !== null).length,
    unlinked: plan.unlinked,
    sectors: plan.sectors,
    importId,
  };
}
