export * from './quarter';
export * from './scope';
export * from './statistics';
export * from './report-rules';
export * from './financial-year';
export * from './self-assessment';
