export * from './complaint-lifecycle';
