import type { Lang } from '../../../shared/i18n/resources';
import type viDocuments from '../../../shared/i18n/vi/documents';
import { areaT, type AreaT, type Leaves } from '../area-t';

/** A key of the `documents` namespace, e.g. 'minutes.closing'. */
export type DocKey = Leaves<typeof viDocuments>;

/** The translator builders take: typed keys of the `documents` namespace, plus the language. */
export type DocT = AreaT<DocKey>;

/** The documents translator for a language; Vietnamese is the language of the legal originals. */
export const documentT = (lang: Lang = 'vi'): DocT => areaT<DocKey>('documents', lang);
