import { describe, expect, it } from 'vitest';
import { auditTrailFilter, startOfLondonDay } from './audit-filter';

describe('audit log dates', () => {
  it('start at London midnight, in winter and in summer', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfLondonDay('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
    // The days the clocks change.
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('include the whole of the last day', () => {
    const filter = auditTrailFilter({ fromDate: '2026-07-01', toDate: '2026-07-01', complaintReference: 'cmp-abc' });
    expect(filter.from?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(filter.to?.toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(filter.complaintReference).toBe('CMP-ABC');
  });
});
