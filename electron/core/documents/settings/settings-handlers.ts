import type { documentSettingsChannels } from '../../../../shared/api/channels/document-settings';
import { read, write, type AreaHandlers } from '../../handlers';
import {
  allocateDocumentNumber,
  getSettingsView,
  listCouncilSigners,
  listNumberSeries,
  resetSettings,
  saveSettings,
  setCouncilSigner,
  setNumberSeries,
} from './settings-service';

export const documentSettingsHandlers: AreaHandlers<typeof documentSettingsChannels> = {
  'documents:settings': read(getSettingsView),
  'documents:saveSettings': write(saveSettings),
  'documents:resetSettings': write(resetSettings),
  'documents:allocateNumber': write(allocateDocumentNumber),
  'documents:numberSeries': read(listNumberSeries),
  'documents:setNumberSeries': write(setNumberSeries),
  'documents:councilSigners': read(listCouncilSigners),
  'documents:setCouncilSigner': write(setCouncilSigner),
};
