import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { canonicalJson } from '../../../shared/text/canonical-json';

/**
 * The identity of a set's content: SHA-256 of its canonical JSON (keys sorted, no white space).
 * Two files with the same content in another key order or layout have the same hash, so
 * importing an unchanged set is a no-op. Changing this function changes every stored hash.
 */
export const criteriaContentHash = (set: CriteriaSet): string => createHash('sha256').update(canonicalJson(set)).digest('hex');
