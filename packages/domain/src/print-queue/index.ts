export * from './print-queue-rules';
