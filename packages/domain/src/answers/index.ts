export * from './point-answer';
