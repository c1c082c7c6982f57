import type { z } from 'zod';
import { appChannels } from './channels/app';
import { criteriaChannels } from './channels/criteria';
import { dossiersChannels } from './channels/dossiers';
import { backupChannels } from './channels/backup';
import { placesChannels } from './channels/places';
import { councilsChannels } from './channels/councils';
import { roundsChannels } from './channels/rounds';
import { sessionsChannels } from './channels/sessions';
import { demoChannels } from './channels/demo';
import { resultsChannels } from './channels/results';
import { documentsChannels } from './channels/documents';
import { documentSettingsChannels } from './channels/document-settings';
import { documentRegisterChannels } from './channels/document-register';
import { scoringChannels } from './channels/scoring';
import { documentSignatureChannels, signatureImageChannels, signaturesChannels } from './channels/signatures';
import { registryChannels } from './channels/registry';
import { roomChannels } from './channels/room';
import { statsChannels } from './channels/stats';
import { integrityChannels } from './channels/integrity';

/**
 * The whole contract: every channel of every area. Each area defines its channels in
 * `channels/<area>.ts`; this file only merges them. Main (IPC), the HTTP bridge, the CLI and the
 * renderer client are all typed from `contract`.
 */
export const contract = {
  ...appChannels,
  ...criteriaChannels,
  ...dossiersChannels,
  ...backupChannels,
  ...placesChannels,
  ...councilsChannels,
  ...roundsChannels,
  ...sessionsChannels,
  ...demoChannels,
  ...resultsChannels,
  ...documentsChannels,
  ...documentSettingsChannels,
  ...documentRegisterChannels,
  ...scoringChannels,
  ...signaturesChannels,
  ...registryChannels,
  ...documentSignatureChannels,
  ...signatureImageChannels,
  ...roomChannels,
  ...statsChannels,
  ...integrityChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
