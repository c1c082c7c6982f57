/**
 * kill -9 during restore and during backup, at random points, with counts (issue 14). Each
 * iteration is one cycle of electron/core/backup/test/kill-cycle.ts: a child process restores the
 * pre-finalization backup over a finalized data folder (or makes a backup) and is killed with
 * SIGKILL at a random moment after it started the work (restore 0–3 s, backup 0–0.4 s); the folder is then opened as the app opens it.
 * The target is not a time: no cycle may end in a mixed state, a failed integrity_check or audit
 * verify, or a damaged backup file. OCOP_KILL_CYCLES sets the cycles per case (default 10).
 */
import { finalizedDemoFolder } from '../electron/core/integrity/test/demo-folder';
import { killCycle, killTemplate, type KillOutcome, type KillTemplate } from '../electron/core/backup/test/kill-cycle';
import { defineCases } from './harness';

const CYCLES = Number(process.env.OCOP_KILL_CYCLES ?? 10);
/** A restore of the demo folder takes 1–4 s here, a backup well under 1 s: kill within that span. */
const MAX_DELAY_MS = { restore: 3000, backup: 400 };

interface State {
  template: KillTemplate;
  outcomes: KillOutcome[];
}

const broken = (o: KillOutcome) => o.state === 'mix' || o.integrity !== 'ok' || !o.verifyOk || o.badBackups.length > 0;

function killCase(what: 'restore' | 'backup') {
  return {
    name: `kill -9 at a random point during ${what}: old or new state, never a mix`,
    iterations: CYCLES,
    setup: async (): Promise<State> => ({ template: killTemplate((await finalizedDemoFolder()).dir), outcomes: [] }),
    run: async (s: State) => {
      s.outcomes.push(await killCycle(s.template, what, Math.floor(Math.random() * MAX_DELAY_MS[what])));
    },
    check: { describe: '0 mixed, 0 integrity/verify failures, 0 bad backups', met: (s: State) => !s.outcomes.some(broken) },
    notes: (s: State) => {
      const n = (f: (o: KillOutcome) => boolean) => s.outcomes.filter(f).length;
      return (
        `${s.outcomes.length} cycles: killed mid-work ${n((o) => !o.completed)}, finished before the kill ${n((o) => o.completed)}; ` +
        `old state ${n((o) => o.state === 'old')}, new state ${n((o) => o.state === 'new')}, mixed ${n((o) => o.state === 'mix')}; ` +
        `integrity failures ${n((o) => o.integrity !== 'ok')}, verify failures ${n((o) => !o.verifyOk)}, bad backups ${n((o) => o.badBackups.length > 0)}; ` +
        `leftover .partial/.restoring files ${n((o) => o.leftovers.length > 0)}`
      );
    },
  };
}

export const cases = defineCases<State>(killCase('restore'), killCase('backup'));
