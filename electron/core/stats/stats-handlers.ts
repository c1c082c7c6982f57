import type { statsChannels } from '../../../shared/api/channels/stats';
import type { AreaHandlers } from '../handlers';
import { read } from '../handlers';
import { exportReport } from './report-export';
import { leniency } from './leniency-service';
import { drill, statsReport } from './report-service';

export const statsHandlers: AreaHandlers<typeof statsChannels> = {
  'stats:report': read(statsReport),
  'stats:drill': read(drill),
  'stats:export': read(exportReport),
  'stats:leniency': read(leniency),
};
