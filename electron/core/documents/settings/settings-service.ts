/**
 * Print settings of a session's documents: read (stored, else defaults from the session and its
 * council), save and number. Every change is audited in its own transaction. Results freeze at
 * finalization; these details stay editable until a document printing them is issued (the
 * register, migration 0010, whose triggers refuse it too), and again once the session is reopened.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ChannelParsedInput } from '../../../../shared/api/contract';
import type { IssueKind } from '../../../../shared/api/channels/document-register';
import {
  DocumentSettings,
  isNumberedKind,
  type CouncilSigner,
  type DocumentSettingsView,
  type NumberedKind,
  type NumberSeriesView,
  type SettingsKind,
} from '../../../../shared/api/channels/document-settings';
import { formatDocNumber } from '../../../../shared/ocop/document-number';
import type { CoreContext } from '../../context';
import { vnYear } from '../../../../shared/ocop/vn-time';
import type { DB } from '../../db/schema';
import { getSession } from '../../sessions/session-repo';
import { CoreError, notFound } from '../../errors';
import type { Write } from '../../handlers';
import { loadDocumentFacts, type DocumentFacts } from '../from-session/document-facts';
import { defaultSettings, documentYear } from './apply-settings';
import { assertHeaderLinesFit } from './header-fit';
import { loadMinutesFacts, type MinutesFacts } from './minutes-facts';
import { issuedKindsInForce } from '../register/register-repo';
import { allocateNumber, seriesPattern, seriesView, setSeries } from './number-series';
import { councilSigners, SIGNER_SLOTS, writeCouncilSigner } from './signers';
import { recordSessionDecision, sessionDecision, withRecord, type DecisionRecord } from './decision-record';

type SettingsChannel =
  | 'documents:settings'
  | 'documents:saveSettings'
  | 'documents:resetSettings'
  | 'documents:allocateNumber'
  | 'documents:numberSeries'
  | 'documents:setNumberSeries'
  | 'documents:councilSigners'
  | 'documents:setCouncilSigner';
type In<C extends SettingsChannel> = ChannelParsedInput<C>;

/** Reads inside a change see the change's transaction (the core's one connection is held by it). */
const within = (w: Write): CoreContext => ({ ...w.ctx, db: w.trx });

async function storedRow(db: Kysely<DB>, sessionId: number, kind: SettingsKind) {
  return db
    .selectFrom('document_settings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export interface LoadedSettings {
  settings: DocumentSettings;
  stored: { updatedAt: string; updatedBy: string } | null;
}

/** The settings a document prints with: the stored ones, else the defaults. */
export async function loadSettings(
  ctx: CoreContext,
  f: DocumentFacts,
  kind: SettingsKind,
  minutesFacts?: MinutesFacts,
  /** The decision an issued document printed (pinned); undefined: the registry's record now. */
  printed?: DecisionRecord | null,
): Promise<LoadedSettings> {
  const loaded = await storedOrDefault(ctx, f, kind, minutesFacts);
  // The decision's record is the registry's (decision-record.ts): number, date and signer as recorded there.
  if (kind !== 'decision') return loaded;
  const record = printed !== undefined ? printed : await sessionDecision(ctx.db, f.detail.session.id);
  return { ...loaded, settings: withRecord(loaded.settings, record) };
}

async function storedOrDefault(
  ctx: CoreContext,
  f: DocumentFacts,
  kind: SettingsKind,
  minutesFacts?: MinutesFacts,
): Promise<LoadedSettings> {
  const row = await storedRow(ctx.db, f.detail.session.id, kind);
  if (row) {
    // Written by saveSettings through the same schema; a row an older version wrote falls back to the defaults.
    const parsed = DocumentSettings.safeParse(JSON.parse(row.settings_json));
    if (parsed.success) return { settings: parsed.data, stored: { updatedAt: row.updated_at, updatedBy: row.updated_by } };
  }
  const pattern = isNumberedKind(kind) ? (await seriesPattern(ctx.db, f.detail.council.id, kind)).pattern : undefined;
  const facts = kind === 'minutes' ? (minutesFacts ?? (await loadMinutesFacts(ctx, f))) : undefined;
  return {
    settings: defaultSettings(kind, f, { ...(pattern ? { pattern } : {}), ...(facts ? { minutesFacts: facts } : {}) }),
    stored: null,
  };
}

async function view(
  ctx: CoreContext,
  f: DocumentFacts,
  kind: SettingsKind,
  minutesFacts?: MinutesFacts,
): Promise<DocumentSettingsView> {
  const facts = kind === 'minutes' ? (minutesFacts ?? (await loadMinutesFacts(ctx, f))) : undefined;
  const { settings, stored } = await loadSettings(ctx, f, kind, facts);
  const lockedBy = locksOf(kind, await issuedKindsInForce(ctx.db, f.detail.session.id));
  return {
    sessionId: f.detail.session.id,
    councilId: f.detail.council.id,
    kind,
    settings,
    stored: stored !== null,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    locked: lockedBy.length > 0,
    lockedBy,
    finalized: f.detail.session.status === 'finalized',
    numberText: formatDocNumber(settings.number, settings.symbol),
    series: isNumberedKind(kind) ? await seriesFor(ctx.db, f, kind, settings) : null,
    discussionProducts: (facts?.discussed ?? []).map((d) => ({
      registrationId: d.registrationId,
      productName: d.productName,
      producerName: d.producerName,
    })),
  };
}

async function seriesFor(
  db: Kysely<DB>,
  f: DocumentFacts,
  kind: NumberedKind,
  s: DocumentSettings,
): Promise<DocumentSettingsView['series']> {
  const v = await seriesView(db, f.detail.council.id, kind, documentYear(s, f));
  return { councilId: v.councilId, pattern: v.pattern, year: v.year, nextNumber: v.nextNumber };
}

/** The issued kinds that lock a kind's print details (the triggers of migration 0010 say the same). */
const LOCKED_BY: Record<SettingsKind, IssueKind[]> = {
  minutes: ['minutes', 'summary'],
  summary: ['summary'],
  decision: ['decision', 'certificate'],
  certificate: ['certificate'],
};
export const locksOf = (kind: SettingsKind, issued: Set<IssueKind>): IssueKind[] => LOCKED_BY[kind].filter((k) => issued.has(k));

/** The core's own check, with a message that says what to do (the trigger is the backstop). */
async function assertEditable(
  db: Kysely<DB>,
  sessionId: number,
  kind: SettingsKind,
): Promise<{ councilId: number; status: string }> {
  const s = await getSession(db, sessionId);
  const by = locksOf(kind, await issuedKindsInForce(db, sessionId));
  if (by.length > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The ${kind} details of session ${sessionId} are printed on an issued document (${by.join(', ')}, see the register): they are read-only now; the chair must reopen the session (with a reason) to change them`,
      { field: 'sessionId', lockedBy: by },
    );
  }
  return { councilId: s.councilId, status: s.status };
}

async function writeSettings(
  trx: Transaction<DB>,
  sessionId: number,
  kind: SettingsKind,
  settings: DocumentSettings,
  at: string,
  actor: string,
): Promise<void> {
  const json = JSON.stringify(settings);
  await trx
    .insertInto('document_settings')
    .values({ session_id: sessionId, kind, settings_json: json, updated_at: at, updated_by: actor })
    .onConflict((oc) =>
      oc.columns(['session_id', 'kind']).doUpdateSet({ settings_json: json, updated_at: at, updated_by: actor }),
    )
    .execute();
}

/** A recorded decision is the one the Chủ tịch signed: its number, date and signer's name must be there. */
function assertRecordComplete(s: DocumentSettings): void {
  const missing = [
    s.number === null ? 'number' : null,
    s.date === null ? 'date' : null,
    s.signer.name.trim() === '' ? 'signer.name' : null,
  ].filter((x): x is string => x !== null);
  if (missing.length > 0)
    throw new CoreError(
      'VALIDATION',
      `decisionRecorded: a recorded decision needs the number, date and signer's name of the decision as signed; missing ${missing.join(', ')}`,
      {
        field: missing[0],
        issues: missing.map((m) => ({ path: m.split('.'), message: 'required once the decision is recorded', code: 'custom' })),
      },
    );
}

export async function getSettingsView(ctx: CoreContext, input: In<'documents:settings'>): Promise<DocumentSettingsView> {
  return view(ctx, await loadDocumentFacts(ctx, input.sessionId), input.kind);
}

export async function saveSettings(w: Write, input: In<'documents:saveSettings'>): Promise<DocumentSettingsView> {
  const ctx = within(w);
  const f = await loadDocumentFacts(ctx, input.sessionId);
  // Only the minutes carry a content part, only the minutes and the summary a THƯ KÝ, only the decision a record.
  const twoSigners = input.kind === 'minutes' || input.kind === 'summary';
  const settings: DocumentSettings = {
    ...input.settings,
    minutes: input.kind === 'minutes' ? input.settings.minutes : null,
    secretarySigner: twoSigners ? input.settings.secretarySigner : null,
    decisionRecorded: input.kind === 'decision' ? input.settings.decisionRecorded : false,
  };
  if (!isNumberedKind(input.kind) && settings.number !== null) {
    throw new CoreError('VALIDATION', `number: a ${input.kind} has no number of its own; leave it empty`, { field: 'number' });
  }
  if (settings.decisionRecorded) assertRecordComplete(settings);
  // The summary (an annex) prints no header of its own.
  if (input.kind !== 'summary') assertHeaderLinesFit(settings);
  const { status } = await assertEditable(w.trx, input.sessionId, input.kind);
  if (settings.decisionRecorded && status !== 'finalized')
    throw new CoreError(
      'FORBIDDEN_STATE',
      `decisionRecorded: session ${input.sessionId} is not finalized; the provincial decision is recorded after the council's results are finalized`,
      { field: 'decisionRecorded' },
    );
  const before = await storedRow(w.trx, input.sessionId, input.kind);
  await writeSettings(w.trx, input.sessionId, input.kind, settings, w.at.toISOString(), w.actor);
  await w.audit({
    action: 'documents.saveSettings',
    entity: 'session',
    entityId: input.sessionId,
    before: before ? { kind: input.kind, settings: JSON.parse(before.settings_json) as unknown } : null,
    after: { kind: input.kind, settings },
  });
  if (input.kind === 'decision' && status === 'finalized') await recordSessionDecision(w, input.sessionId, settings);
  return view(ctx, f, input.kind);
}

/**
 * Back to the defaults (e.g. after the session's people or re-scorings changed). A number the
 * settings carried stays spent in the council's series; a decision recorded in the registry stays.
 */
export async function resetSettings(w: Write, input: In<'documents:resetSettings'>): Promise<DocumentSettingsView> {
  const ctx = within(w);
  const f = await loadDocumentFacts(ctx, input.sessionId);
  await assertEditable(w.trx, input.sessionId, input.kind);
  const before = await storedRow(w.trx, input.sessionId, input.kind);
  if (before) {
    await w.trx
      .deleteFrom('document_settings')
      .where('session_id', '=', input.sessionId)
      .where('kind', '=', input.kind)
      .execute();
    await w.audit({
      action: 'documents.resetSettings',
      entity: 'session',
      entityId: input.sessionId,
      before: { kind: input.kind, settings: JSON.parse(before.settings_json) as unknown },
      after: null,
    });
  }
  return view(ctx, f, input.kind);
}

export async function allocateDocumentNumber(w: Write, input: In<'documents:allocateNumber'>): Promise<DocumentSettingsView> {
  const ctx = within(w);
  const f = await loadDocumentFacts(ctx, input.sessionId);
  const facts = input.kind === 'minutes' ? await loadMinutesFacts(ctx, f) : undefined;
  const fallback = (await loadSettings(ctx, f, input.kind, facts)).settings;
  const { councilId } = await assertEditable(w.trx, input.sessionId, input.kind);
  const row = await storedRow(w.trx, input.sessionId, input.kind);
  const current = row ? DocumentSettings.parse(JSON.parse(row.settings_json)) : fallback;
  if (current.number !== null) {
    throw new CoreError(
      'CONFLICT',
      `The ${input.kind} of session ${input.sessionId} already has number ${formatDocNumber(current.number, current.symbol)}; clear the number and save first to take a new one (the old number is not reused)`,
      { field: 'number' },
    );
  }
  const n = await allocateNumber(w.trx, {
    councilId,
    kind: input.kind,
    year: documentYear(current, f),
    sessionId: input.sessionId,
    at: w.at.toISOString(),
    actor: w.actor,
  });
  const next: DocumentSettings = { ...current, number: n.number, symbol: n.symbol };
  await writeSettings(w.trx, input.sessionId, input.kind, next, w.at.toISOString(), w.actor);
  await w.audit({
    action: 'documents.allocateNumber',
    entity: 'session',
    entityId: input.sessionId,
    before: null,
    after: { kind: input.kind, councilId, year: n.year, number: n.number, text: n.text },
  });
  return view(ctx, f, input.kind, facts);
}

export async function listNumberSeries(ctx: CoreContext, input: In<'documents:numberSeries'>): Promise<NumberSeriesView[]> {
  const y = input.year ?? vnYear(ctx.now());
  return [await seriesView(ctx.db, input.councilId, 'minutes', y), await seriesView(ctx.db, input.councilId, 'decision', y)];
}

export async function setNumberSeries(w: Write, input: In<'documents:setNumberSeries'>): Promise<NumberSeriesView> {
  const year = input.year ?? vnYear(w.at);
  const before = await seriesView(w.trx, input.councilId, input.kind, year);
  await setSeries(w.trx, {
    councilId: input.councilId,
    kind: input.kind,
    pattern: input.pattern,
    year,
    nextNumber: input.nextNumber,
    at: w.at.toISOString(),
  });
  const after = await seriesView(w.trx, input.councilId, input.kind, year);
  await w.audit({ action: 'documents.setNumberSeries', entity: 'council', entityId: input.councilId, before, after });
  return after;
}

export async function listCouncilSigners(ctx: CoreContext, input: In<'documents:councilSigners'>): Promise<CouncilSigner[]> {
  const c = await ctx.db.selectFrom('council').select('id').where('id', '=', input.councilId).executeTakeFirst();
  if (!c) throw notFound('Council', input.councilId);
  return councilSigners(ctx.db, input.councilId);
}

/** Sets (or clears back to the built-in default) one of a council's default signers; audited. */
export async function setCouncilSigner(w: Write, input: In<'documents:setCouncilSigner'>): Promise<CouncilSigner[]> {
  if (!SIGNER_SLOTS.some((x) => x.kind === input.kind && x.slot === input.slot))
    throw new CoreError('VALIDATION', `slot: a ${input.kind} has no ${input.slot} signer; use slot "main"`, { field: 'slot' });
  const c = await w.trx.selectFrom('council').select('id').where('id', '=', input.councilId).executeTakeFirst();
  if (!c) throw notFound('Council', input.councilId);
  const before = (await councilSigners(w.trx, input.councilId)).find((x) => x.kind === input.kind && x.slot === input.slot)!;
  await writeCouncilSigner(w.trx, { ...input, at: w.at.toISOString() });
  const after = await councilSigners(w.trx, input.councilId);
  await w.audit({
    action: 'documents.setCouncilSigner',
    entity: 'council',
    entityId: input.councilId,
    before,
    after: after.find((x) => x.kind === input.kind && x.slot === input.slot),
  });
  return after;
}
