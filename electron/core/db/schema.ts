import type { CouncilsTables } from './tables/councils';
import type { CriteriaTables } from './tables/criteria';
import type { DocumentsTables } from './tables/documents';
import type { DossiersTables } from './tables/dossiers';
import type { FoundationTables } from './tables/foundation';
import type { PlacesTables } from './tables/places';
import type { ResultsTables } from './tables/results';
import type { RegistryTables } from './tables/registry';
import type { RoomTables } from './tables/room';
import type { ScoringTables } from './tables/scoring';
import type { SignaturesTables } from './tables/signatures';

/**
 * The database as Kysely sees it: each area declares its tables in `tables/<area>.ts` and is
 * merged here. Row types for repositories derive from these with Selectable/Insertable.
 */
export interface DB
  extends
    FoundationTables,
    CriteriaTables,
    CouncilsTables,
    DossiersTables,
    ScoringTables,
    ResultsTables,
    DocumentsTables,
    SignaturesTables,
    RegistryTables,
    RoomTables,
    PlacesTables {}
