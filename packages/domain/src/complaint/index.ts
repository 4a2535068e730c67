export * from './vocabulary';
export * from './complaint-input';
export * from './practitioner-name';
