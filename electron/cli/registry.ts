import type { CliCommand } from './command';
import { appCommands } from './commands/app';
import { criteriaCommands } from './commands/criteria';
import { dossiersCommands } from './commands/dossiers';
import { auditCommands } from './commands/audit';
import { backupCommands } from './commands/backup';
import { resultsCommands } from './commands/results';
import { documentsCommands } from './commands/documents';
import { documentSettingsCommands } from './commands/document-settings';
import { serveCommand } from './commands/serve';
import { scoringCommands } from './commands/scoring';
import { councilsCommands } from './commands/councils';
import { signaturesCommands } from './commands/signatures';
import { registryCommands } from './commands/registry';
import { statsCommands } from './commands/stats';
import { placesCommands } from './commands/places';
import { callCommand } from './commands/call';

/** Every CLI command. Areas add theirs in commands/<area>.ts and list them here. */
export const commands: CliCommand[] = [
  ...appCommands,
  ...dossiersCommands,
  ...criteriaCommands,
  ...auditCommands,
  ...backupCommands,
  ...resultsCommands,
  ...documentsCommands,
  ...documentSettingsCommands,
  ...councilsCommands,
  ...scoringCommands,
  ...signaturesCommands,
  ...registryCommands,
  ...statsCommands,
  ...placesCommands,
  serveCommand,
  callCommand,
];
