export { createLogger, type Logger } from '@complaints/config';
export * from './web-app';
export * from './serve';
export * from './client-address';
export * from './shared-pages';
