export * from './demo-seed';
export * from './reference-data';
export { ANSWER_DETAILS, ANSWER_REASONS_CY, ANSWER_REASONS_EN } from './demo-content';
