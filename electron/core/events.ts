/**
 * What changed, told to whoever shows it live: the secretary's scoring hub (server-sent events on
 * the bridge, IPC in Electron) and the meeting-room host (which closes the room when its session
 * ends). One event per successful call of a channel that changes what those screens show; the
 * event names the channel and, when the input says, the session, never the data itself.
 */
export interface CoreEvent {
  /** The contract channel whose call succeeded, e.g. 'scoring:setAnswer'. */
  channel: string;
  /** The session concerned, when the call names one (or its sheet belongs to one). */
  sessionId: number | null;
  at: string;
  /** 'device' when a member's device made the change through the meeting-room listener. */
  source: 'device' | 'local';
}

export type CoreEventListener = (e: CoreEvent) => void;

export class CoreEvents {
  private listeners = new Set<CoreEventListener>();

  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: CoreEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener's failure (a closed stream) must not fail the call that changed the data.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

/** Channels whose success changes what the live screens show (scoring hub, room panel). */
export const LIVE_CHANNELS: ReadonlySet<string> = new Set([
  'scoring:setAnswer',
  'scoring:setNote',
  'scoring:setDeclaration',
  'scoring:setOpinion',
  'scoring:undo',
  'scoring:submit',
  'scoring:unlock',
  'scoring:openRescoring',
  'scoring:paperCommit',
  'scoring:import',
  'sessions:transition',
  'sessions:setAttendance',
  'sessions:setAgenda',
  'sessions:addToAgenda',
  'sessions:declareConflict',
  'sessions:withdrawConflict',
  'room:start',
  'room:stop',
  'room:newCode',
  'room:revoke',
  'room:heartbeat',
  'room:paired',
]);
