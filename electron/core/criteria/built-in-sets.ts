import { z } from 'zod';
import { ContentHash, type CriteriaSet } from '../../../shared/ocop/criteria-set';
import { builtInIndex, builtInSetFiles } from './built-in-sets.generated';

/**
 * The 26 sets of Decision 26/2026/QĐ-TTg shipped with the app (resources/criteria/, built by
 * `npm run criteria:build`). Bundled as JSON imports, so no file path is needed at run time.
 *
 * The files are the output of the build script, which validated them; a unit test re-validates
 * every file and recomputes every hash. They are not re-parsed here because validating 26 sets
 * with zod costs a large share of the first start (bench/criteria.bench.ts).
 */

const BuiltInIndex = z.object({
  sets: z.array(z.object({ setKey: z.string(), setNo: z.int(), contentHash: ContentHash }).loose()),
});

export interface BuiltInSet {
  set: CriteriaSet;
  contentHash: string;
}

let cached: BuiltInSet[] | null = null;

export function builtInSets(): BuiltInSet[] {
  if (cached) return cached;
  const index = BuiltInIndex.parse(builtInIndex);
  const sets = builtInSetFiles as CriteriaSet[];
  if (sets.length !== index.sets.length)
    throw new Error(`built-in criteria: ${sets.length} set files but ${index.sets.length} index rows`);
  cached = sets.map((set, i) => {
    const row = index.sets[i]!;
    if (row.setKey !== set.setKey)
      throw new Error(`built-in criteria: index row ${i + 1} is ${row.setKey}, file is ${set.setKey}`);
    return { set, contentHash: row.contentHash };
  });
  return cached;
}
