import type { Channel } from './contract';

/**
 * Cache invalidation in one place. Every channel says which kinds of data it reads (a query) or
 * writes (a change); after a change succeeds, the renderer refetches every query that reads
 * what the change wrote (`useApiMutation` does it by default). The map is typed over every
 * channel of the contract, so a new channel does not build until it is classified here, and
 * invalidation.test.ts checks it against the core (a `read` handler is a query, a `write` a change).
 *
 * Err on the side of listing a topic: a needless refetch costs a few milliseconds, a missing one
 * shows an old status until the user reloads (issue 16: the Kết quả page still said ĐANG HỌP
 * after the session was closed, because closing a session did not stale the results).
 */
export const TOPICS = [
  'settings',
  'criteria',
  'rounds',
  /** Producers, products, registrations, self-assessments, commune reports, evidence files. */
  'dossiers',
  /** Import and print jobs (their status is polled). */
  'jobs',
  /** Councils, their rules versions and membership periods (and members' PINs). */
  'councils',
  /** Sessions, their agenda, attendance, recusals and status. */
  'sessions',
  /** Scoring sheets, answers, rescoring rounds, paper entries. */
  'sheets',
  /** Finalizations and reopenings. */
  'results',
  /** Document settings, number series and allocated numbers. */
  'documents',
  'backups',
  /** The province's register of OCOP products: entries, decisions, targets, its settings. */
  'registry',
  /** The built-in provinces and the imported commune list (places area). */
  'places',
  /** The meeting room: its listener, pairing code and paired devices. */
  'room',
  /** Signatures of issued documents (who signed, the signed copies, attached scans), the organisation signer, signature images. */
  'signatures',
  /** Certificates the user trusts for checking signatures. */
  'trust',
  /** The training dataset marker. */
  'demo',
  /** The audit log: every change appends to it, so every change stales it (no need to list it). */
  'audit',
] as const;
export type Topic = (typeof TOPICS)[number];

type Data = { reads: readonly Topic[] } | { writes: readonly Topic[] | 'everything' };

const q = (...reads: Topic[]): Data => ({ reads });
const w = (...writes: Topic[]): Data => ({ writes });

/** What each channel reads or writes. */
export const CHANNEL_DATA: { readonly [C in Channel]: Data } = {
  'app:info': q(),
  'app:ping': q(),
  'settings:get': q('settings'),
  'settings:set': w('settings'),
  'audit:tail': q('audit'),
  'audit:verify': q('audit'),

  'criteria:list': q('criteria'),
  'criteria:get': q('criteria'),
  'criteria:search': q('criteria'),
  'criteria:import': w('criteria'),
  'criteria:export': q('criteria'),
  'criteria:classification': q('criteria'),

  'rounds:list': q('rounds'),
  'rounds:get': q('rounds', 'dossiers'),
  'rounds:create': w('rounds'),
  'rounds:update': w('rounds'),

  'producers:list': q('dossiers'),
  'producers:get': q('dossiers'),
  'producers:create': w('dossiers'),
  'producers:update': w('dossiers'),
  'producers:delete': w('dossiers'),
  'products:list': q('dossiers'),
  'products:get': q('dossiers', 'rounds'),
  'products:create': w('dossiers'),
  'products:update': w('dossiers'),
  'products:delete': w('dossiers'),
  'products:nextCode': q('dossiers'),
  'registrations:list': q('dossiers', 'rounds', 'sessions', 'results'),
  'registrations:get': q('dossiers', 'rounds', 'criteria', 'sessions', 'results'),
  'registrations:create': w('dossiers'),
  'registrations:update': w('dossiers'),
  'registrations:delete': w('dossiers'),
  'registrations:setStatus': w('dossiers'),
  'registrations:selfAssessment': q('dossiers', 'criteria'),
  'registrations:saveSelfAssessment': w('dossiers', 'criteria'),
  'registrations:saveCommuneReport': w('dossiers'),
  'attachments:list': q('dossiers'),
  'attachments:add': w('dossiers'),
  'attachments:content': q('dossiers'),
  'attachments:remove': w('dossiers'),
  'dossiers:template': q(),
  'dossiers:import': w('dossiers', 'rounds'),
  // The job writes the dossiers when it ends; the import page invalidates with staleAfter('dossiers:import') then.
  'dossiers:importStart': w('jobs'),
  'dossiers:importStatus': q('jobs'),
  'dossiers:importCancel': w('jobs'),

  'councils:list': q('councils', 'sessions'),
  'councils:get': q('councils', 'sessions'),
  'councils:create': w('councils'),
  'councils:update': w('councils'),
  // A new rules version moves every session not finalized onto it (their checks and results change).
  'councils:setRules': w('councils', 'sessions'),
  // Membership changes re-sync the member list of sessions in preparation.
  'councils:addMember': w('councils', 'sessions'),
  'councils:correctMember': w('councils', 'sessions'),
  'councils:endMember': w('councils', 'sessions'),
  'councils:changeMember': w('councils', 'sessions'),
  'councils:reorderMembers': w('councils', 'sessions'),

  'sessions:list': q('sessions', 'councils', 'rounds', 'results'),
  'sessions:get': q('sessions', 'councils', 'dossiers', 'sheets', 'results'),
  // Sessions put registrations on the agenda and take them off (their dossier stage follows).
  'sessions:create': w('sessions'),
  'sessions:update': w('sessions'),
  'sessions:delete': w('sessions', 'dossiers'),
  'sessions:setAgenda': w('sessions', 'dossiers'),
  'sessions:addToAgenda': w('sessions', 'dossiers'),
  'sessions:agendaCandidates': q('sessions', 'dossiers'),
  'sessions:setAttendance': w('sessions'),
  'sessions:declareConflict': w('sessions'),
  'sessions:withdrawConflict': w('sessions'),
  // Opening, closing and reopening a session move its registrations' dossier stage (on_agenda → evaluated).
  'sessions:transition': w('sessions', 'dossiers'),

  'demo:create': { writes: 'everything' },
  'demo:status': q('demo'),

  'results:session': q('results', 'sessions', 'sheets', 'councils', 'dossiers'),
  'results:product': q('results', 'sessions', 'sheets', 'councils', 'dossiers'),
  'results:sensitivity': q('results', 'sessions', 'sheets', 'councils'),
  // Finalizing proposes register entries for the session's products; reopening withdraws them. Both
  // write each registration's stage and outcome (the dossier list, the round, the frozen self-assessment).
  'results:finalize': w('results', 'sessions', 'registry', 'dossiers'),
  'results:reopen': w('results', 'sessions', 'registry', 'dossiers'),
  'results:verify': q('results'),

  'documents:render': q('documents', 'results', 'sessions', 'sheets', 'councils', 'dossiers', 'settings', 'registry'),
  'documents:fontStatus': q('settings'),
  'documents:batchStart': w('jobs'),
  'documents:batchStatus': q('jobs'),
  'documents:batchCancel': w('jobs'),
  'documents:batchResult': q('jobs'),
  'documents:verify': q('results'),
  // The decision's record is the registry's (documents/settings/decision-record.ts).
  // The minutes' defaults count re-scoring rounds (sheets).
  'documents:settings': q('documents', 'sessions', 'councils', 'results', 'registry', 'sheets'),
  'documents:saveSettings': w('documents', 'registry'),
  'documents:resetSettings': w('documents'),
  'documents:allocateNumber': w('documents'),
  'documents:numberSeries': q('documents'),
  'documents:setNumberSeries': w('documents'),
  'documents:councilSigners': q('documents', 'councils'),
  'documents:setCouncilSigner': w('documents'),
  // Issuing a document numbers it, stores the file and enters it in the council's register.
  'documents:issue': w('documents'),
  'documents:register': q('documents'),
  'documents:corrections': q('documents', 'registry'),
  'documents:registerFile': q('documents'),

  'scoring:members': q('sheets', 'sessions', 'councils'),
  // The member it answers with carries their sheet counts and any re-scoring asked of them.
  'scoring:identify': q('councils', 'sessions', 'sheets'),
  'scoring:setPin': w('councils'),
  'scoring:assignments': q('sheets', 'sessions'),
  'scoring:open': w('sheets'),
  'scoring:get': q('sheets', 'sessions'),
  'scoring:context': q('sheets', 'sessions', 'dossiers'),
  'scoring:setAnswer': w('sheets'),
  'scoring:setNote': w('sheets'),
  'scoring:setDeclaration': w('sheets'),
  'scoring:setOpinion': w('sheets'),
  'scoring:undo': w('sheets'),
  'scoring:submit': w('sheets'),
  'scoring:keepPrevious': w('sheets'),
  'scoring:unlock': w('sheets'),
  'scoring:progress': q('sheets', 'sessions'),
  'scoring:productSheets': q('sheets', 'sessions'),
  'scoring:spread': q('sheets', 'sessions', 'councils'),
  'scoring:openRescoring': w('sheets'),
  'scoring:paperGet': q('sheets', 'sessions'),
  'scoring:paperSave': w('sheets'),
  'scoring:paperCommit': w('sheets'),
  'scoring:export': q('sheets', 'sessions'),
  'scoring:importPreview': q('sheets', 'sessions'),
  'scoring:import': w('sheets'),

  'backup:create': w('backups'),
  'backup:list': q('backups'),
  /** A copy written outside the data folder (the list does not change; the audit log does not either). */
  'backup:saveCopy': w('backups'),
  /** The whole database is replaced: every screen reads again. */
  'backup:restore': { writes: 'everything' },
  /** Reads the current data and a backup file; stale after any change. */
  'backup:preview': q('backups', 'audit'),
  'archive:export': w('backups'),
  /** Reads the whole state; every change stales it through the audit log. */
  'integrity:verify': q('audit'),

  'places:provinces': q(),
  'places:communeList': q('places'),
  'places:importCommunes': w('places'),
  'places:searchCommunes': q('places'),
  'registry:list': q('registry', 'dossiers'),
  'registry:get': q('registry', 'dossiers', 'documents'),
  'registry:facets': q('registry'),
  'registry:sync': w('registry'),
  'registry:recordDecision': w('registry'),
  'registry:updateDecision': w('registry'),
  'registry:revoke': w('registry'),
  'registry:withdraw': w('registry'),
  'registry:update': w('registry'),
  'registry:link': w('registry'),
  'registry:due': q('registry', 'dossiers'),
  'registry:dueExport': q('registry', 'dossiers'),
  'registry:createReevaluations': w('registry', 'dossiers'),
  'registry:template': q(),
  'registry:import': w('registry', 'dossiers'),
  'registry:export': q('registry', 'dossiers'),
  'registry:certificate': q('registry'),
  'registry:settings': q('registry'),
  'registry:setSettings': w('registry'),
  'registry:targets': q('registry'),
  'registry:saveTarget': w('registry'),
  'registry:deleteTarget': w('registry'),

  'room:status': q('room'),
  'room:interfaces': q(),
  'room:start': w('room'),
  'room:stop': w('room'),
  'room:newCode': w('room'),
  'room:revoke': w('room'),
  'room:me': q('room', 'sessions', 'sheets'),
  'room:heartbeat': w('room'),

  'stats:report': q('registry', 'dossiers', 'results'),
  'stats:drill': q('registry', 'dossiers', 'results'),
  'stats:export': q('registry', 'dossiers', 'results'),
  'stats:leniency': q('registry', 'dossiers', 'results', 'sheets'),

  'signatures:verify': q('trust'),
  // Signing makes a new file and stores nothing the screens read back (the audit log only).
  'signatures:signFile': w(),
  'signatures:tokens': q(),
  'signatures:lastModule': q('settings'),
  'signatures:signFileWithToken': w(),
  'signatures:trustList': q('trust'),
  'signatures:trustImport': w('trust'),
  'signatures:trustRemove': w('trust'),
  // Signed copies and scans enter the register of issued documents.
  'signatures:documents': q('signatures', 'documents', 'results', 'councils'),
  'signatures:document': q('signatures', 'documents', 'results', 'councils'),
  'signatures:sign': w('signatures', 'documents'),
  'signatures:attachScan': w('signatures', 'documents'),
  'signatures:organisation': q('signatures', 'councils'),
  'signatures:setOrganisation': w('signatures'),
  // Member signature images and the council seal, drawn on signed minutes.
  'signatures:setImage': w('signatures'),
  'signatures:getImage': q('signatures'),
  'signatures:removeImage': w('signatures'),
};

const channels = Object.keys(CHANNEL_DATA) as Channel[];

/** Whether a channel changes data (then the renderer calls it through useApiMutation). */
export const isMutation = (c: Channel): boolean => 'writes' in CHANNEL_DATA[c];

/** The query channels whose cached answers are stale once `mutation` succeeded, in contract order. */
export function staleAfter(mutation: Channel): Channel[] {
  const d = CHANNEL_DATA[mutation];
  if (!('writes' in d)) return [];
  const written = new Set<Topic>(d.writes === 'everything' ? TOPICS : [...d.writes, 'audit']);
  return channels.filter((c) => {
    const r = CHANNEL_DATA[c];
    return 'reads' in r && (d.writes === 'everything' || r.reads.some((t) => written.has(t)));
  });
}
