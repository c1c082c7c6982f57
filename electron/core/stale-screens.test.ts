import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type Channel } from '../../shared/api/contract';
import { isMutation, staleAfter } from '../../shared/api/invalidation';
import type { SessionDetail } from '../../shared/api/channels/sessions';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import { invoke } from './api';
import type { Core } from './context';
import { choicesForTotal } from './results/test/choices';
import { memoryCore } from './test/fixtures';

/**
 * Issue 16 item 2, "a test per screen pair", measured on the core instead of written down: walk
 * the training meeting through the changes a council makes (re-scoring on paper, closing,
 * finalizing, reopening) and, around each change, read every query channel of the contract whose
 * input the meeting's ids can fill. Whenever a change alters what a query returns, the
 * invalidation map (shared/api/invalidation.ts) must stale that query — otherwise the screen
 * showing it keeps the old answer until a reload (the Kết quả page that still said ĐANG HỌP).
 * The pairs come from the core's answers, not from the map, so the test cannot agree with itself.
 */

/** Queries that produce files or walk the disk: costly to read dozens of times, and no screen caches them as data. */
const SKIPPED = new Set<Channel>([
  'documents:render',
  'criteria:export',
  'attachments:content',
  'dossiers:template',
  'audit:verify',
  'audit:tail',
]);
/** Exports and templates: files built on request (with the time they were made), never cached by a screen. */
const isFile = (c: Channel): boolean => SKIPPED.has(c) || /:(export|template)\w*$/u.test(c);

type Ids = {
  session: number;
  registration: number;
  member: number;
  council: number;
  round: number;
  producer: number;
  product: number;
};

/** The input a query channel takes, filled from the meeting's ids, or null when it needs something else. */
function inputFor(channel: Channel, ids: Ids): Record<string, unknown> | null {
  const schema = contract[channel].input as unknown as { shape?: Record<string, { isOptional?: () => boolean }> };
  const shape = schema.shape;
  if (!shape) return null;
  const area = channel.split(':')[0]!;
  const idOf: Record<string, number> = {
    sessions: ids.session,
    registrations: ids.registration,
    councils: ids.council,
    rounds: ids.round,
    producers: ids.producer,
    products: ids.product,
  };
  const known: Record<string, unknown> = {
    sessionId: ids.session,
    registrationId: ids.registration,
    memberId: ids.member,
    councilId: ids.council,
    roundId: ids.round,
    producerId: ids.producer,
    productId: ids.product,
    ...(area === 'documents' ? { kind: 'minutes' } : {}),
  };
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const value = key === 'id' ? idOf[area] : known[key];
    if (value !== undefined) input[key] = value;
    else if (!field.isOptional?.()) return null;
  }
  return contract[channel].input.safeParse(input).success ? input : null;
}

let core: Core;
let ids: Ids;
let detail: SessionDetail;
let watched: [Channel, Record<string, unknown>][];

const read = async (): Promise<Map<Channel, string>> => {
  const out = new Map<Channel, string>();
  for (const [c, input] of watched) {
    const r = await invoke(core.ctx, c, input as never);
    out.set(c, JSON.stringify(r.ok ? r.value : { error: r.error.code }));
  }
  return out;
};

/** Runs one change and returns the queries whose answer it altered that the map does not stale. */
async function missedBy<C extends Channel>(channel: C, input: unknown): Promise<Channel[]> {
  const before = await read();
  const again = await read();
  const r = await invoke(core.ctx, channel, input as never);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  const after = await read();
  const stale = new Set(staleAfter(channel));
  // A query that answers differently without any change (a clock in it) says nothing about the map.
  return watched.map(([c]) => c).filter((c) => before.get(c) === again.get(c) && before.get(c) !== after.get(c) && !stale.has(c));
}

beforeAll(async () => {
  core = await memoryCore();
  const demo = await invoke(core.ctx, 'demo:create', { seed: 1 });
  if (!demo.ok) throw new Error(demo.error.message);
  const d = await invoke(core.ctx, 'sessions:get', { id: demo.value.meetingSessionId });
  if (!d.ok) throw new Error(d.error.message);
  detail = d.value;
  const reg = await invoke(core.ctx, 'registrations:get', { id: detail.agenda[0]!.registrationId });
  if (!reg.ok) throw new Error(reg.error.message);
  ids = {
    session: detail.session.id,
    registration: detail.agenda[0]!.registrationId,
    member: detail.members.find((m) => m.votes && m.present === true)!.memberId,
    council: detail.session.councilId,
    round: detail.session.roundId,
    producer: reg.value.producer.id,
    product: reg.value.product.id,
  };
  watched = channelNames
    .filter((c) => !isMutation(c) && !isFile(c))
    .flatMap((c) => {
      const input = inputFor(c, ids);
      return input ? [[c, input] as [Channel, Record<string, unknown>]] : [];
    });
}, 180_000);
afterAll(() => core?.close());

describe('every change refreshes every screen that shows what it changed', () => {
  it('watches the queries behind the session, scoring, results, dossier and council screens', () => {
    expect(watched.map(([c]) => c)).toEqual(
      expect.arrayContaining([
        'sessions:get',
        'sessions:list',
        'results:session',
        'results:product',
        'scoring:progress',
        'scoring:spread',
        'scoring:members',
        'scoring:assignments',
        'registrations:get',
        'registrations:list',
        'councils:get',
        'documents:settings',
        'producers:get',
        'products:get',
        'rounds:get',
      ]),
    );
  });

  it('re-scoring on screen and on paper, closing, finalizing and reopening the meeting stale every query they change', async () => {
    const spread = detail.agenda[0]!;
    const chairMemberId = detail.session.chairMemberId ?? detail.members.find((m) => m.role === 'chair')!.memberId;
    const missed: Record<string, Channel[]> = {};
    const step = async (label: string, channel: Channel, input: unknown) => {
      const m = await missedBy(channel, input);
      if (m.length) missed[label] = m;
    };
    await step('scoring:openRescoring', 'scoring:openRescoring', {
      sessionId: ids.session,
      registrationId: spread.registrationId,
      chairMemberId,
      reason: 'Chênh lệch điểm vượt 10 điểm',
    });
    const got = await invoke(core.ctx, 'criteria:get', { id: spread.criteriaSetVersionId! });
    if (!got.ok) throw new Error(got.error.message);
    const set = got.value.content as CriteriaSet;
    const scorers = detail.members.filter((m) => m.votes && m.present === true && !spread.recusedMemberIds.includes(m.memberId));
    for (const [k, m] of scorers.entries()) {
      const choices = choicesForTotal(set, 74 + (k % 2), { keepMarks: true });
      const key = { sessionId: ids.session, registrationId: spread.registrationId, memberId: m.memberId };
      if (k === 0) {
        // The first member re-scores on their own screen: open, answer, submit (hub progress, spread, results).
        const opened = await invoke(core.ctx, 'scoring:open', key);
        if (!opened.ok) throw new Error(opened.error.message);
        const sheetId = opened.value.sheet.id;
        const [first, ...rest] = Object.entries(choices);
        await step('scoring:setAnswer', 'scoring:setAnswer', { sheetId, criterionCode: first![0], levelIndex: first![1] });
        for (const [criterionCode, levelIndex] of rest)
          await invoke(core.ctx, 'scoring:setAnswer', { sheetId, criterionCode, levelIndex });
        await step('scoring:submit', 'scoring:submit', { sheetId, revisionReason: 'Chấm lại sau thảo luận' });
        continue;
      }
      await step(`scoring:paperSave (${k + 1})`, 'scoring:paperSave', {
        ...key,
        entryNo: 1,
        enteredBy: 'Thư ký Hội đồng',
        writtenTotal: null,
        answers: Object.entries(choices).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
      });
      await step(`scoring:paperCommit (${k + 1})`, 'scoring:paperCommit', { ...key, allowSingleEntry: true });
    }
    await step('sessions:transition closed', 'sessions:transition', { id: ids.session, to: 'closed', endTime: '11:30' });
    await step('results:finalize', 'results:finalize', { sessionId: ids.session, acknowledgeSensitive: true });
    await step('results:reopen', 'results:reopen', { sessionId: ids.session, chairMemberId, reason: 'Nhập nhầm phiếu giấy' });
    await step('settings:set', 'settings:set', { operatorName: 'Nguyễn Thị Thư Ký' });
    expect(missed).toEqual({});
  }, 300_000);
});
