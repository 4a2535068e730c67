export * from './reference/index';
export * from './calendar/index';
export * from './clock';
export * from './complaint/index';
export * from './timescales/index';
export * from './lifecycle/index';
