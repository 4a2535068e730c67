export * from './closure-check';
