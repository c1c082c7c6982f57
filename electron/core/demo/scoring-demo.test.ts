import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { call } from '../test/call';
import { memoryCore } from '../test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('training dataset: scoring', () => {
  it('gives the meeting a submitted sheet from every present member for every product they score, a spread over 10 on product 1 and a paper sheet', async () => {
    core = await memoryCore();
    const demo = await call(core, 'demo:create', { seed: 3 });
    const sessionId = demo.meetingSessionId;
    const progress = await call(core, 'scoring:progress', { sessionId });
    const expected = progress.cells.filter((c) => c.state !== 'recused' && c.state !== 'absent');
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.every((c) => c.state === 'submitted')).toBe(true);
    expect(progress.cells.some((c) => c.state === 'recused')).toBe(true);
    expect(progress.cells.filter((c) => c.source === 'paper').length).toBeGreaterThan(0);

    const spread = await call(core, 'scoring:spread', { sessionId });
    const first = spread.products[0]!;
    expect(first.spread).toBeGreaterThan(10);
    expect(first.withinLimit).toBe(false);
    // Most products agree within the limit; several means sit near a star edge (50, 70, 90).
    expect(spread.products.slice(1).filter((p) => p.withinLimit).length).toBeGreaterThanOrEqual(6);
    const means = spread.products.map((p) => p.totals.reduce((s, t) => s + t.totalPoints, 0) / p.totals.length);
    expect(means.filter((m) => [50, 70, 90].some((edge) => Math.abs(m - edge) <= 2.5)).length).toBeGreaterThanOrEqual(3);
    expect((await call(core, 'audit:verify', {})).ok).toBe(true);
  });
});
