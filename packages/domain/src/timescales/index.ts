export * from './timescales';
export * from './timescale-change';
export * from './non-working-day';
