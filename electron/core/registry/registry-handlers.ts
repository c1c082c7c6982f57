import type { registryChannels } from '../../../shared/api/channels/registry';
import type { AreaHandlers } from '../handlers';
import { reprintCertificate } from './certificate-service';
import { recordDecision, revokeEntry, updateDecision, withdrawEntry } from './decision-service';
import { createReevaluations, dueList } from './due-service';
import { getEntry } from './entry-detail';
import { facets, linkEntry, listEntries, updateEntry } from './entry-service';
import { dueExport, exportRegistry } from './export-service';
import { importRegistry, registryTemplate } from './import/import-service';
import { syncAllSessions } from './session-sync';
import { deleteTarget, getRegistrySettings, saveTarget, setRegistrySettings, targets } from './settings-service';
import { read, task, write } from '../handlers';

export const registryHandlers: AreaHandlers<typeof registryChannels> = {
  'registry:list': read(listEntries),
  'registry:get': read(getEntry),
  'registry:facets': read(facets),
  'registry:sync': write((w) => syncAllSessions(w)),
  'registry:recordDecision': write(recordDecision),
  'registry:updateDecision': write(updateDecision),
  'registry:revoke': write(revokeEntry),
  'registry:withdraw': write(withdrawEntry),
  'registry:update': write(updateEntry),
  'registry:link': write(linkEntry),
  'registry:due': read(dueList),
  'registry:dueExport': read(dueExport),
  'registry:createReevaluations': write(createReevaluations),
  'registry:template': read(() => registryTemplate()),
  'registry:import': task(importRegistry),
  'registry:export': read(exportRegistry),
  'registry:certificate': read(reprintCertificate),
  'registry:settings': read(getRegistrySettings),
  'registry:setSettings': write(setRegistrySettings),
  'registry:targets': read(targets),
  'registry:saveTarget': write(saveTarget),
  'registry:deleteTarget': write(deleteTarget),
};
