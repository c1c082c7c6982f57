import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_criteria';
import * as m0003 from './0003_dossiers';
import * as m0004 from './0004_councils';
import * as m0005 from './0005_scoring';
import * as m0006 from './0006_results';
import * as m0007 from './0007_documents';
import * as m0008 from './0008_dossiers_snapshot';
import * as m0010 from './0010_document_register';
import * as m0010b from './0010b_registry_corrections';
import * as m0012 from './0012_signatures';
import * as m0012b from './0012b_session_signatures';
import * as m0012c from './0012c_signatures_in_register';
import * as m0013 from './0013_registration_outcome';
import * as m0013b from './0013b_sheet_kept_previous';
import * as m0013c from './0013c_place_communes';
import * as m0014 from './0014_registry';
import * as m0015 from './0015_meeting_room';
import * as m0014b from './0014b_registry_stats';

/**
 * Every migration, in order. Names sort lexically = order of application. A released
 * migration is never edited; changes come as a new file. Areas own their numbers:
 * 0001 foundation, 0002 criteria, 0003 dossiers, 0004 councils, 0005 scoring, 0006 results,
 * 0007 documents (print settings, number series); later changes continue from 0008.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_criteria': m0002,
  '0003_dossiers': m0003,
  '0004_councils': m0004,
  '0005_scoring': m0005,
  '0006_results': m0006,
  '0007_documents': m0007,
  '0008_dossiers_snapshot': m0008,
  '0010_document_register': m0010,
  '0012_signatures': m0012,
  '0012b_session_signatures': m0012b,
  '0012c_signatures_in_register': m0012c,
  '0013_registration_outcome': m0013,
  '0013b_sheet_kept_previous': m0013b,
  '0013c_place_communes': m0013c,
  '0014_registry': m0014,
  '0015_meeting_room': m0015,
  '0014b_registry_stats': m0014b,
  '0010b_registry_corrections': m0010b,
};

export const migrationNames = Object.keys(migrations).sort();
export const LATEST_SCHEMA_VERSION = migrationNames.length;
