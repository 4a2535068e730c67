import {
  type IsoDate,
  type WorkingDayCalendar,
  type WorkingHours,
  addDays,
  dayOfWeek,
  isWithinWorkingHours,
  londonDateOf,
} from '../calendar/index';
import { BEFORE_ACKNOWLEDGEMENT, type ComplaintState, type Ombudsman, type OmbudsmanFinding, type RoleKey } from '../complaint/vocabulary';
import { ragBoundaries } from '../queues/index';

/**
 * Reminders and warnings by email: the weekly reminder to each manager whose complaints are due
 * soon or late, copied to their Head of Service, and the daily warning to the CSQ administrators
 * and CSQ managers of an area about complaints not passed to a manager or not acknowledged in time,
 * and about replies to the Ombudsman coming due.
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

/**
 * The daily warning also lists replies owed to the Ombudsman: a referral whose enquiry asks for
 * our reply by a day that is within the reminder window (as the queues' amber) or past.
 */
export function ombudsmanReplyDueBefore(today: IsoDate, calendar: WorkingDayCalendar, reminderWindow: number): IsoDate {
  return ragBoundaries(today, calendar, reminderWindow).greenFrom;
}

/** What the daily warning needs to know of one enquiry of the Ombudsman. */
export type OmbudsmanReplyCandidate = {
  /** The referral's finding: once the Ombudsman has found, nothing more is owed. */
  finding: OmbudsmanFinding | null;
  /** The enquiry's deadline. */
  replyDueOn: IsoDate | null;
  /** The day our reply went, once it has. */
  repliedOn: IsoDate | null;
};

/**
 * Whether an enquiry's reply is listed in the daily warning: not yet sent, the Ombudsman not yet
 * found, and its deadline within the reminder window or past. The database query selects the same.
 */
export function isOmbudsmanReplyInDailyWarning(enquiry: OmbudsmanReplyCandidate, dueBefore: IsoDate): boolean {
  return enquiry.finding === null && enquiry.repliedOn === null && enquiry.replyDueOn !== null && enquiry.replyDueOn < dueBefore;
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

/**
 * The most complaints one email lists, soonest due first: the rest are counted, with a link to
 * the queue that holds them all. A reminder is read in a minute; a manager with more than this
 * due soon or late needs their queue, not a longer email.
 */
export const REMINDER_LIST_LIMIT = 20;

export type ListedComplaint = { complaintId: string; reference: string; dueOn: IsoDate };

/**
 * A manager's complaints in the weekly reminder that fall to one Head of Service (or to none, when
 * their service area has none or they are in no service area): how many, and the soonest due, up
 * to the limit. The database query returns the reminder's complaints in these groups.
 */
export type WeeklyReminderGroup = {
  manager: StaffRecipient;
  headOfService: StaffRecipient | null;
  total: number;
  first: ListedComplaint[];
};

export type ComplaintsOfManager = { manager: { id: string; fullName: string }; total: number; complaints: ListedComplaint[] };

export type WeeklyReminder = {
  key: string;
  role: WeeklyReminderRole;
  recipient: StaffRecipient;
  /** For a manager, their own complaints (one group); for a Head of Service, each manager's in their area. */
  groups: ComplaintsOfManager[];
  /** For a manager: whether a Head of Service gets a copy. */
  copied: boolean;
};

/** Dates, references and keys sort the same way as their text, whatever the locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byDueThenReference = (a: ListedComplaint, b: ListedComplaint) => compareText(a.dueOn, b.dueOn) || compareText(a.reference, b.reference);

/** The soonest due of several groups' lists, up to the limit. */
function soonestDue(lists: ReadonlyArray<readonly ListedComplaint[]>, limit: number): ListedComplaint[] {
  return lists.flat().sort(byDueThenReference).slice(0, limit);
}

/**
 * The week's reminders: one to each manager (still in post) listing their complaints, and one to
 * each Head of Service with a copy of what their area's managers were sent, manager by manager
 * (including a manager who has left, whose complaints need someone all the more). Nobody with
 * nothing listed gets an email.
 */
export function weeklyReminders(week: IsoDate, groups: readonly WeeklyReminderGroup[], limit: number = REMINDER_LIST_LIMIT): WeeklyReminder[] {
  const reminders: WeeklyReminder[] = [];
  const forManager = new Map<string, WeeklyReminderGroup[]>();
  const forHead = new Map<string, WeeklyReminderGroup[]>();
  for (const group of groups) {
    if (group.total === 0) continue;
    if (group.manager.active) forManager.set(group.manager.id, [...(forManager.get(group.manager.id) ?? []), group]);
    const head = group.headOfService;
    if (head?.active) forHead.set(head.id, [...(forHead.get(head.id) ?? []), group]);
  }
  for (const [managerId, own] of forManager) {
    const manager = own[0]!.manager;
    reminders.push({
      key: weeklyReminderKey(week, 'manager', managerId),
      role: 'manager',
      recipient: manager,
      groups: [{ manager: { id: manager.id, fullName: manager.fullName }, total: own.reduce((n, g) => n + g.total, 0), complaints: soonestDue(own.map((g) => g.first), limit) }],
      copied: own.some((g) => g.headOfService?.active === true),
    });
  }
  for (const copied of forHead.values()) {
    const head = copied[0]!.headOfService!;
    reminders.push({
      key: weeklyReminderKey(week, 'head_of_service', head.id),
      role: 'head_of_service',
      recipient: head,
      groups: copied
        .map((g) => ({ manager: { id: g.manager.id, fullName: g.manager.fullName }, total: g.total, complaints: soonestDue([g.first], limit) }))
        .sort((a, b) => a.manager.fullName.localeCompare(b.manager.fullName, 'en') || (a.manager.id < b.manager.id ? -1 : 1)),
      copied: false,
    });
  }
  return reminders.sort((a, b) => compareText(a.key, b.key));
}

/** One step of one complaint as the daily warning lists it. */
export type DailyWarningItem = { complaintId: string; reference: string; step: DailyWarningStep; dueOn: IsoDate };

/** A complaint the daily warning may list, as the database returns it. */
export type DailyWarningComplaint = DailyWarningCandidate & { complaintId: string; reference: string };

/**
 * The complaints waiting in one business area (or placed in none yet), as the database query
 * returns them: how many, the longest overdue up to the limit, and the people to warn (its CSQ
 * administrators and CSQ managers; for complaints placed in no area, those of every area).
 */
export type DailyWarningArea = {
  businessAreaId: string | null;
  total: number;
  first: DailyWarningComplaint[];
  recipients: StaffRecipient[];
};

/** A reply owed to the Ombudsman as the daily warning lists it. */
export type OmbudsmanReplyItem = {
  referralId: string;
  enquiryId: string;
  complaintId: string;
  reference: string;
  ombudsman: Ombudsman;
  theirReference: string | null;
  replyDueOn: IsoDate;
};

/**
 * The replies owed to the Ombudsman in one business area (or for complaints placed in none), as
 * the database query returns them: how many, the soonest due up to the limit, and the people to
 * warn, chosen as for the complaints waiting.
 */
export type OmbudsmanReplyArea = {
  businessAreaId: string | null;
  total: number;
  first: Array<OmbudsmanReplyItem & OmbudsmanReplyCandidate>;
  recipients: StaffRecipient[];
};

export type DailyWarning = {
  key: string;
  recipient: StaffRecipient;
  /** Complaints waiting to be passed to a manager or acknowledged, and the steps listed. */
  waiting: number;
  items: DailyWarningItem[];
  /** Replies owed to the Ombudsman, and those listed, the soonest due first. */
  repliesOwed: number;
  replies: OmbudsmanReplyItem[];
};

/**
 * Today's warnings: one to each CSQ administrator and CSQ manager (still in post) with anything
 * waiting in their area or in none, listing each complaint's overdue or due steps, the longest
 * overdue first, up to the limit, with how many are waiting in all; and in the same email the
 * replies owed to the Ombudsman in those areas due before `replies.dueBefore`, the soonest first,
 * up to the limit, with how many are owed in all.
 */
export function dailyWarnings(
  today: IsoDate,
  areas: readonly DailyWarningArea[],
  cutoffs: DailyWarningCutoffs,
  limit: number = REMINDER_LIST_LIMIT,
  replies: { dueBefore: IsoDate; areas: readonly OmbudsmanReplyArea[] } | null = null,
): DailyWarning[] {
  const byRecipient = new Map<string, { recipient: StaffRecipient; areas: DailyWarningArea[]; replyAreas: OmbudsmanReplyArea[] }>();
  const entryFor = (recipient: StaffRecipient) => {
    const entry = byRecipient.get(recipient.id) ?? { recipient, areas: [], replyAreas: [] };
    byRecipient.set(recipient.id, entry);
    return entry;
  };
  for (const area of areas) {
    if (area.total === 0) continue;
    for (const recipient of area.recipients) if (recipient.active) entryFor(recipient).areas.push(area);
  }
  for (const area of replies?.areas ?? []) {
    if (area.total === 0) continue;
    for (const recipient of area.recipients) if (recipient.active) entryFor(recipient).replyAreas.push(area);
  }
  const warnings: DailyWarning[] = [];
  for (const { recipient, areas: theirs, replyAreas } of byRecipient.values()) {
    const owed = replies
      ? replyAreas
          .flatMap((area) => area.first)
          .filter((referral) => isOmbudsmanReplyInDailyWarning(referral, replies.dueBefore))
          .sort((a, b) => compareText(a.replyDueOn!, b.replyDueOn!) || compareText(a.reference, b.reference) || compareText(a.enquiryId, b.enquiryId))
          .slice(0, limit)
          .map(({ referralId, enquiryId, complaintId, reference, ombudsman, theirReference, replyDueOn }) => ({ referralId, enquiryId, complaintId, reference, ombudsman, theirReference, replyDueOn: replyDueOn! }))
      : [];
    const listed = theirs
      .flatMap((area) => area.first)
      .map((complaint) => {
        const steps = dailyWarningSteps(complaint, cutoffs);
        return { complaint, steps, earliest: steps.reduce((d, s) => (s.dueOn < d ? s.dueOn : d), steps[0]?.dueOn ?? '') };
      })
      .filter(({ steps }) => steps.length > 0)
      .sort((a, b) => compareText(a.earliest, b.earliest) || compareText(a.complaint.reference, b.complaint.reference))
      .slice(0, limit);
    if (listed.length === 0 && owed.length === 0) continue;
    const items = listed.flatMap(({ complaint, steps }) => steps.map(({ step, dueOn }) => ({ complaintId: complaint.complaintId, reference: complaint.reference, step, dueOn })));
    const order = (a: DailyWarningItem, b: DailyWarningItem) =>
      compareText(a.dueOn, b.dueOn) || compareText(a.reference, b.reference) || DAILY_WARNING_STEPS.indexOf(a.step) - DAILY_WARNING_STEPS.indexOf(b.step);
    warnings.push({
      key: dailyWarningKey(today, recipient.id),
      recipient,
      waiting: listed.length === 0 ? 0 : Math.max(listed.length, theirs.reduce((n, area) => n + area.total, 0)),
      items: items.sort(order),
      repliesOwed: owed.length === 0 ? 0 : Math.max(owed.length, replyAreas.reduce((n, area) => n + area.total, 0)),
      replies: owed,
    });
  }
  return warnings.sort((a, b) => compareText(a.key, b.key));
}
