export * from './vocabulary';
export * from './complaint-input';
