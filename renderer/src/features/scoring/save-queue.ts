/**
 * The one ordered queue every change on a member's scoring sheet goes through, on the desktop
 * and on a member's own device in meeting-room mode.
 *
 * Why a queue of changes and not "save the current state": keys come faster than the host
 * answers. Each key that chooses a level becomes one change with its own value, appended in
 * order and sent one at a time, so a later change can never overwrite an earlier one that is
 * still waiting, and nothing the member saw chosen is dropped. Each change ends either stored on
 * the host or as a visible refusal that blocks the changes behind it until the member retries
 * or discards it.
 *
 * Each change carries an idempotency key (`opId`): when the connection drops after the host
 * stored a change but before the answer arrived, sending it again changes nothing. Where the
 * changes wait is pluggable: memory on the desktop (the host is in the same program), IndexedDB
 * on a member's device (a reload or a dropped Wi-Fi keeps them).
 */

export type SheetChange =
  | { kind: 'level'; code: string; levelIndex: number | null }
  | { kind: 'note'; code: string; note: string }
  | { kind: 'declaration'; ruleId: string; holds: boolean | null; reason: string | null }
  | { kind: 'opinion'; opinion: string }
  | { kind: 'undo' };

export interface PendingChange {
  /** Idempotency key, unique per change (the host records each once). */
  opId: string;
  /** Position in the queue; strictly increasing, also across reloads. */
  seq: number;
  sheetId: number;
  change: SheetChange;
  queuedAt: string;
}

/** Where waiting changes are kept. Calls are serialised by the queue, in order. */
export interface PendingStore {
  all(): Promise<PendingChange[]>;
  put(p: PendingChange): Promise<void>;
  remove(opId: string): Promise<void>;
}

export type QueueStatus =
  | { kind: 'idle'; pending: 0; lastSavedAt: string | null }
  | { kind: 'saving'; pending: number; lastSavedAt: string | null }
  /** The host cannot be reached: the changes wait and are re-sent by themselves. */
  | { kind: 'waiting'; pending: number; lastSavedAt: string | null; error: unknown; retryAt: number }
  /** The host refused the first waiting change: it and those behind it wait for the member. */
  | { kind: 'refused'; pending: number; lastSavedAt: string | null; error: unknown; change: PendingChange };

export interface SentResult {
  savedAt: string;
}

export interface SaveQueueOptions<R extends SentResult> {
  store: PendingStore;
  send: (p: PendingChange) => Promise<R>;
  /** true when the failure is the connection (re-send later), false when the host refused the change. */
  isTransient: (error: unknown) => boolean;
  /** Delays between automatic re-sends while the host is unreachable (the last one repeats). */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  newId?: () => string;
}

/** 128 random bits, URL-safe; crypto.getRandomValues works on plain-HTTP pages too (randomUUID does not). */
export function newOpId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export function memoryStore(): PendingStore {
  const items = new Map<string, PendingChange>();
  return {
    all: async () => [...items.values()].sort((a, b) => a.seq - b.seq),
    put: async (p) => void items.set(p.opId, p),
    remove: async (id) => void items.delete(id),
  };
}

const DEFAULT_RETRY_MS = [500, 1000, 2000, 4000, 8000] as const;

export class SaveQueue<R extends SentResult = SentResult> {
  private items: PendingChange[] = [];
  private nextSeq = 1;
  private running = false;
  private stopped = false;
  private status: QueueStatus = { kind: 'idle', pending: 0, lastSavedAt: null };
  private listeners = new Set<(s: QueueStatus) => void>();
  private sentListeners = new Set<(p: PendingChange, result: R) => void>();
  private settleWaiters: ((s: QueueStatus) => void)[] = [];
  private storeChain: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The latest changes stored on the host (bounded), for screens that read the sheet while they travel. */
  private recent: PendingChange[] = [];
  private lastSent = 0;
  private attempts = 0;
  private readonly opts: SaveQueueOptions<R>;

  constructor(opts: SaveQueueOptions<R>) {
    this.opts = opts;
  }

  /** Loads the changes a previous page left unsent (after a reload) and starts sending them. */
  async restore(): Promise<PendingChange[]> {
    const stored = await this.opts.store.all();
    const known = new Set(this.items.map((i) => i.opId));
    const fresh = stored.filter((s) => !known.has(s.opId));
    this.items = [...fresh, ...this.items].sort((a, b) => a.seq - b.seq);
    this.nextSeq = Math.max(this.nextSeq, ...this.items.map((i) => i.seq + 1));
    if (this.items.length > 0) this.kick();
    return fresh;
  }

  /** Appends one change (in memory at once, in the store right after) and sends when its turn comes. */
  enqueue(sheetId: number, change: SheetChange): PendingChange {
    const p: PendingChange = {
      opId: (this.opts.newId ?? newOpId)(),
      seq: this.nextSeq++,
      sheetId,
      change,
      queuedAt: (this.opts.now?.() ?? new Date()).toISOString(),
    };
    this.items.push(p);
    this.storeChain = this.storeChain.then(() => this.opts.store.put(p)).catch(() => undefined);
    this.kick();
    return p;
  }

  /**
   * A mark to take just before reading a sheet from the host. Every change acknowledged before
   * the mark is in what the host answers; those after it may or may not be.
   */
  sentMark(): number {
    return this.lastSent;
  }

  /**
   * What to lay over a sheet read from the host after `mark`: the changes stored since (they may
   * have missed the read) and those still waiting, in order. Applying one the read already has
   * changes nothing (every change sets a value).
   */
  changesAfter(mark: number, sheetId: number): PendingChange[] {
    const sent = this.recent.filter((p) => p.seq > mark && p.sheetId === sheetId);
    return [...sent, ...this.pending(sheetId)];
  }

  /** Unsent changes, oldest first (optionally of one sheet). */
  pending(sheetId?: number): readonly PendingChange[] {
    return sheetId === undefined ? this.items : this.items.filter((i) => i.sheetId === sheetId);
  }

  current(): QueueStatus {
    return this.status;
  }

  subscribe(listener: (s: QueueStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after each change is stored on the host, in order. */
  onSent(listener: (p: PendingChange, result: R) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /**
   * Resolves when the queue has nothing left to do by itself: every change is on the host
   * ('idle'), or the host cannot be reached ('waiting'), or it refused a change ('refused').
   */
  settled(): Promise<QueueStatus> {
    if (!this.running && this.status.kind !== 'saving') return Promise.resolve(this.status);
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  /** Sends again now: after a refusal the member chose to retry, or the connection is back. */
  retry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempts = 0;
    this.kick(true);
  }

  /** Drops the refused change at the head of the queue (the member chose to give it up). */
  discardRefused(): PendingChange | null {
    if (this.status.kind !== 'refused') return null;
    const head = this.items[0];
    if (!head || head.opId !== this.status.change.opId) return null;
    this.items.shift();
    this.storeChain = this.storeChain.then(() => this.opts.store.remove(head.opId)).catch(() => undefined);
    this.kick(true);
    return head;
  }

  /** Stops sending (the page is leaving); waiting changes stay in the store. */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private setStatus(s: QueueStatus) {
    this.status = s;
    for (const l of this.listeners) l(s);
    if (s.kind !== 'saving') {
      const w = this.settleWaiters;
      this.settleWaiters = [];
      for (const r of w) r(s);
    }
  }

  private kick(force = false) {
    if (this.stopped) return;
    if (!force && (this.status.kind === 'refused' || this.status.kind === 'waiting')) {
      // Keep the counter honest while blocked; the order is kept by not sending.
      this.setStatus({ ...this.status, pending: this.items.length });
      return;
    }
    if (this.running) {
      if (this.status.kind === 'saving') this.setStatus({ ...this.status, pending: this.items.length });
      return;
    }
    void this.pump();
  }

  private async pump() {
    this.running = true;
    const lastSavedAt = () => this.status.lastSavedAt;
    try {
      while (this.items.length > 0 && !this.stopped) {
        this.setStatus({ kind: 'saving', pending: this.items.length, lastSavedAt: lastSavedAt() });
        const head = this.items[0]!;
        // Written to the store before it leaves, so a reload mid-send still has it.
        await this.storeChain;
        let result: R;
        try {
          result = await this.opts.send(head);
        } catch (error) {
          if (this.opts.isTransient(error)) {
            const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_MS;
            const delay = delays[Math.min(this.attempts, delays.length - 1)]!;
            this.attempts++;
            const retryAt = Date.now() + delay;
            this.setStatus({ kind: 'waiting', pending: this.items.length, lastSavedAt: lastSavedAt(), error, retryAt });
            this.retryTimer = setTimeout(() => {
              this.retryTimer = null;
              this.kick(true);
            }, delay);
          } else {
            this.setStatus({ kind: 'refused', pending: this.items.length, lastSavedAt: lastSavedAt(), error, change: head });
          }
          return;
        }
        this.attempts = 0;
        // The head may have been discarded meanwhile only through discardRefused, which needs 'refused'.
        this.items.shift();
        this.lastSent = head.seq;
        this.recent.push(head);
        if (this.recent.length > 1000) this.recent.splice(0, this.recent.length - 1000);
        this.storeChain = this.storeChain.then(() => this.opts.store.remove(head.opId)).catch(() => undefined);
        this.status = { ...this.status, lastSavedAt: result.savedAt };
        for (const l of this.sentListeners) l(head, result);
      }
      if (!this.stopped) this.setStatus({ kind: 'idle', pending: 0, lastSavedAt: lastSavedAt() });
    } finally {
      this.running = false;
    }
  }
}
