export * from './responder-suggestion';
