export * from './learning';
