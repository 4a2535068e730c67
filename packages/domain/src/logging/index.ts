export * from './logged-complaint';
