/**
 * Pure OCOP domain rules (no Node, no DOM): legal bases, exact scores, star bands, star minima,
 * spread, quorum, ranking one product, sensitivity, and Vietnamese wording.
 */
export * from './iso-date';
export * from './legal-basis';
export * from './score';
export * from './stars';
export * from './rules-error';
export * from './set-input';
export * from './minima';
export * from './spread';
export * from './quorum';
export * from './council-rules';
export * from './ranking';
export * from './sensitivity';
export * from './explain-vi';
export * from './format-vi';
export * from './sheet-adapter';
