import type { placesChannels } from '../../../shared/api/channels/places';
import { read, task, type AreaHandlers } from '../handlers';
import { communeList, importCommunes, provinces, searchCommunes } from './places-service';

export const placesHandlers: AreaHandlers<typeof placesChannels> = {
  'places:provinces': read(() => provinces()),
  'places:communeList': read((ctx) => communeList(ctx)),
  // A task: the file is read and checked before the one transaction that replaces the list opens.
  'places:importCommunes': task((call, input) => importCommunes(call, input)),
  'places:searchCommunes': read((ctx, input) => searchCommunes(ctx, input)),
};
