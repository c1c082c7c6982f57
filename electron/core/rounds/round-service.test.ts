import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { preparedSession, seedRound } from '../sessions/test/fixtures';
import { call, callError } from '../test/call';
import { memoryCore } from '../test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('rounds', () => {
  it('shows a round with its registrations and sessions', async () => {
    core = await memoryCore();
    const p = await preparedSession(core);
    const d = await call(core, 'rounds:get', { id: p.roundId });
    expect(d.round).toMatchObject({
      year: 2026,
      number: 1,
      legalBasis: '26/2026/QĐ-TTg',
      endDate: '2026-06-30',
      registrationCount: 3,
    });
    expect(d.registrationsByStatus).toEqual({ on_agenda: 3 });
    expect(d.registrationsByKind).toEqual({ first: 3 });
    expect(d.sessions).toMatchObject([{ id: p.sessionId, number: 1, status: 'preparing', kind: 'meeting' }]);
  });

  it('edits dates in order and audits the change', async () => {
    core = await memoryCore();
    const { roundId } = await seedRound(core, { registrations: 0 });
    const bad = await callError(core, 'rounds:update', { id: roundId, deadlineDate: '2026-07-15' });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('proposals must arrive before the round ends'),
    });
    expect((await callError(core, 'rounds:update', { id: roundId, startDate: '2026-07-01' })).message).toContain(
      'a round ends after it starts',
    );
    const d = await call(core, 'rounds:update', { id: roundId, name: 'Đợt 1/2026 (bổ sung)', startDate: '2026-03-01' });
    expect(d.round).toMatchObject({ name: 'Đợt 1/2026 (bổ sung)', startDate: '2026-03-01' });
    expect((await call(core, 'audit:tail', { limit: 1 }))[0]).toMatchObject({
      action: 'round.update',
      before: { startDate: null },
      after: { startDate: '2026-03-01' },
    });
  });

  it('gives creating and editing the same date-order error, naming the field to fix', async () => {
    core = await memoryCore();
    const created = await callError(core, 'rounds:create', {
      year: 2026,
      number: 2,
      startDate: '2026-07-01',
      endDate: '2026-06-30',
    });
    const { roundId } = await seedRound(core, { registrations: 0 });
    const edited = await callError(core, 'rounds:update', { id: roundId, startDate: '2026-07-01' });
    for (const e of [created, edited]) {
      expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'endDate', issues: [{ path: ['endDate'] }] } });
      expect(e.message).toContain('a round ends after it starts');
    }
    expect(await call(core, 'rounds:list', {})).toHaveLength(1);
  });

  it('changes the legal basis only while the round is empty, and never to a decision signed after the round year', async () => {
    core = await memoryCore();
    const empty = await seedRound(core, { registrations: 0, number: 3 });
    expect((await call(core, 'rounds:update', { id: empty.roundId, legalBasis: '148/QĐ-TTg' })).round.legalBasis).toBe(
      '148/QĐ-TTg',
    );
    const full = await seedRound(core, { registrations: 1, number: 4 });
    expect((await callError(core, 'rounds:update', { id: full.roundId, legalBasis: '148/QĐ-TTg' })).code).toBe('IMMUTABLE');
    const old = await seedRound(core, { registrations: 0, number: 1, year: 2024 });
    await call(core, 'rounds:update', { id: old.roundId, legalBasis: '148/QĐ-TTg' });
    expect((await callError(core, 'rounds:update', { id: old.roundId, legalBasis: '26/2026/QĐ-TTg' })).message).toContain(
      'cannot be judged under it',
    );
  });
});
