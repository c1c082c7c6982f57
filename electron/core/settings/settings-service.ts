import type { Settings } from '../../../shared/api/channels/app';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import { runWrite, type Call } from '../handlers';
import { operatorActor, readSettings, writeSettings } from './settings-repo';

/**
 * Saves the settings given and audits the change. A task, not a write: the operator name becomes
 * the default actor of later calls only once the change has committed.
 */
export async function saveSettings(call: Call, patch: ChannelParsedInput<'settings:set'>): Promise<Settings> {
  const after = await runWrite(call, async (w) => {
    const before = await readSettings(w.trx);
    await writeSettings(w.trx, patch, w.at);
    const saved = await readSettings(w.trx);
    await w.audit({ action: 'settings.set', entity: 'settings', before, after: saved });
    return saved;
  });
  // From now on, calls that do not name their actor are recorded under the new name.
  call.ctx.defaultActor = operatorActor(after.operatorName);
  return after;
}
