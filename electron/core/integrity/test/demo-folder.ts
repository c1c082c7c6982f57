import fs from 'node:fs';
import path from 'node:path';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/api/contract';
import { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { invoke } from '../../api';
import type { CoreContext } from '../../context';
import { choicesForTotal } from '../../results/test/choices';
import { openCore } from '../../context';
import { fixedClock, tempDir } from '../../test/fixtures';

/**
 * A data folder holding the training dataset made through the real channels (every row with its
 * audit event), with the meeting closed and finalized: the state an attacker would tamper with.
 * Built once per test file, then copied for each test (a copy takes milliseconds, the demo seconds).
 */
let template: Promise<{ dir: string; meetingSessionId: number }> | null = null;

async function build(): Promise<{ dir: string; meetingSessionId: number }> {
  const dir = tempDir('ocop-demo-template-');
  const core = await openCore({ dataDir: dir, host: 'cli', now: fixedClock() });
  try {
    const ctx = core.ctx;
    const demo = await call(ctx, 'demo:create', { seed: 5 });
    const sessionId = demo.meetingSessionId;
    // As a council would (e2e/pages/finalized-demo.ts): the spread product re-scored on paper by
    // every scoring member, the meeting closed, the results finalized.
    const detail: SessionDetail = await call(ctx, 'sessions:get', { id: sessionId });
    const spread = detail.agenda[0]!;
    const chairMemberId = detail.session.chairMemberId ?? detail.members.find((m) => m.role === 'chair')!.memberId;
    await call(ctx, 'scoring:openRescoring', {
      sessionId,
      registrationId: spread.registrationId,
      chairMemberId,
      reason: 'Chênh lệch điểm vượt 10 điểm',
    });
    const set = CriteriaSet.parse((await call(ctx, 'criteria:get', { id: spread.criteriaSetVersionId! })).content);
    const scorers = detail.members.filter((m) => m.votes && m.present === true && !spread.recusedMemberIds.includes(m.memberId));
    for (const [k, m] of scorers.entries()) {
      const choices = choicesNear(set, 74 + (k % 2));
      await call(ctx, 'scoring:paperSave', {
        sessionId,
        registrationId: spread.registrationId,
        memberId: m.memberId,
        entryNo: 1,
        enteredBy: 'Thư ký Hội đồng',
        writtenTotal: null,
        answers: Object.entries(choices).map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
      });
      await call(ctx, 'scoring:paperCommit', {
        sessionId,
        registrationId: spread.registrationId,
        memberId: m.memberId,
        allowSingleEntry: true,
      });
    }
    await call(ctx, 'sessions:transition', { id: sessionId, to: 'closed', endTime: '11:30' });
    await call(ctx, 'results:finalize', { sessionId, acknowledgeSensitive: true });
    return { dir, meetingSessionId: sessionId };
  } finally {
    core.close();
  }
}

async function call<C extends Channel>(ctx: CoreContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const env = await invoke(ctx, channel, input);
  if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
  return env.value as ChannelOutput<C>;
}

function choicesNear(set: CriteriaSet, target: number): Record<string, number> {
  for (const d of [0, 1, -1, 2, -2, 3, -3]) {
    try {
      return choicesForTotal(set, target + d, { keepMarks: true });
    } catch {
      // That exact total is not reachable with every star mark kept: try the next one.
    }
  }
  throw new Error(`no total near ${target} on ${set.setKey}`);
}

/** A fresh copy of the finalized demo folder (closed cleanly: no -wal file). */
export async function finalizedDemoFolder(): Promise<{ dir: string; db: string; meetingSessionId: number }> {
  template ??= build();
  const t = await template;
  const dir = tempDir('ocop-demo-');
  fs.cpSync(t.dir, dir, { recursive: true });
  return { dir, db: path.join(dir, 'ocop.sqlite'), meetingSessionId: t.meetingSessionId };
}
