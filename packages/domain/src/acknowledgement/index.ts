export * from './acknowledgement-rules';
export * from './tracking-code';
