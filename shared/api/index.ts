export * from './contract';
export * from './envelope';
export * from './errors';
export * from './channels/app';
export * from './channels/scoring';
export * from './channels/scoring-exchange';
