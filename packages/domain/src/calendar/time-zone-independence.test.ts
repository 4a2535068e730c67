import { describe, expect, it } from 'vitest';
import { bankHolidaysEnglandAndWales } from './bank-holidays';
import { addDays, compareIsoDate, dayOfWeek, epochDayOf, isoDateFromEpochDay, parseIsoDate } from './iso-date';
import { isWithinWorkingHours, londonDateOf, londonTimeOf } from './london-time';
import { createWorkingDayCalendar } from './working-days';

/*
 * Changing process.env.TZ after start-up is not dependable, so instead of re-running under other
 * zones this file shows the calendar cannot see the local zone at all: while the checks run, every
 * local-time method of Date, the clock and zone-less Intl formatters throw. The whole suite is
 * also run under TZ=UTC and TZ=Europe/London, and these literal answers hold under both.
 */

const LOCAL_TIME_METHODS = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getTimezoneOffset',
  'getYear',
  'setFullYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'setSeconds',
  'setMilliseconds',
  'toString',
  'toDateString',
  'toTimeString',
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
] as const;

function withLocalTimeForbidden<T>(run: () => T): T {
  const prototype = Date.prototype as unknown as Record<string, unknown>;
  const savedMethods = new Map(LOCAL_TIME_METHODS.map((name) => [name, prototype[name]]));
  const RealDate = globalThis.Date;
  const RealDateTimeFormat = Intl.DateTimeFormat;

  for (const name of LOCAL_TIME_METHODS) {
    prototype[name] = () => {
      throw new Error(`Date.prototype.${name} depends on the process time zone`);
    };
  }
  const GuardedDate = function (this: unknown, ...args: unknown[]) {
    if (args.length !== 1) throw new Error('new Date() reads the clock, new Date(y, m, …) uses local time');
    return new RealDate(args[0] as number);
  } as unknown as DateConstructor;
  GuardedDate.UTC = RealDate.UTC;
  GuardedDate.parse = RealDate.parse;
  GuardedDate.now = () => {
    throw new Error('Date.now reads the clock');
  };
  (GuardedDate as { prototype: Date }).prototype = RealDate.prototype;
  globalThis.Date = GuardedDate;
  Intl.DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    if (options?.timeZone === undefined) throw new Error('Intl.DateTimeFormat without a timeZone uses local time');
    return new RealDateTimeFormat(locales, options);
  } as typeof Intl.DateTimeFormat;

  try {
    return run();
  } finally {
    for (const [name, method] of savedMethods) prototype[name] = method;
    globalThis.Date = RealDate;
    Intl.DateTimeFormat = RealDateTimeFormat;
  }
}

const instants = {
  beforeSpringMidnight: new Date('2024-03-30T23:30:00Z'),
  afterSpringChange: new Date('2025-03-30T23:30:00Z'),
  beforeAutumnChange: new Date('2024-10-26T23:30:00Z'),
  repeatedHourFirst: new Date('2024-10-27T00:30:00Z'),
  repeatedHourSecond: new Date('2024-10-27T01:30:00Z'),
  winterMorning: new Date('2024-01-15T09:00:00Z'),
  summerMorning: new Date('2024-07-01T08:00:00Z'),
};

describe('time zone independence', () => {
  it('the guard really does catch local-time use', () => {
    expect(() => withLocalTimeForbidden(() => instants.winterMorning.getHours())).toThrow(/time zone/);
    expect(() => withLocalTimeForbidden(() => new Date(2024, 0, 1))).toThrow(/local time/);
    expect(() => withLocalTimeForbidden(() => Date.now())).toThrow(/clock/);
    expect(() => withLocalTimeForbidden(() => new Intl.DateTimeFormat('en-GB'))).toThrow(/local time/);
    // And puts everything back afterwards.
    expect(typeof instants.winterMorning.getHours()).toBe('number');
    expect(typeof Date.now()).toBe('number');
  });

  it('London times and dates never consult the process time zone', () => {
    const results = withLocalTimeForbidden(() =>
      Object.fromEntries(Object.entries(instants).map(([name, instant]) => [name, londonTimeOf(instant)])),
    );
    expect(results).toEqual({
      beforeSpringMidnight: { date: '2024-03-30', hour: 23, minute: 30 },
      afterSpringChange: { date: '2025-03-31', hour: 0, minute: 30 },
      beforeAutumnChange: { date: '2024-10-27', hour: 0, minute: 30 },
      repeatedHourFirst: { date: '2024-10-27', hour: 1, minute: 30 },
      repeatedHourSecond: { date: '2024-10-27', hour: 1, minute: 30 },
      winterMorning: { date: '2024-01-15', hour: 9, minute: 0 },
      summerMorning: { date: '2024-07-01', hour: 9, minute: 0 },
    });
  });

  it('due dates counted from an instant of receipt follow the London date, not the UTC one', () => {
    const results = withLocalTimeForbidden(() => {
      const calendar = createWorkingDayCalendar({ extraNonWorkingDays: ['2024-12-24'] });
      const dueFrom = (instant: Date) => calendar.addWorkingDays(londonDateOf(instant), 15);
      return {
        // Sunday 30 March 2025 in UTC, but already Monday 31 March in London.
        afterSpringChange: dueFrom(instants.afterSpringChange),
        // Saturday in UTC, Sunday in London: both count from Monday 28 October.
        beforeAutumnChange: dueFrom(instants.beforeAutumnChange),
        beforeSpringMidnight: dueFrom(instants.beforeSpringMidnight),
        closure: calendar.addWorkingDays('2024-12-23', 1),
        between: calendar.workingDaysBetween('2024-03-28', '2024-04-22'),
        withinHours: [instants.winterMorning, instants.summerMorning, instants.afterSpringChange].map((instant) =>
          isWithinWorkingHours(instant, calendar),
        ),
      };
    });
    expect(results).toEqual({
      afterSpringChange: '2025-04-23',
      beforeAutumnChange: '2024-11-15',
      beforeSpringMidnight: '2024-04-22',
      closure: '2024-12-27',
      between: 15,
      withinHours: [true, true, false],
    });
  });

  it('date arithmetic and bank holidays never consult the process time zone or the clock', () => {
    const results = withLocalTimeForbidden(() => ({
      addDays: addDays('2024-03-30', 2),
      dayOfWeek: dayOfWeek('2024-03-31'),
      epochDay: epochDayOf('2024-03-31'),
      fromEpochDay: isoDateFromEpochDay(19813),
      compare: compareIsoDate('2024-10-27', '2024-10-26'),
      parsed: parseIsoDate('2024-10-27'),
      holidays2022: bankHolidaysEnglandAndWales(2022).map((holiday) => holiday.date),
    }));
    expect(results).toEqual({
      addDays: '2024-04-01',
      dayOfWeek: 0,
      epochDay: 19813,
      fromEpochDay: '2024-03-31',
      compare: 1,
      parsed: '2024-10-27',
      holidays2022: [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    });
  });
});
