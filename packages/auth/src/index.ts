export * from './password';
export * from './access';
