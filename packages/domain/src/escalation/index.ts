export * from './ombudsman';
