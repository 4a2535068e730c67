export * from './client';
export * from './migrate';
export * as schema from './schema/index';
export * from './repositories/complaint-history';
export * from './seed/index';
export * from './repositories/outbox';
export * from './repositories/housekeeping';
export * from './repositories/demo-accounts';
