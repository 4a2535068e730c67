import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('waits about 30 seconds after the first failure', () => {
    expect(retryDelayMs(1, 0.5)).toBe(30_000);
  });

  it('never shrinks as attempts grow and never exceeds the cap with jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (attempt) => {
        expect(retryDelayMs(attempt + 1, 0.5)).toBeGreaterThanOrEqual(retryDelayMs(attempt, 0.5));
        expect(retryDelayMs(attempt, 1)).toBeLessThanOrEqual(6 * 60 * 60 * 1000 * 1.25);
      }),
    );
  });
});
