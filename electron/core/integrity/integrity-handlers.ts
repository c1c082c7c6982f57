import type { integrityChannels } from '../../../shared/api/channels/integrity';
import { read, type AreaHandlers } from '../handlers';
import { verifyIntegrity } from './state-verify';

export const integrityHandlers: AreaHandlers<typeof integrityChannels> = {
  'integrity:verify': read(verifyIntegrity),
};
