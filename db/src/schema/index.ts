export * from './organisation';
export * from './complaints';
export * from './history';
export * from './correspondence';
export * from './learning';
export * from './access';
export * from './settings';
