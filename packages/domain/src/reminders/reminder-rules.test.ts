import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createWorkingDayCalendar, isoDateFromEpochDay, epochDayOf } from '../calendar/index';
import { COMPLAINT_STATES, type ComplaintState } from '../complaint/vocabulary';
import { ragStatus } from '../timescales/index';
import {
  type DailyWarningCandidate,
  type DailyWarningComplaint,
  type ListedComplaint,
  REMINDER_LIST_LIMIT,
  type StaffRecipient,
  type WeeklyReminderGroup,
  dailyWarningCutoffs,
  dailyWarningKey,
  dailyWarningRun,
  dailyWarningSteps,
  dailyWarnings,
  dueStanding,
  isInWeeklyReminder,
  isOmbudsmanReplyInDailyWarning,
  type OmbudsmanReplyArea,
  ombudsmanReplyDueBefore,
  RESPONSE_OWED_STATES,
  weekStartOf,
  weeklyReminderDay,
  weeklyReminderDueBefore,
  weeklyReminderKey,
  weeklyReminderRun,
  weeklyReminders,
} from './reminder-rules';

const calendar = createWorkingDayCalendar();

/** An instant given as London wall-clock time, with the offset written out (GMT +00:00, BST +01:00). */
const at = (iso: string) => new Date(iso);

describe('the week and its sending day', () => {
  it('starts each week on its Monday, Sunday ending the week before', () => {
    expect(weekStartOf('2026-01-12')).toBe('2026-01-12');
    expect(weekStartOf('2026-01-14')).toBe('2026-01-12');
    expect(weekStartOf('2026-01-17')).toBe('2026-01-12');
    expect(weekStartOf('2026-01-18')).toBe('2026-01-12');
    expect(weekStartOf('2026-01-19')).toBe('2026-01-19');
    // Across the end of a year.
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('sends on an ordinary Monday', () => {
    expect(weeklyReminderDay('2026-01-12', calendar)).toBe('2026-01-12');
    expect(weeklyReminderDay('2026-12-21', calendar)).toBe('2026-12-21');
  });

  it('sends on the Tuesday when Monday is a bank holiday', () => {
    expect(weeklyReminderDay('2026-05-04', calendar)).toBe('2026-05-05'); // Early May
    expect(weeklyReminderDay('2026-05-25', calendar)).toBe('2026-05-26'); // Spring
    expect(weeklyReminderDay('2026-08-31', calendar)).toBe('2026-09-01'); // Summer
    expect(weeklyReminderDay('2028-01-03', calendar)).toBe('2028-01-04'); // New Year's Day on a Saturday, held on Monday
  });

  it('sends after Easter Monday, and on the Monday of the week of Good Friday', () => {
    expect(weeklyReminderDay('2026-03-30', calendar)).toBe('2026-03-30');
    expect(weeklyReminderDay('2026-04-06', calendar)).toBe('2026-04-07');
  });

  it('sends on the first working day of a Christmas week', () => {
    // 2023: Christmas Day Monday, Boxing Day Tuesday.
    expect(weeklyReminderDay('2023-12-25', calendar)).toBe('2023-12-27');
    // 2026: Christmas Day Friday, Boxing Day Saturday held on Monday 28 December.
    expect(weeklyReminderDay('2026-12-21', calendar)).toBe('2026-12-21');
    expect(weeklyReminderDay('2026-12-28', calendar)).toBe('2026-12-29');
    // 2027: Christmas Day Saturday and Boxing Day Sunday, held on Monday 27 and Tuesday 28.
    expect(weeklyReminderDay('2027-12-27', calendar)).toBe('2027-12-29');
  });

  it('moves past a one-off non-working day, and sends nothing in a week with no working day', () => {
    const closed = createWorkingDayCalendar({ extraNonWorkingDays: ['2026-01-12', '2026-01-13'] });
    expect(weeklyReminderDay('2026-01-12', closed)).toBe('2026-01-14');
    const shut = createWorkingDayCalendar({ extraNonWorkingDays: ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'] });
    expect(weeklyReminderDay('2026-01-12', shut)).toBeNull();
    expect(weeklyReminderDay('2026-01-19', shut)).toBe('2026-01-19');
  });
});

describe('when the weekly reminders go', () => {
  it('goes at 09:00 London time on the sending day, in winter and in summer', () => {
    expect(weeklyReminderRun(at('2026-01-12T09:00:00+00:00'), calendar)).toEqual({ due: true, today: '2026-01-12', week: '2026-01-12' });
    expect(weeklyReminderRun(at('2026-06-15T09:00:00+01:00'), calendar)).toEqual({ due: true, today: '2026-06-15', week: '2026-06-15' });
    // 08:00 UTC is 09:00 in summer but 08:00 in winter.
    expect(weeklyReminderRun(at('2026-03-30T08:00:00Z'), calendar).due).toBe(true);
    expect(weeklyReminderRun(at('2026-03-23T08:00:00Z'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
  });

  it('does nothing before 09:00 or from 17:00', () => {
    expect(weeklyReminderRun(at('2026-01-12T08:59:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
    expect(weeklyReminderRun(at('2026-01-12T16:59:00+00:00'), calendar).due).toBe(true);
    expect(weeklyReminderRun(at('2026-01-12T17:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
  });

  it('does nothing on the other days of the week', () => {
    expect(weeklyReminderRun(at('2026-01-13T09:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'not_the_sending_day' });
    expect(weeklyReminderRun(at('2026-01-16T09:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'not_the_sending_day' });
    expect(weeklyReminderRun(at('2026-01-17T10:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
  });

  it('does nothing on a bank holiday Monday and goes on the Tuesday, for that week', () => {
    expect(weeklyReminderRun(at('2026-05-04T09:00:00+01:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
    expect(weeklyReminderRun(at('2026-05-05T09:00:00+01:00'), calendar)).toEqual({ due: true, today: '2026-05-05', week: '2026-05-04' });
    expect(weeklyReminderRun(at('2026-05-06T09:00:00+01:00'), calendar)).toEqual({ due: false, reason: 'not_the_sending_day' });
  });

  it('goes on the Wednesday of Christmas week 2023, and on the Tuesday after Easter Monday', () => {
    expect(weeklyReminderRun(at('2023-12-25T09:00:00+00:00'), calendar).due).toBe(false);
    expect(weeklyReminderRun(at('2023-12-26T09:00:00+00:00'), calendar).due).toBe(false);
    expect(weeklyReminderRun(at('2023-12-27T09:00:00+00:00'), calendar)).toEqual({ due: true, today: '2023-12-27', week: '2023-12-25' });
    expect(weeklyReminderRun(at('2026-04-07T09:00:00+01:00'), calendar)).toEqual({ due: true, today: '2026-04-07', week: '2026-04-06' });
  });

  it('goes once a week: over two years, exactly one sending day in each week', () => {
    const start = epochDayOf('2026-01-05');
    for (let week = 0; week < 104; week += 1) {
      const monday = isoDateFromEpochDay(start + week * 7);
      const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter(
        (day) => weeklyReminderRun(at(`${day}T12:00:00Z`), calendar).due,
      );
      expect(days, monday).toHaveLength(1);
      expect(calendar.isWorkingDay(days[0]!)).toBe(true);
    }
  });
});

describe('when the daily warnings go', () => {
  it('goes on every working day in working hours only', () => {
    expect(dailyWarningRun(at('2026-01-13T09:00:00+00:00'), calendar)).toEqual({ due: true, today: '2026-01-13' });
    expect(dailyWarningRun(at('2026-01-13T08:30:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
    expect(dailyWarningRun(at('2026-01-17T09:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
    expect(dailyWarningRun(at('2026-12-25T09:00:00+00:00'), calendar)).toEqual({ due: false, reason: 'outside_working_hours' });
    expect(dailyWarningRun(at('2026-12-29T09:00:00+00:00'), calendar).due).toBe(true);
  });
});

describe('which complaints the weekly reminder lists', () => {
  const owed = { state: 'investigating' as ComplaintState, responderId: 'manager', paused: false };

  it('lists exactly the complaints a queue shows amber or red', () => {
    const days = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(days, fc.integer({ min: -30, max: 40 }), fc.integer({ min: 1, max: 20 }), (today, offset, window) => {
        const dueOn = addDays(today, offset);
        const listed = isInWeeklyReminder({ ...owed, currentDueOn: dueOn }, weeklyReminderDueBefore(today, calendar, window));
        expect(listed).toBe(ragStatus(dueOn, today, calendar, window) !== 'green');
      }),
      { numRuns: 2000 },
    );
  });

  it('lists a complaint due within five working days or late, and not one due later', () => {
    // Wednesday 14 January 2026: five working days on is Wednesday 21 January.
    const dueBefore = weeklyReminderDueBefore('2026-01-14', calendar, 5);
    expect(dueBefore).toBe('2026-01-22');
    expect(isInWeeklyReminder({ ...owed, currentDueOn: '2026-01-02' }, dueBefore)).toBe(true);
    expect(isInWeeklyReminder({ ...owed, currentDueOn: '2026-01-14' }, dueBefore)).toBe(true);
    expect(isInWeeklyReminder({ ...owed, currentDueOn: '2026-01-21' }, dueBefore)).toBe(true);
    expect(isInWeeklyReminder({ ...owed, currentDueOn: '2026-01-22' }, dueBefore)).toBe(false);
  });

  it('lists a complaint only while its manager owes the response', () => {
    const dueBefore = weeklyReminderDueBefore('2026-01-14', calendar, 5);
    for (const state of COMPLAINT_STATES) {
      const listed = isInWeeklyReminder({ ...owed, state, currentDueOn: '2026-01-10' }, dueBefore);
      expect(listed, state).toBe((RESPONSE_OWED_STATES as readonly string[]).includes(state));
    }
    expect(RESPONSE_OWED_STATES).not.toContain('response_sent');
    expect(RESPONSE_OWED_STATES).not.toContain('logged');
  });

  it('does not list a complaint with no manager, nothing due, or its clock paused', () => {
    const dueBefore = weeklyReminderDueBefore('2026-01-14', calendar, 5);
    expect(isInWeeklyReminder({ ...owed, responderId: null, currentDueOn: '2026-01-10' }, dueBefore)).toBe(false);
    expect(isInWeeklyReminder({ ...owed, currentDueOn: null }, dueBefore)).toBe(false);
    expect(isInWeeklyReminder({ ...owed, paused: true, currentDueOn: '2026-01-10' }, dueBefore)).toBe(false);
  });
});

describe('how a due date stands', () => {
  it('counts working days left and late, over weekends and bank holidays', () => {
    expect(dueStanding('2026-01-14', '2026-01-14', calendar)).toEqual({ kind: 'due_today' });
    expect(dueStanding('2026-01-19', '2026-01-16', calendar)).toEqual({ kind: 'due_in', workingDays: 1 });
    expect(dueStanding('2026-01-21', '2026-01-14', calendar)).toEqual({ kind: 'due_in', workingDays: 5 });
    expect(dueStanding('2026-01-16', '2026-01-19', calendar)).toEqual({ kind: 'late', workingDays: 1 });
    // Due on the Friday before the Early May bank holiday, read on the Tuesday after: one working day late.
    expect(dueStanding('2026-05-01', '2026-05-05', calendar)).toEqual({ kind: 'late', workingDays: 1 });
    expect(dueStanding('2026-04-02', '2026-04-08', calendar)).toEqual({ kind: 'late', workingDays: 2 });
  });

  it('never says nothing is left when the day is still ahead', () => {
    const closed = createWorkingDayCalendar({ extraNonWorkingDays: ['2026-01-19'] });
    expect(dueStanding('2026-01-19', '2026-01-16', closed)).toEqual({ kind: 'due_in', workingDays: 1 });
  });
});

describe('which complaints the daily warning lists', () => {
  // Received on Monday 12 January 2026: passed to a manager the same day, acknowledged by Tuesday.
  const received: DailyWarningCandidate = {
    state: 'logged',
    owed: true,
    responderId: null,
    stageStartedOn: '2026-01-12',
    passToManagerDueOn: '2026-01-12',
    acknowledgeDueOn: '2026-01-13',
  };
  const on = (today: string) => dailyWarningCutoffs(today, calendar);

  it('says nothing on the day it arrived: the working day is not over', () => {
    expect(dailyWarningSteps(received, on('2026-01-12'))).toEqual([]);
  });

  it('lists it the next morning as not passed to a manager, with the acknowledgement due that day', () => {
    expect(dailyWarningSteps(received, on('2026-01-13'))).toEqual([
      { step: 'pass_to_manager', dueOn: '2026-01-12' },
      { step: 'acknowledge', dueOn: '2026-01-13' },
    ]);
    expect(dailyWarningSteps({ ...received, responderId: 'manager' }, on('2026-01-13'))).toEqual([{ step: 'acknowledge', dueOn: '2026-01-13' }]);
    expect(dailyWarningSteps({ ...received, state: 'received' }, on('2026-01-14'))).toHaveLength(2);
  });

  it('stops once it is acknowledged, and never lists what is owed nothing', () => {
    for (const state of COMPLAINT_STATES.filter((s) => s !== 'received' && s !== 'logged')) {
      expect(dailyWarningSteps({ ...received, state }, on('2026-01-14')), state).toEqual([]);
    }
    expect(dailyWarningSteps({ ...received, owed: false }, on('2026-01-14'))).toEqual([]);
  });

  it('gives a complaint that came at the weekend its first working day', () => {
    const weekend = { ...received, stageStartedOn: '2026-01-17', passToManagerDueOn: '2026-01-19', acknowledgeDueOn: '2026-01-20' };
    expect(dailyWarningSteps(weekend, on('2026-01-19'))).toEqual([]);
    expect(dailyWarningSteps(weekend, on('2026-01-20'))).toEqual([
      { step: 'pass_to_manager', dueOn: '2026-01-19' },
      { step: 'acknowledge', dueOn: '2026-01-20' },
    ]);
  });

  it('holds to the timescales as set: an acknowledgement allowed five days is listed only when due', () => {
    const slower = { ...received, responderId: 'manager', acknowledgeDueOn: '2026-01-19' };
    expect(dailyWarningSteps(slower, on('2026-01-16'))).toEqual([]);
    expect(dailyWarningSteps(slower, on('2026-01-19'))).toEqual([{ step: 'acknowledge', dueOn: '2026-01-19' }]);
  });
});

const person = (id: string, active = true): StaffRecipient => ({ id, fullName: id.replace(/^\w/, (c) => c.toUpperCase()), email: `${id}@example.org`, active });

describe('who receives the weekly reminders', () => {
  const sarah = person('sarah');
  const david = person('david');
  const helen = person('helen');
  const imran = person('imran');
  const listed = (reference: string, dueOn: string): ListedComplaint => ({ complaintId: `id-${reference}`, reference, dueOn });
  const group = (manager: StaffRecipient, headOfService: StaffRecipient | null, first: ListedComplaint[], total = first.length): WeeklyReminderGroup => ({
    manager,
    headOfService,
    total,
    first,
  });

  it('sends each manager their own complaints, soonest due first, and their Head of Service a copy', () => {
    const reminders = weeklyReminders('2026-01-12', [
      group(sarah, helen, [listed('NEC-2', '2026-01-16'), listed('NEC-1', '2026-01-09')]),
      group(david, helen, [listed('NEC-3', '2026-01-15')]),
    ]);
    const toSarah = reminders.find((r) => r.recipient.id === 'sarah')!;
    expect(toSarah).toMatchObject({ key: weeklyReminderKey('2026-01-12', 'manager', 'sarah'), role: 'manager', copied: true });
    expect(toSarah.groups).toHaveLength(1);
    expect(toSarah.groups[0]!.complaints.map((c) => c.reference)).toEqual(['NEC-1', 'NEC-2']);
    const toHelen = reminders.find((r) => r.recipient.id === 'helen')!;
    expect(toHelen.role).toBe('head_of_service');
    expect(toHelen.groups.map((g) => [g.manager.fullName, g.complaints.map((c) => c.reference)])).toEqual([
      ['David', ['NEC-3']],
      ['Sarah', ['NEC-1', 'NEC-2']],
    ]);
    expect(reminders).toHaveLength(3);
  });

  it('copies each Head of Service only their own area of a manager who works in two', () => {
    const reminders = weeklyReminders('2026-01-12', [group(sarah, helen, [listed('NEC-1', '2026-01-09')]), group(sarah, imran, [listed('YAH-1', '2026-01-08')])]);
    expect(reminders.find((r) => r.recipient.id === 'sarah')!.groups[0]!).toMatchObject({ total: 2, complaints: [{ reference: 'YAH-1' }, { reference: 'NEC-1' }] });
    expect(reminders.find((r) => r.recipient.id === 'helen')!.groups[0]!.complaints.map((c) => c.reference)).toEqual(['NEC-1']);
    expect(reminders.find((r) => r.recipient.id === 'imran')!.groups[0]!.complaints.map((c) => c.reference)).toEqual(['YAH-1']);
  });

  it('lists the soonest due up to the limit and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => listed(`NEC-${100 + i}`, addDays('2026-01-01', i)));
    const reminders = weeklyReminders('2026-01-12', [group(sarah, helen, many.slice(0, 5), 30), group(sarah, null, many.slice(5), 7)], 6);
    const toSarah = reminders.find((r) => r.role === 'manager')!;
    expect(toSarah.groups[0]!.total).toBe(37);
    expect(toSarah.groups[0]!.complaints.map((c) => c.reference)).toEqual(['NEC-100', 'NEC-101', 'NEC-102', 'NEC-103', 'NEC-104', 'NEC-105']);
    expect(reminders.find((r) => r.role === 'head_of_service')!.groups[0]!).toMatchObject({ total: 30 });
    expect(REMINDER_LIST_LIMIT).toBe(20);
  });

  it('still copies in the Head of Service when the manager has left, and sends nobody an empty email', () => {
    const reminders = weeklyReminders('2026-01-12', [group(person('gone', false), helen, [listed('NEC-1', '2026-01-09')]), group(david, null, [listed('LDN-1', '2026-01-09')])]);
    expect(reminders.map((r) => [r.role, r.recipient.id, r.copied])).toEqual([
      ['head_of_service', 'helen', false],
      ['manager', 'david', false],
    ]);
    expect(weeklyReminders('2026-01-12', [])).toEqual([]);
    expect(weeklyReminders('2026-01-12', [group(person('retired-head', false), person('gone', false), [listed('NEC-1', '2026-01-09')])])).toEqual([]);
  });

  it('keys each reminder by week, role and person, so a Head of Service who also answers gets both', () => {
    const reminders = weeklyReminders('2026-01-12', [group(helen, helen, [listed('NEC-1', '2026-01-09')])]);
    expect(reminders.map((r) => r.key)).toEqual(['reminder.weekly:2026-01-12:head_of_service:helen', 'reminder.weekly:2026-01-12:manager:helen']);
    expect(new Set(weeklyReminders('2026-01-19', [group(helen, helen, [listed('NEC-1', '2026-01-09')])]).map((r) => r.key))).not.toContain(reminders[0]!.key);
  });
});

describe('who receives the daily warnings', () => {
  const aisha = person('aisha');
  const rachel = person('rachel');
  const tom = person('tom');
  const cutoffs = dailyWarningCutoffs('2026-01-13', calendar);
  const waiting = (reference: string, over: Partial<DailyWarningComplaint> = {}): DailyWarningComplaint => ({
    complaintId: `id-${reference}`,
    reference,
    state: 'logged',
    owed: true,
    responderId: null,
    stageStartedOn: '2026-01-12',
    passToManagerDueOn: '2026-01-12',
    acknowledgeDueOn: '2026-01-13',
    ...over,
  });

  it('sends each person one warning a day listing every step due or late, the longest overdue first', () => {
    const warnings = dailyWarnings(
      '2026-01-13',
      [
        { businessAreaId: 'north', total: 2, first: [waiting('NEC-2'), waiting('NEC-1', { responderId: 'manager' })], recipients: [aisha, rachel, person('left', false)] },
        { businessAreaId: 'south', total: 1, first: [waiting('LDN-1', { stageStartedOn: '2026-01-13' })], recipients: [tom] },
      ],
      cutoffs,
    );
    // Tom's one complaint came in today: nothing is late yet, so he gets no email.
    expect(warnings.map((w) => [w.key, w.waiting])).toEqual([
      [dailyWarningKey('2026-01-13', 'aisha'), 2],
      [dailyWarningKey('2026-01-13', 'rachel'), 2],
    ]);
    expect(warnings[0]!.items.map((i) => `${i.reference} ${i.step} ${i.dueOn}`)).toEqual([
      'NEC-2 pass_to_manager 2026-01-12',
      'NEC-1 acknowledge 2026-01-13',
      'NEC-2 acknowledge 2026-01-13',
    ]);
  });

  it('adds the complaints placed in no area yet to every area, up to the limit, counting them all', () => {
    const unplaced = { businessAreaId: null, total: 30, first: [waiting('WEB-1', { passToManagerDueOn: '2026-01-09' }), waiting('WEB-2')], recipients: [aisha, tom] };
    const north = { businessAreaId: 'north', total: 5, first: [waiting('NEC-1'), waiting('NEC-2', { passToManagerDueOn: '2026-01-08' })], recipients: [aisha] };
    const [toAisha, toTom] = dailyWarnings('2026-01-13', [north, unplaced], cutoffs, 3);
    expect(toAisha!.waiting).toBe(35);
    expect([...new Set(toAisha!.items.map((i) => i.reference))]).toEqual(['NEC-2', 'WEB-1', 'NEC-1']);
    expect(toTom!.waiting).toBe(30);
    expect(toTom!.items.every((i) => i.reference.startsWith('WEB-'))).toBe(true);
  });
});

describe('replies owed to the Ombudsman in the daily warning', () => {
  // Tuesday 13 January 2026; a window of 5 working days runs to Tuesday 20 January.
  const today = '2026-01-13';
  const dueBefore = ombudsmanReplyDueBefore(today, calendar, 5);
  const aisha = person('aisha');
  const tom = person('tom');
  const cutoffs = dailyWarningCutoffs(today, calendar);
  const referral = (reference: string, replyDueOn: string, over: Partial<OmbudsmanReplyArea['first'][number]> = {}): OmbudsmanReplyArea['first'][number] => ({
    referralId: `r-${reference}`,
    enquiryId: `e-${reference}`,
    complaintId: `id-${reference}`,
    reference,
    ombudsman: 'phso',
    theirReference: `PHSO-${reference}`,
    replyDueOn,
    finding: null,
    repliedOn: null,
    ...over,
  });

  it('lists a reply due within the reminder window, as the queues show amber, or late', () => {
    // Up to the window's last working day (Tuesday 20 January); not the day after.
    expect(dueBefore).toBe('2026-01-21');
    // From Friday 16 January the window runs to Friday 23 January, and the weekend after it is in too.
    expect(ombudsmanReplyDueBefore('2026-01-16', calendar, 5)).toBe('2026-01-26');
    for (const day of ['2025-12-01', '2026-01-12', today, '2026-01-14', '2026-01-20']) {
      expect(isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: day, repliedOn: null }, dueBefore), day).toBe(true);
    }
    for (const day of ['2026-01-21', '2026-02-10']) expect(isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: day, repliedOn: null }, dueBefore), day).toBe(false);
    // Every day a queue shows red or amber is listed, and no other.
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 10 }), (offset, window) => {
        const due = addDays(today, offset);
        const listed = isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: due, repliedOn: null }, ombudsmanReplyDueBefore(today, calendar, window));
        return listed === (ragStatus(due, today, calendar, window) !== 'green');
      }),
    );
  });

  it('stops once our reply is sent, or once the Ombudsman\'s finding is recorded', () => {
    expect(isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: '2026-01-12', repliedOn: '2026-01-12' }, dueBefore)).toBe(false);
    expect(isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: '2026-01-12', repliedOn: '2026-01-13' }, dueBefore)).toBe(false);
    expect(isOmbudsmanReplyInDailyWarning({ finding: 'not_upheld', replyDueOn: '2026-01-12', repliedOn: null }, dueBefore)).toBe(false);
    expect(isOmbudsmanReplyInDailyWarning({ finding: 'settled', replyDueOn: today, repliedOn: null }, dueBefore)).toBe(false);
    expect(isOmbudsmanReplyInDailyWarning({ finding: null, replyDueOn: null, repliedOn: null }, dueBefore)).toBe(false);
  });

  it('goes in the same one email a day to each CSQ administrator and CSQ manager of the area, the soonest due first', () => {
    const north: OmbudsmanReplyArea = {
      businessAreaId: 'north',
      total: 3,
      first: [referral('NEC-3', '2026-01-20'), referral('NEC-1', '2026-01-09'), referral('NEC-2', '2026-02-20')],
      recipients: [aisha, person('left', false)],
    };
    const waitingComplaint = {
      complaintId: 'id-NEC-9',
      reference: 'NEC-9',
      state: 'logged' as const,
      owed: true,
      responderId: null,
      stageStartedOn: '2026-01-12',
      passToManagerDueOn: '2026-01-12',
      acknowledgeDueOn: '2026-01-13',
    };
    const complaints = [{ businessAreaId: 'north', total: 1, first: [waitingComplaint], recipients: [aisha] }];
    const warnings = dailyWarnings(today, complaints, cutoffs, REMINDER_LIST_LIMIT, { dueBefore, areas: [north] });
    expect(warnings).toHaveLength(1);
    const [toAisha] = warnings;
    expect(toAisha!.key).toBe(dailyWarningKey(today, 'aisha'));
    expect(toAisha!.items.map((i) => i.reference)).toEqual(['NEC-9', 'NEC-9']);
    // The one beyond the window is not listed, whatever the query returned.
    expect(toAisha!.replies.map((r) => `${r.reference} ${r.replyDueOn} ${r.theirReference}`)).toEqual(['NEC-1 2026-01-09 PHSO-NEC-1', 'NEC-3 2026-01-20 PHSO-NEC-3']);
    expect(toAisha!.repliesOwed).toBe(3);
    // Without the complaints, the replies alone make a warning, under the same key.
    const [alone] = dailyWarnings(today, [], cutoffs, REMINDER_LIST_LIMIT, { dueBefore, areas: [north] });
    expect(alone).toMatchObject({ key: dailyWarningKey(today, 'aisha'), waiting: 0, items: [], repliesOwed: 3 });
    // Nothing owed: no email.
    expect(dailyWarnings(today, [], cutoffs, REMINDER_LIST_LIMIT, { dueBefore, areas: [{ ...north, first: [referral('NEC-2', '2026-02-20')] }] })).toEqual([]);
  });

  it('adds the replies of complaints placed in no area to every area\'s warning, up to the limit', () => {
    const unplaced: OmbudsmanReplyArea = { businessAreaId: null, total: 4, first: [referral('WEB-1', '2026-01-14'), referral('WEB-2', '2026-01-15')], recipients: [aisha, tom] };
    const north: OmbudsmanReplyArea = { businessAreaId: 'north', total: 1, first: [referral('NEC-1', '2026-01-13', { ombudsman: 'psow' })], recipients: [aisha] };
    const [toAisha, toTom] = dailyWarnings(today, [], cutoffs, 2, { dueBefore, areas: [north, unplaced] });
    expect(toAisha!.replies.map((r) => `${r.reference} ${r.ombudsman}`)).toEqual(['NEC-1 psow', 'WEB-1 phso']);
    expect(toAisha!.repliesOwed).toBe(5);
    expect(toTom!.replies.map((r) => r.reference)).toEqual(['WEB-1', 'WEB-2']);
    expect(toTom!.repliesOwed).toBe(4);
  });
});
