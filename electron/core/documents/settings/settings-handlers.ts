import type { documentSettingsChannels } from '../../../../shared/api/channels/document-settings';
import type { AreaHandlers } from '../../handlers';
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
  'documents:settings': (input, ctx) => getSettingsView(ctx, input.sessionId, input.kind),
  'documents:saveSettings': (input, ctx, meta) => saveSettings(ctx, meta, input),
  'documents:resetSettings': (input, ctx, meta) => resetSettings(ctx, meta, input),
  'documents:allocateNumber': (input, ctx, meta) => allocateDocumentNumber(ctx, meta, input),
  'documents:numberSeries': (input, ctx) => listNumberSeries(ctx, input.councilId, input.year),
  'documents:setNumberSeries': (input, ctx, meta) => setNumberSeries(ctx, meta, input),
  'documents:councilSigners': (input, ctx) => listCouncilSigners(ctx, input.councilId),
  'documents:setCouncilSigner': (input, ctx, meta) => setCouncilSigner(ctx, meta, input),
};
