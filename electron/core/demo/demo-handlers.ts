import { demoChannels } from '../../../shared/api/channels/demo';
import { read, task, type AreaHandlers } from '../handlers';
import type { Invoke } from './call';
import { createDemo, demoStatus } from './create-demo';

/** The demo writes through `invoke`, which api.ts passes in (importing it here would be a cycle). */
export const demoHandlers = (invoke: Invoke): AreaHandlers<typeof demoChannels> => ({
  'demo:create': task((call, input) => createDemo(call, input, invoke)),
  'demo:status': read(demoStatus),
});
