import { describe, expect, it } from 'vitest';
import { dateInWords } from './letter-dates';

describe('dates in letters', () => {
  it('writes dates in English and Welsh, with or without the weekday', () => {
    expect(dateInWords('2026-12-11', 'en')).toBe('11 December 2026');
    expect(dateInWords('2026-12-11', 'en', { weekday: true })).toBe('Friday 11 December 2026');
    expect(dateInWords('2026-12-11', 'cy', { weekday: true })).toBe('dydd Gwener 11 Rhagfyr 2026');
    expect(dateInWords('2027-02-01', 'cy')).toBe('1 Chwefror 2027');
  });
});
