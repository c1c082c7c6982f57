// The contract's shared pieces. Each area's schemas are imported from its own file
// (`shared/api/channels/<area>.ts`): names such as ImportResult recur across areas.
export * from './contract';
export * from './envelope';
export * from './errors';
