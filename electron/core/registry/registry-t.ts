import type { Lang } from '../../../shared/i18n/resources';
import type viRegistry from '../../../shared/i18n/vi/registry';
import type viStats from '../../../shared/i18n/vi/stats';
import { areaT, type Leaves } from '../area-t';

export type RegistryKey = Leaves<typeof viRegistry>;
export type StatsKey = Leaves<typeof viStats>;
/** Texts of the registry's files (XLSX headers, the re-evaluation list PDF). */
export const registryT = (lang: Lang = 'vi') => areaT<RegistryKey>('registry', lang);
/** Texts of the statistics report (PDF, XLSX). */
export const statsT = (lang: Lang = 'vi') => areaT<StatsKey>('stats', lang);
