import { describe, expect, it } from 'vitest';
import {
  financialYearBounds,
  financialYearDays,
  financialYearOf,
  financialYearQuarterNames,
  financialYearsTo,
  formatFinancialYear,
  parseFinancialYear,
  quarterInFinancialYear,
} from './financial-year';
import { SELF_ASSESSMENT_HEADINGS, SELF_ASSESSMENT_LIMIT, selfAssessmentSchema } from './self-assessment';
import { fieldProblems } from '../complaint/complaint-input';

describe('financial years', () => {
  it('reads "2026-27" and nothing looser', () => {
    expect(parseFinancialYear('2026-27')).toEqual({ startYear: 2026 });
    expect(parseFinancialYear('1999-00')).toEqual({ startYear: 1999 });
    for (const bad of ['2026-28', '2026-2027', '2026', '2026-Q2', ' 2026-27', '0000-01', '']) expect(parseFinancialYear(bad)).toBeUndefined();
    expect(formatFinancialYear({ startYear: 2026 })).toBe('2026-27');
    expect(formatFinancialYear({ startYear: 2099 })).toBe('2099-00');
  });

  it('runs from 1 April to 31 March, made of four quarters', () => {
    expect(financialYearDays({ startYear: 2026 })).toEqual({ firstDay: '2026-04-01', lastDay: '2027-03-31' });
    expect(financialYearQuarterNames({ startYear: 2026 })).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(quarterInFinancialYear({ year: 2027, quarter: 1 }, { startYear: 2026 })).toBe(true);
    expect(quarterInFinancialYear({ year: 2026, quarter: 1 }, { startYear: 2026 })).toBe(false);
  });

  it('puts January to March in the year that started the April before', () => {
    expect(financialYearOf('2027-03-31')).toEqual({ startYear: 2026 });
    expect(financialYearOf('2027-04-01')).toEqual({ startYear: 2027 });
    expect(financialYearOf('2026-12-31')).toEqual({ startYear: 2026 });
  });

  it('starts and ends at midnight in London, which on 1 April is summer time', () => {
    expect(financialYearBounds({ startYear: 2026 })).toEqual({ start: new Date('2026-03-31T23:00:00Z'), end: new Date('2027-03-31T23:00:00Z') });
  });

  it('offers the year under way and the years before it, newest first', () => {
    expect(financialYearsTo('2026-12-04', 2).map(formatFinancialYear)).toEqual(['2026-27', '2025-26', '2024-25', '2023-24']);
    expect(financialYearsTo('2027-02-01', 0).map(formatFinancialYear)).toEqual(['2026-27', '2025-26']);
  });
});

describe('the self-assessment', () => {
  const blank = Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, ''])) as Record<string, string>;

  it('keeps each heading trimmed, and an empty one empty', () => {
    const parsed = selfAssessmentSchema.safeParse({ ...blank, accessibility: '  Forms in English and Welsh.  ' });
    expect(parsed.success && parsed.data).toEqual({ ...blank, accessibility: 'Forms in English and Welsh.' });
  });

  it('refuses a heading too long, control characters, and nothing written at all', () => {
    const problems = (value: unknown) => {
      const parsed = selfAssessmentSchema.safeParse(value);
      return parsed.success ? [] : fieldProblems(parsed.error);
    };
    expect(problems({ ...blank, timeliness: 'x'.repeat(SELF_ASSESSMENT_LIMIT + 1) })).toEqual([{ field: 'timeliness', message: 'timeliness.tooLong' }]);
    expect(problems({ ...blank, learning: 'a\u0007b' })).toEqual([{ field: 'learning', message: 'learning.invalidCharacters' }]);
    expect(problems(blank)).toEqual([{ field: 'accessibility', message: 'form.selfAssessmentEmpty' }]);
    expect(problems({ ...blank, timeliness: 'x'.repeat(SELF_ASSESSMENT_LIMIT) })).toEqual([]);
  });
});
