export * from './management-review';
