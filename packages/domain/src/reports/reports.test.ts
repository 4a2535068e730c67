import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-days';
import { londonDateOf } from '../calendar/london-time';
import { fourQuartersTo, formatQuarter, londonMidnight, parseQuarter, quarterBounds, quarterDays, quarterOf, shiftQuarter } from './quarter';
import {
  REPORT_SQL,
  acknowledgedWithinWorkingDay,
  answeredOnTime,
  passedWithinWorkingDay,
  reportCalendar,
  reportCalendarSpan,
  workingDaysTaken,
} from './report-rules';
import { median, percentile, roundFigure, share } from './statistics';
import { type ReportScope, reportScopeFromKey, reportScopeKey } from './scope';

const calendar = createWorkingDayCalendar();

describe('quarters', () => {
  it('reads "2026-Q3" and nothing looser', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    for (const bad of ['2026-q3', '2026-Q5', '2026-Q0', '2026Q3', ' 2026-Q3', '26-Q3', '0000-Q1', '']) expect(parseQuarter(bad)).toBeUndefined();
    expect(formatQuarter({ year: 2026, quarter: 1 })).toBe('2026-Q1');
  });

  it('knows its days, the quarter of a day, and its neighbours across a year', () => {
    expect(quarterDays({ year: 2026, quarter: 1 })).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(quarterDays({ year: 2028, quarter: 1 })).toEqual({ firstDay: '2028-01-01', lastDay: '2028-03-31' });
    expect(quarterDays({ year: 2026, quarter: 2 })).toEqual({ firstDay: '2026-04-01', lastDay: '2026-06-30' });
    expect(quarterDays({ year: 2026, quarter: 4 })).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(shiftQuarter({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(shiftQuarter({ year: 2026, quarter: 4 }, 1)).toEqual({ year: 2027, quarter: 1 });
    expect(fourQuartersTo({ year: 2026, quarter: 2 }).map(formatQuarter)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('starts and ends at midnight in London, in summer time and in winter', () => {
    expect(quarterBounds({ year: 2026, quarter: 1 })).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-31T23:00:00Z') });
    expect(quarterBounds({ year: 2026, quarter: 3 })).toEqual({ start: new Date('2026-06-30T23:00:00Z'), end: new Date('2026-09-30T23:00:00Z') });
    expect(quarterBounds({ year: 2026, quarter: 4 })).toEqual({ start: new Date('2026-09-30T23:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    // A moment is in the quarter exactly when its London date is.
    const { start, end } = quarterBounds({ year: 2026, quarter: 2 });
    expect(londonDateOf(new Date(start.getTime() - 1))).toBe('2026-03-31');
    expect(londonDateOf(start)).toBe('2026-04-01');
    expect(londonDateOf(new Date(end.getTime() - 1))).toBe('2026-06-30');
    expect(londonMidnight('2026-03-29')).toEqual(new Date('2026-03-29T00:00:00Z'));
    expect(londonMidnight('2026-03-30')).toEqual(new Date('2026-03-29T23:00:00Z'));
  });
});

describe('percentiles', () => {
  it('interpolates between the closest ranks, as percentile_cont does', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9.1);
    expect(percentile([10, 20], 0.9)).toBe(19);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([0, 0, 1], 0)).toBe(0);
    expect(percentile([0, 0, 1], 1)).toBe(1);
    expect(percentile([], 0.5)).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });

  it('rounds to two places, halves away from zero', () => {
    expect(roundFigure(2.345)).toBe(2.35);
    expect(roundFigure(-2.345)).toBe(-2.35);
    expect(roundFigure(1 / 3)).toBe(0.33);
    expect(share(2, 3)).toBe(0.67);
    expect(share(0, 0)).toBeNull();
  });

  it('is the same definition in SQL', () => {
    expect(REPORT_SQL.quarterOf('d')).toBe(`to_char(d, 'YYYY"-Q"Q')`);
    expect(REPORT_SQL.percentile(0.9, 'x')).toBe('round((percentile_cont(0.9) within group (order by x))::numeric, 2)::float8');
  });
});

describe('the report rules', () => {
  it('acknowledged within a working day counts past weekends and bank holidays', () => {
    // Thursday 2 April 2026; Good Friday and Easter Monday follow.
    expect(acknowledgedWithinWorkingDay('2026-04-02', '2026-04-07', calendar)).toBe(true);
    expect(acknowledgedWithinWorkingDay('2026-04-02', '2026-04-08', calendar)).toBe(false);
    // Received on a Saturday: the Monday is the first working day after it.
    expect(acknowledgedWithinWorkingDay('2026-04-11', '2026-04-13', calendar)).toBe(true);
    expect(acknowledgedWithinWorkingDay('2026-04-11', '2026-04-14', calendar)).toBe(false);
    // Acknowledged on the weekend after the day it was due: late.
    expect(acknowledgedWithinWorkingDay('2026-04-08', '2026-04-11', calendar)).toBe(false);
    expect(acknowledgedWithinWorkingDay('2026-04-08', null, calendar)).toBe(false);
  });

  it('passed within the working day and answered on time compare London dates with the stage dates', () => {
    expect(passedWithinWorkingDay('2026-04-08', '2026-04-08')).toBe(true);
    expect(passedWithinWorkingDay('2026-04-09', '2026-04-08')).toBe(false);
    expect(passedWithinWorkingDay(null, '2026-04-08')).toBe(false);
    expect(answeredOnTime('2026-04-29', '2026-04-29')).toBe(true);
    expect(answeredOnTime('2026-04-30', '2026-04-29')).toBe(false);
  });

  it('working days taken leave out the start day, bank holidays and the days paused', () => {
    // 2 April to 27 April 2026: 15 working days (Good Friday and Easter Monday not counted).
    expect(workingDaysTaken('2026-04-02', '2026-04-27', 0, calendar)).toBe(15);
    expect(workingDaysTaken('2026-04-02', '2026-04-27', 3, calendar)).toBe(12);
  });

  it('the report calendar numbers working days as workingDaysBetween counts them', () => {
    const { days, workingDayNumbers, nextWorkingDays } = reportCalendar(calendar, '2026-03-30', '2026-04-14');
    const at = (d: string) => workingDayNumbers[days.indexOf(d)]!;
    for (const [from, to] of [['2026-03-30', '2026-04-14'], ['2026-04-02', '2026-04-07'], ['2026-04-03', '2026-04-06'], ['2026-04-04', '2026-04-13']] as const) {
      expect(at(to) - at(from)).toBe(calendar.workingDaysBetween(from, to));
    }
    days.forEach((d, i) => expect(nextWorkingDays[i]).toBe(calendar.addWorkingDays(d, 1)));
    expect(nextWorkingDays[days.indexOf('2026-04-02')]).toBe('2026-04-07');
  });

  it('reaches ten years before the quarter', () => {
    expect(reportCalendarSpan('2026-04-01', '2026-06-30')).toEqual({ from: '2016-01-01', to: '2026-06-30' });
  });
});

describe('a report scope written as one word', () => {
  it('reads back as the scope it was written from, and anything else as an area no report has', () => {
    const scopes: ReportScope[] = [
      { kind: 'organisation' },
      { kind: 'business_area', businessAreaId: '0b6f5f1e-8c1a-4c55-9a4e-1b2c3d4e5f60' },
      { kind: 'service_area', serviceAreaId: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' },
    ];
    for (const scope of scopes) expect(reportScopeFromKey(reportScopeKey(scope))).toEqual(scope);
    expect(reportScopeKey(scopes[1]!)).toBe('business_area:0b6f5f1e-8c1a-4c55-9a4e-1b2c3d4e5f60');
    expect(reportScopeFromKey('nonsense')).toEqual({ kind: 'service_area', serviceAreaId: '' });
  });
});
