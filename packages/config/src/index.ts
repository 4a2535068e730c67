export * from './env';
export * from './process';
export * from './logger';
export * from './loggable-error';
