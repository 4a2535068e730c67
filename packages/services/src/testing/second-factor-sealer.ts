import { secretSealer } from '@complaints/auth';

/**
 * The sealing key of second-factor secrets in tests and the benchmark: fixed, as the demo's is.
 * Kept apart from the test fixtures so the benchmark can use it without loading the test runner.
 */
export const testSecondFactorSealer = secretSealer(new Uint8Array(32).fill(9));
