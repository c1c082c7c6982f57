import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { RegistryEntry, RegistryEntryDetail } from '../../../shared/api/channels/registry';
import { compareIsoDates } from '../../../shared/ocop/iso-date';
import { entryStateChangeProblem, type EntryState } from '../../../shared/ocop/registry-status';
import { vnToday } from '../../../shared/ocop/vn-time';
import { fieldError } from '../dossiers/dossier-common';
import { CoreError, notFound } from '../errors';
import { getSession } from '../sessions/session-repo';
import { entryDetail } from './entry-detail';
import { getEntryRow, selectEntries, stateOf, toEntry, type EntryRowWithSuccessor } from './entry-repo';
import { entryColumns, factsOf, type EntryFacts } from './entry-values';
import type { Write } from '../handlers';
import { latestIssues } from '../documents/register/register-repo';
import { insertCorrection } from './correction-repo';

/**
 * The province's acts on the registry: recording the recognising decision (the council only
 * proposed), correcting it, revoking a certificate (Điều 8) and withdrawing a proposal the
 * province did not recognise. Each is one transaction with its audit event.
 */

async function rowOrThrow(w: Write, id: number): Promise<EntryRowWithSuccessor> {
  const row = await getEntryRow(w.trx, id);
  if (!row) throw notFound('Registry entry', id);
  return row;
}

function assertChange(row: EntryRowWithSuccessor, to: EntryState): void {
  const problem = entryStateChangeProblem(stateOf(row), to);
  if (problem) {
    throw new CoreError('FORBIDDEN_STATE', `Registry entry ${row.id} (${row.product_name}): ${problem}`, {
      id: row.id,
      state: row.state,
      to,
    });
  }
}

async function rewrite(w: Write, id: number, facts: EntryFacts): Promise<void> {
  await w.trx.updateTable('registry_entry').set(entryColumns(facts, w.at.toISOString())).where('id', '=', id).execute();
}

/** When a successor is recognised, the certificate it follows stops on the successor's decision date. */
async function supersedePredecessor(w: Write, successor: EntryRowWithSuccessor, decisionDate: string): Promise<boolean> {
  if (successor.follows_id === null) return false;
  const prev = await getEntryRow(w.trx, successor.follows_id);
  if (!prev || prev.state !== 'recognised') return false;
  await rewrite(w, prev.id, { ...factsOf(prev), state: 'superseded', endedOn: decisionDate, supersededById: successor.id });
  return true;
}

/** The decision cannot come before the evaluation, nor after today. */
async function assertDecisionDate(w: Write, row: EntryRowWithSuccessor, date: string): Promise<void> {
  const today = vnToday(w.at);
  if (compareIsoDates(date, today) > 0) {
    throw fieldError('decisionDate', `${date} is after today (${today}); record a decision once it is issued`);
  }
  let evaluatedOn = `${row.year}-01-01`;
  if (row.session_id !== null) evaluatedOn = (await getSession(w.trx, row.session_id)).date;
  if (compareIsoDates(date, evaluatedOn) < 0) {
    throw fieldError(
      'decisionDate',
      `${date} is before the evaluation of "${row.product_name}" (${evaluatedOn}); a decision follows the council's proposal`,
    );
  }
}

export async function recordDecision(
  w: Write,
  input: ChannelParsedInput<'registry:recordDecision'>,
): Promise<{ recognised: RegistryEntry[]; superseded: number }> {
  let rows: EntryRowWithSuccessor[];
  if (input.sessionId !== undefined) {
    rows = await selectEntries(w.trx).where('e.session_id', '=', input.sessionId).where('e.state', '=', 'proposed').execute();
    if (rows.length === 0) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `Session ${input.sessionId} has no proposal waiting for a decision (finalize the session first, or the decision is already recorded)`,
        { sessionId: input.sessionId },
      );
    }
  } else {
    rows = [];
    for (const id of input.ids ?? []) rows.push(await rowOrThrow(w, id));
  }
  for (const row of rows) {
    assertChange(row, 'recognised');
    await assertDecisionDate(w, row, input.decisionDate);
  }
  let superseded = 0;
  for (const row of rows) {
    const certificateNo = input.certificateNos?.[String(row.id)] ?? null;
    await rewrite(w, row.id, {
      ...factsOf(row),
      state: 'recognised',
      decisionNo: input.decisionNo,
      decisionDate: input.decisionDate,
      decisionSigner: input.signer,
      certificateNo,
    });
    if (await supersedePredecessor(w, row, input.decisionDate)) superseded++;
  }
  await w.audit({
    action: 'registry.decide',
    entity: 'registry_entry',
    entityId: input.sessionId !== undefined ? `session:${input.sessionId}` : rows.map((r) => r.id).join(','),
    after: {
      decisionNo: input.decisionNo,
      decisionDate: input.decisionDate,
      signer: input.signer,
      entryIds: rows.map((r) => r.id),
      superseded,
    },
  });
  const on = vnToday(w.at);
  const after = await selectEntries(w.trx)
    .where(
      'e.id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('e.id')
    .execute();
  return { recognised: after.map((r) => toEntry(r, on)), superseded };
}

export async function updateDecision(
  w: Write,
  input: ChannelParsedInput<'registry:updateDecision'>,
): Promise<RegistryEntryDetail> {
  const row = await rowOrThrow(w, input.id);
  if (row.state !== 'recognised' && row.state !== 'superseded') {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Registry entry ${row.id} is ${row.state}; only the decision of a recognised entry can be corrected${row.state === 'proposed' ? ' (record the decision first)' : ''}`,
      { id: row.id, state: row.state },
    );
  }
  await assertDecisionDate(w, row, input.decisionDate);
  const before = factsOf(row);
  // Documents issued with the old value keep printing it (issue 13): the correction is recorded, with why.
  const changes = (
    [
      ['decisionNo', before.decisionNo ?? '', input.decisionNo],
      ['decisionDate', before.decisionDate ?? '', input.decisionDate],
      ['signer', before.decisionSigner, input.signer],
    ] as const
  )
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => ({ field, from, to }));
  const issued =
    row.session_id === null || changes.length === 0 ? [] : await latestIssues(w.trx, row.session_id, ['decision', 'certificate']);
  const reason = input.reason.trim();
  if (issued.length > 0 && reason === '')
    throw fieldError(
      'reason',
      `the decision of "${row.product_name}" was printed on documents already issued (${issued
        .map((d) => `${d.title}${d.number ? ` số ${d.number}` : ''}`)
        .join(
          '; ',
        )}); say why it is corrected — the correction is recorded, the issued documents keep the old value, and a corrected version is issued from the session's documents (Phát hành bản đính chính)`,
    );
  if (issued.length > 0)
    await insertCorrection(w.trx, {
      entryId: row.id,
      sessionId: row.session_id!,
      changes,
      reason,
      issued: issued.map((d) => ({ id: d.id, kind: d.kind, docRef: d.docRef, number: d.number })),
      correctedAt: w.at.toISOString(),
      correctedBy: w.actor,
    });
  await rewrite(w, row.id, {
    ...before,
    decisionNo: input.decisionNo,
    decisionDate: input.decisionDate,
    decisionSigner: input.signer,
    certificateNo: input.certificateNo,
  });
  // The certificate this one replaced stops on the corrected date too.
  if (row.follows_id !== null) {
    const prev = await getEntryRow(w.trx, row.follows_id);
    if (prev && prev.state === 'superseded' && prev.superseded_by_id === row.id) {
      await rewrite(w, prev.id, { ...factsOf(prev), endedOn: input.decisionDate });
    }
  }
  await w.audit({
    action: 'registry.correctDecision',
    entity: 'registry_entry',
    entityId: row.id,
    before: {
      decisionNo: before.decisionNo,
      decisionDate: before.decisionDate,
      signer: before.decisionSigner,
      certificateNo: before.certificateNo,
    },
    after: {
      decisionNo: input.decisionNo,
      decisionDate: input.decisionDate,
      signer: input.signer,
      certificateNo: input.certificateNo,
      ...(reason ? { reason } : {}),
      ...(issued.length > 0 ? { issuedDocuments: issued.map((d) => d.id) } : {}),
    },
  });
  return entryDetail(w.trx, row.id, vnToday(w.at));
}

export async function revokeEntry(w: Write, input: ChannelParsedInput<'registry:revoke'>): Promise<RegistryEntryDetail> {
  const row = await rowOrThrow(w, input.id);
  assertChange(row, 'revoked');
  if (row.valid_from && compareIsoDates(input.revokedOn, row.valid_from) < 0) {
    throw fieldError('revokedOn', `${input.revokedOn} is before the certificate took effect (${row.valid_from})`);
  }
  if (row.valid_to && compareIsoDates(input.revokedOn, row.valid_to) > 0) {
    throw fieldError(
      'revokedOn',
      `${input.revokedOn} is after the certificate expired (${row.valid_to}); an expired certificate needs no revocation`,
    );
  }
  const today = vnToday(w.at);
  if (compareIsoDates(input.revokedOn, today) > 0) throw fieldError('revokedOn', `${input.revokedOn} is after today (${today})`);
  await rewrite(w, row.id, {
    ...factsOf(row),
    state: 'revoked',
    revokedOn: input.revokedOn,
    endedOn: input.revokedOn,
    revokeGround: input.ground,
    revokeDecisionNo: input.decisionNo,
    revokeNote: input.note,
  });
  await w.audit({
    action: 'registry.revoke',
    entity: 'registry_entry',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'revoked', revokedOn: input.revokedOn, ground: input.ground, decisionNo: input.decisionNo, note: input.note },
  });
  return entryDetail(w.trx, row.id, today);
}

export async function withdrawEntry(w: Write, input: ChannelParsedInput<'registry:withdraw'>): Promise<RegistryEntryDetail> {
  const row = await rowOrThrow(w, input.id);
  assertChange(row, 'withdrawn');
  const facts = factsOf(row);
  await rewrite(w, row.id, { ...facts, state: 'withdrawn', note: [facts.note, input.note].filter(Boolean).join('\n') });
  await w.audit({
    action: 'registry.withdraw',
    entity: 'registry_entry',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'withdrawn', reason: input.note },
  });
  return entryDetail(w.trx, row.id, vnToday(w.at));
}
