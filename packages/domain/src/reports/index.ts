export * from './quarter';
export * from './scope';
export * from './statistics';
export * from './report-rules';
