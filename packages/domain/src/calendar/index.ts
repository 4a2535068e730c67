export * from './iso-date';
export * from './bank-holidays';
export * from './working-days';
export * from './london-time';
