export * from './tracking-rules';
export * from './survey';
