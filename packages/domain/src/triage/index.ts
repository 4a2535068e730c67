export * from './triage-input';
