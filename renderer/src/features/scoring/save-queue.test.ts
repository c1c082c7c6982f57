import { describe, expect, it } from 'vitest';
import { memoryStore, SaveQueue, type PendingChange, type PendingStore, type QueueStatus } from './save-queue';

class Refused extends Error {}
class Offline extends Error {}

const level = (code: string, levelIndex: number) => ({ kind: 'level' as const, code, levelIndex });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A host that stores changes by opId once, answering after a random delay. */
function fakeHost(opts: { delayMs?: () => number } = {}) {
  const stored: PendingChange[] = [];
  const seen = new Set<string>();
  let offline = false;
  let refuse: ((p: PendingChange) => boolean) | null = null;
  let loseAnswers = 0;
  const send = async (p: PendingChange) => {
    await tick(opts.delayMs?.() ?? 0);
    if (offline) throw new Offline('host unreachable');
    if (refuse?.(p)) throw new Refused(`refused ${p.opId}`);
    if (!seen.has(p.opId)) {
      seen.add(p.opId);
      stored.push(p);
    }
    if (loseAnswers > 0) {
      loseAnswers--;
      throw new Offline('answer lost on the way back');
    }
    return { savedAt: `t${stored.length}` };
  };
  return {
    stored,
    send,
    setOffline: (v: boolean) => (offline = v),
    setRefuse: (f: typeof refuse) => (refuse = f),
    loseNextAnswers: (n: number) => (loseAnswers = n),
  };
}

const transient = (e: unknown) => e instanceof Offline;

describe('SaveQueue', () => {
  it('stores 500 changes enqueued at once in order, each exactly once, while the host answers slowly', async () => {
    const host = fakeHost({ delayMs: () => Math.floor(Math.random() * 3) });
    const q = new SaveQueue({ store: memoryStore(), send: host.send, isTransient: transient });
    const seen: QueueStatus['kind'][] = [];
    q.subscribe((s) => seen.push(s.kind));
    for (let i = 0; i < 500; i++) q.enqueue(1, level(`c${i % 30}`, i % 4));
    expect(q.pending()).toHaveLength(500);
    const end = await Promise.race([q.settled(), tick(10_000).then(() => 'timeout' as const)]);
    expect(end).not.toBe('timeout');
    expect(host.stored.map((p) => p.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(q.pending()).toHaveLength(0);
    expect(q.current()).toMatchObject({ kind: 'idle', pending: 0, lastSavedAt: 't500' });
    expect(seen.at(-1)).toBe('idle');
  });

  it('a later change never overtakes an earlier one for the same criterion', async () => {
    const host = fakeHost({ delayMs: () => 1 });
    const q = new SaveQueue({ store: memoryStore(), send: host.send, isTransient: transient });
    q.enqueue(1, level('1.1', 0));
    q.enqueue(1, level('1.1', 2));
    q.enqueue(1, level('1.1', 1));
    await q.settled();
    const last = new Map(host.stored.map((p) => [(p.change as { code: string }).code, p.change]));
    expect(last.get('1.1')).toEqual(level('1.1', 1));
    expect(host.stored).toHaveLength(3);
  });

  it('waits while the host is unreachable and re-sends in order by itself; a lost answer is not stored twice', async () => {
    const host = fakeHost();
    const q = new SaveQueue({ store: memoryStore(), send: host.send, isTransient: transient, retryDelaysMs: [5] });
    host.setOffline(true);
    for (let i = 0; i < 5; i++) q.enqueue(1, level(`c${i}`, 1));
    const s = await q.settled();
    expect(s).toMatchObject({ kind: 'waiting', pending: 5 });
    q.enqueue(1, level('c5', 2));
    expect(q.current()).toMatchObject({ kind: 'waiting', pending: 6 });
    host.setOffline(false);
    host.loseNextAnswers(2);
    for (let i = 0; i < 200 && q.current().kind !== 'idle'; i++) await tick(5);
    expect(q.current().kind).toBe('idle');
    expect(host.stored.map((p) => (p.change as { code: string }).code)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('a refused change blocks those behind it until the member retries or discards it', async () => {
    const host = fakeHost();
    const q = new SaveQueue({ store: memoryStore(), send: host.send, isTransient: transient });
    host.setRefuse((p) => (p.change as { code: string }).code === 'bad');
    q.enqueue(1, level('a', 0));
    q.enqueue(1, level('bad', 0));
    q.enqueue(1, level('c', 0));
    const s = await q.settled();
    expect(s.kind).toBe('refused');
    expect(s.kind === 'refused' && (s.change.change as { code: string }).code).toBe('bad');
    expect(s.pending).toBe(2);
    expect(host.stored).toHaveLength(1);
    // Retrying while the host still refuses changes nothing.
    q.retry();
    expect((await q.settled()).kind).toBe('refused');
    expect(q.discardRefused()?.change).toEqual(level('bad', 0));
    expect((await q.settled()).kind).toBe('idle');
    expect(host.stored.map((p) => (p.change as { code: string }).code)).toEqual(['a', 'c']);
  });

  it('after a reload the changes left in the store are sent first, in their order, and new ones follow', async () => {
    const store = memoryStore();
    const host = fakeHost();
    host.setOffline(true);
    const first = new SaveQueue({ store, send: host.send, isTransient: transient, retryDelaysMs: [60_000] });
    first.enqueue(7, level('x', 1));
    first.enqueue(7, level('y', 2));
    await first.settled();
    first.stop();
    expect(await store.all()).toHaveLength(2);

    host.setOffline(false);
    const second = new SaveQueue({ store, send: host.send, isTransient: transient });
    const restored = await second.restore();
    expect(restored.map((r) => r.seq)).toEqual([1, 2]);
    second.enqueue(7, level('z', 0));
    expect(second.pending().at(-1)?.seq).toBe(3);
    await second.settled();
    expect(host.stored.map((p) => (p.change as { code: string }).code)).toEqual(['x', 'y', 'z']);
    expect(await store.all()).toHaveLength(0);
  });

  it('writes a change to the store before sending it', async () => {
    const order: string[] = [];
    const inner = memoryStore();
    const store: PendingStore = {
      all: inner.all,
      put: async (p) => {
        await tick(3);
        order.push(`put ${p.seq}`);
        await inner.put(p);
      },
      remove: async (id) => {
        order.push('remove');
        await inner.remove(id);
      },
    };
    const q = new SaveQueue({
      store,
      send: async (p) => {
        order.push(`send ${p.seq}`);
        return { savedAt: 'x' };
      },
      isTransient: transient,
    });
    q.enqueue(1, level('a', 0));
    q.enqueue(1, level('b', 0));
    await q.settled();
    await tick(20);
    expect(order.indexOf('put 1')).toBeLessThan(order.indexOf('send 1'));
    expect(order.indexOf('put 2')).toBeLessThan(order.indexOf('send 2'));
    expect(await inner.all()).toHaveLength(0);
  });

  it('a sheet read while changes travel gets laid over with exactly those it may have missed', async () => {
    const host = fakeHost({ delayMs: () => 2 });
    const q = new SaveQueue({ store: memoryStore(), send: host.send, isTransient: transient });
    q.enqueue(1, level('a', 0));
    await q.settled();
    const mark = q.sentMark(); // the read starts here
    q.enqueue(1, level('b', 1));
    q.enqueue(2, level('x', 1));
    q.enqueue(1, level('c', 2));
    await q.settled(); // b, x and c stored while the read travelled
    q.enqueue(1, level('d', 0)); // and d still waiting
    expect(q.changesAfter(mark, 1).map((p) => (p.change as { code: string }).code)).toEqual(['b', 'c', 'd']);
    expect(q.changesAfter(q.sentMark(), 1).map((p) => (p.change as { code: string }).code)).toEqual(['d']);
  });
});
