export * from './capabilities';
export * from './moves';
export * from './check-move';
export * from './event-history';
export * from './next-steps';
