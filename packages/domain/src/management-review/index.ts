export * from './framework';
export * from './management-review';
