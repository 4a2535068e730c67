export * from './timescales';
