import {
  type IsoDate,
  type WorkingDayCalendar,
  type WorkingHours,
  addDays,
  dayOfWeek,
  isWithinWorkingHours,
  londonDateOf,
} from '../calendar/index';
import { BEFORE_ACKNOWLEDGEMENT, type ComplaintState, type RoleKey } from '../complaint/vocabulary';
import { ragBoundaries } from '../queues/index';

/**
 * Reminders and warnings by email: the weekly reminder to each manager whose complaints are due
 * soon or late, copied to their Head of Service, and the daily warning to the CSQ administrators
 * and CSQ managers of an area about complaints not passed to a manager or not acknowledged in time.
 * Here are the rules: when each goes, which complaints it lists, who receives what, and the key
 * that lets each email be queued once only, however many workers run the sweep.
 */

/** Reminders and warnings go out in working hours only: a working day, 09:00 to 17:00 London time. */
export const REMINDER_WORKING_HOURS = { startHour: 9, endHour: 17 } as const satisfies WorkingHours;

/**
 * Where the responding manager owes the response: from the acknowledgement until the response is
 * sent. Before the acknowledgement the CSQ administrator is the one who owes something (the daily
 * warning); once the response has gone, the reminders stop.
 */
export const RESPONSE_OWED_STATES = [
  'acknowledged',
  'investigating',
  'response_drafted',
  'in_quality_assurance',
  'response_approved',
] as const satisfies readonly ComplaintState[];

/** The Monday of the week `date` falls in: weeks run Monday to Sunday. */
export function weekStartOf(date: IsoDate): IsoDate {
  // dayOfWeek counts Sunday as 0, so Sunday belongs to the week that began six days earlier.
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The day a week's reminders go: its Monday, or when Monday is not a working day (a bank holiday,
 * an office closure) the next working day. Null when that week has no working day at all.
 */
export function weeklyReminderDay(weekStart: IsoDate, calendar: WorkingDayCalendar): IsoDate | null {
  const day = calendar.addWorkingDays(weekStart, 0);
  return day <= addDays(weekStart, 6) ? day : null;
}

export type WeeklyReminderRun =
  | { due: true; today: IsoDate; week: IsoDate }
  | { due: false; reason: 'outside_working_hours' | 'not_the_sending_day' };

/**
 * Whether the weekly reminders go at this moment: only in working hours on the week's sending
 * day. The job may run many times that day (one run missed through a restart is made up by the
 * next); each email still goes once, because its key names the week.
 */
export function weeklyReminderRun(at: Date, calendar: WorkingDayCalendar): WeeklyReminderRun {
  if (!isWithinWorkingHours(at, calendar, REMINDER_WORKING_HOURS)) return { due: false, reason: 'outside_working_hours' };
  const today = londonDateOf(at);
  const week = weekStartOf(today);
  if (weeklyReminderDay(week, calendar) !== today) return { due: false, reason: 'not_the_sending_day' };
  return { due: true, today, week };
}

export type DailyWarningRun = { due: true; today: IsoDate } | { due: false; reason: 'outside_working_hours' };

/** Whether the daily warnings go at this moment: in working hours on any working day. */
export function dailyWarningRun(at: Date, calendar: WorkingDayCalendar): DailyWarningRun {
  if (!isWithinWorkingHours(at, calendar, REMINDER_WORKING_HOURS)) return { due: false, reason: 'outside_working_hours' };
  return { due: true, today: londonDateOf(at) };
}

/**
 * The weekly reminder lists complaints due before this date: those already late, and those due
 * within the reminder window (that many working days from today). Exactly the complaints a queue
 * shows red or amber, so the email and the queues never disagree.
 */
export function weeklyReminderDueBefore(today: IsoDate, calendar: WorkingDayCalendar, reminderWindow: number): IsoDate {
  return ragBoundaries(today, calendar, reminderWindow).greenFrom;
}

/** What the weekly reminder needs to know of a complaint to decide whether it is listed. */
export type WeeklyReminderCandidate = {
  state: ComplaintState;
  currentDueOn: IsoDate | null;
  responderId: string | null;
  /** The clock is paused while we wait on the complainant: its due date will move, so it is not chased. */
  paused: boolean;
};

/** Whether a complaint is listed in its manager's weekly reminder. The database query selects the same. */
export function isInWeeklyReminder(complaint: WeeklyReminderCandidate, dueBefore: IsoDate): boolean {
  return (
    (RESPONSE_OWED_STATES as readonly ComplaintState[]).includes(complaint.state) &&
    complaint.responderId !== null &&
    !complaint.paused &&
    complaint.currentDueOn !== null &&
    complaint.currentDueOn < dueBefore
  );
}

/** How a due date stands today, in working days, as an email puts it into words. */
export type DueStanding =
  | { kind: 'due_in'; workingDays: number }
  | { kind: 'due_today' }
  | { kind: 'late'; workingDays: number };

export function dueStanding(dueOn: IsoDate, today: IsoDate, calendar: WorkingDayCalendar): DueStanding {
  if (dueOn === today) return { kind: 'due_today' };
  const between = calendar.workingDaysBetween(today, dueOn);
  // A due date on a day that has since become a non-working day can be a whole day away with no
  // working day between; it still reads as one day, never as zero.
  if (dueOn > today) return { kind: 'due_in', workingDays: Math.max(1, between) };
  return { kind: 'late', workingDays: Math.max(1, -between) };
}

/**
 * The daily warning lists a step that is due today or late, for a complaint whose stage began
 * before today's working day: a complaint that came in over the weekend is not yet late at 09:00
 * on Monday, but one that came in on Monday and was not passed on is by Tuesday morning.
 */
export type DailyWarningCutoffs = { startedOnOrBefore: IsoDate; dueOnOrBefore: IsoDate };

export function dailyWarningCutoffs(today: IsoDate, calendar: WorkingDayCalendar): DailyWarningCutoffs {
  // A stage started on or before the last working day before today had its first working day
  // before today; one started later (say at the weekend) has its first working day today or after.
  return { startedOnOrBefore: calendar.previousWorkingDay(today), dueOnOrBefore: today };
}

/** Who the daily warning goes to: the CSQ administrators and CSQ managers of the complaint's business area. */
export const DAILY_WARNING_ROLES = ['csq_administrator', 'csq_manager'] as const satisfies readonly RoleKey[];

/** The steps the daily warning is about: passing the complaint to its manager, and acknowledging it. */
export const DAILY_WARNING_STEPS = ['pass_to_manager', 'acknowledge'] as const;
export type DailyWarningStep = (typeof DAILY_WARNING_STEPS)[number];

/** What the daily warning needs to know of a complaint at its current stage. */
export type DailyWarningCandidate = {
  state: ComplaintState;
  /** Something is owed (a complaint, or a letter from someone who is not a service user); not for compliments. */
  owed: boolean;
  responderId: string | null;
  stageStartedOn: IsoDate;
  passToManagerDueOn: IsoDate;
  acknowledgeDueOn: IsoDate;
};

/** The steps of a complaint the daily warning lists, with the date each was due. The database query selects the same. */
export function dailyWarningSteps(complaint: DailyWarningCandidate, cutoffs: DailyWarningCutoffs): Array<{ step: DailyWarningStep; dueOn: IsoDate }> {
  if (!complaint.owed || !BEFORE_ACKNOWLEDGEMENT.includes(complaint.state)) return [];
  if (complaint.stageStartedOn > cutoffs.startedOnOrBefore) return [];
  const steps: Array<{ step: DailyWarningStep; dueOn: IsoDate }> = [];
  if (complaint.responderId === null && complaint.passToManagerDueOn <= cutoffs.dueOnOrBefore) {
    steps.push({ step: 'pass_to_manager', dueOn: complaint.passToManagerDueOn });
  }
  if (complaint.acknowledgeDueOn <= cutoffs.dueOnOrBefore) steps.push({ step: 'acknowledge', dueOn: complaint.acknowledgeDueOn });
  return steps;
}

/** Who a weekly reminder is for: the manager whose complaints they are, or the Head of Service copied in. */
export type WeeklyReminderRole = 'manager' | 'head_of_service';

/** The key of one weekly reminder: one per person, role and week, so it is queued once. */
export function weeklyReminderKey(week: IsoDate, role: WeeklyReminderRole, staffId: string): string {
  return `reminder.weekly:${week}:${role}:${staffId}`;
}

/** The key of one daily warning: one per person and day. */
export function dailyWarningKey(today: IsoDate, staffId: string): string {
  return `warning.daily:${today}:${staffId}`;
}

export type StaffRecipient = { id: string; fullName: string; email: string; active: boolean };

/** A complaint in a weekly reminder, with its manager and the Head of Service of its service area. */
export type WeeklyReminderComplaint = {
  complaintId: string;
  reference: string;
  dueOn: IsoDate;
  manager: StaffRecipient;
  headOfService: StaffRecipient | null;
};

export type ComplaintsOfManager = { manager: { id: string; fullName: string }; complaints: WeeklyReminderComplaint[] };

export type WeeklyReminder = {
  key: string;
  role: WeeklyReminderRole;
  recipient: StaffRecipient;
  /** For a manager, their own complaints (one group); for a Head of Service, each manager's in their area. */
  groups: ComplaintsOfManager[];
};

const byDueThenReference = (a: WeeklyReminderComplaint, b: WeeklyReminderComplaint) =>
  a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;

function groupsByManager(complaints: readonly WeeklyReminderComplaint[]): ComplaintsOfManager[] {
  const groups = new Map<string, ComplaintsOfManager>();
  for (const complaint of complaints) {
    const group = groups.get(complaint.manager.id) ?? { manager: { id: complaint.manager.id, fullName: complaint.manager.fullName }, complaints: [] };
    group.complaints.push(complaint);
    groups.set(complaint.manager.id, group);
  }
  for (const group of groups.values()) group.complaints.sort(byDueThenReference);
  return [...groups.values()].sort((a, b) => a.manager.fullName.localeCompare(b.manager.fullName, 'en') || (a.manager.id < b.manager.id ? -1 : 1));
}

/**
 * The week's reminders: one to each manager (still in post) listing their complaints, and one to
 * each Head of Service with a copy of what their area's managers were sent, manager by manager
 * (including a manager who has left, whose complaints need someone all the more). Nobody with
 * nothing listed gets an email.
 */
export function weeklyReminders(week: IsoDate, complaints: readonly WeeklyReminderComplaint[]): WeeklyReminder[] {
  const reminders: WeeklyReminder[] = [];
  const forManager = new Map<string, WeeklyReminderComplaint[]>();
  const forHead = new Map<string, { head: StaffRecipient; complaints: WeeklyReminderComplaint[] }>();
  for (const complaint of complaints) {
    if (complaint.manager.active) {
      const own = forManager.get(complaint.manager.id) ?? [];
      own.push(complaint);
      forManager.set(complaint.manager.id, own);
    }
    const head = complaint.headOfService;
    if (head?.active) {
      const entry = forHead.get(head.id) ?? { head, complaints: [] };
      entry.complaints.push(complaint);
      forHead.set(head.id, entry);
    }
  }
  for (const [managerId, own] of forManager) {
    reminders.push({ key: weeklyReminderKey(week, 'manager', managerId), role: 'manager', recipient: own[0]!.manager, groups: groupsByManager(own) });
  }
  for (const { head, complaints: copied } of forHead.values()) {
    reminders.push({ key: weeklyReminderKey(week, 'head_of_service', head.id), role: 'head_of_service', recipient: head, groups: groupsByManager(copied) });
  }
  return reminders.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One step of one complaint as the daily warning lists it, for one of the people it goes to. */
export type DailyWarningItem = {
  complaintId: string;
  reference: string;
  step: DailyWarningStep;
  dueOn: IsoDate;
  recipient: StaffRecipient;
};

export type DailyWarning = { key: string; recipient: StaffRecipient; items: Array<Omit<DailyWarningItem, 'recipient'>> };

/** Today's warnings: one to each CSQ administrator and CSQ manager with anything listed, the longest overdue first. */
export function dailyWarnings(today: IsoDate, items: readonly DailyWarningItem[]): DailyWarning[] {
  const byRecipient = new Map<string, DailyWarning>();
  for (const { recipient, ...item } of items) {
    if (!recipient.active) continue;
    const warning = byRecipient.get(recipient.id) ?? { key: dailyWarningKey(today, recipient.id), recipient, items: [] };
    warning.items.push(item);
    byRecipient.set(recipient.id, warning);
  }
  const order = (a: DailyWarning['items'][number], b: DailyWarning['items'][number]) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : DAILY_WARNING_STEPS.indexOf(a.step) - DAILY_WARNING_STEPS.indexOf(b.step);
  for (const warning of byRecipient.values()) warning.items.sort(order);
  return [...byRecipient.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
