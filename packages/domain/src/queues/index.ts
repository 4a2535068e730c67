export * from './queue-rules';
