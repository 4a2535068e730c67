import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS, isRetentionYears, retentionCutoff, retentionExpired } from './retention';

describe('retention', () => {
  it('keeps a complaint six years after it ended unless told otherwise', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(6);
    expect(retentionCutoff(new Date('2031-03-10T06:00:00Z'), 6).toISOString()).toBe('2025-03-10T06:00:00.000Z');
  });

  it('is due only once the whole schedule has passed', () => {
    const now = new Date('2031-03-10T06:00:00Z');
    expect(retentionExpired(new Date('2025-03-10T05:59:59Z'), now, 6)).toBe(true);
    expect(retentionExpired(new Date('2025-03-10T06:00:00Z'), now, 6)).toBe(false);
    expect(retentionExpired(new Date('2025-03-11T00:00:00Z'), now, 6)).toBe(false);
    expect(retentionExpired(null, now, 6)).toBe(false);
  });

  it('accepts whole years from 1 to 50', () => {
    expect(isRetentionYears(6)).toBe(true);
    expect(isRetentionYears(0)).toBe(false);
    expect(isRetentionYears(2.5)).toBe(false);
    expect(isRetentionYears(51)).toBe(false);
  });
});
