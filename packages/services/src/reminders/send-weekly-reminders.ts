import { enqueueOutboxMessagesOnce, findQueuedDedupeKeys, listWeeklyReminderGroups } from '@complaints/db';
import { type IsoDate, REMINDER_LIST_LIMIT, weeklyReminderDueBefore, weeklyReminderRun, weeklyReminders } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';
import { reminderEmails } from './reminder-emails';
import { STAFF_EMAIL_LANGUAGE } from './staff-email-language';

export type WeeklyReminderSweep =
  | { ran: false; reason: 'outside_working_hours' | 'not_the_sending_day' }
  | { ran: true; week: IsoDate; complaints: number; reminders: number; queued: number };

/**
 * The weekly reminder: on the week's sending day (Monday, or the next working day), in working
 * hours, one email to each manager listing their complaints due within the reminder window or
 * late (the soonest due, up to the list's limit, and how many more), and one to each Head of
 * Service with a copy of their area's. Each email is queued in the outbox under a key naming its
 * person, role and week, so however often this runs that day, and however many workers run it at
 * once, each goes once. Nothing is changed on any complaint.
 */
export async function sendWeeklyReminders(deps: Pick<ServiceDependencies, 'db' | 'clock'>, links: { backofficeUrl: string }): Promise<WeeklyReminderSweep> {
  const now = deps.clock.now();
  const { calendar, timescales } = await loadProcessSettings(deps.db);
  const run = weeklyReminderRun(now, calendar);
  if (!run.due) return { ran: false, reason: run.reason };

  const dueBefore = weeklyReminderDueBefore(run.today, calendar, timescales.reminder_window);
  const groups = await listWeeklyReminderGroups(deps.db, { dueBefore, limit: REMINDER_LIST_LIMIT });
  const reminders = weeklyReminders(run.week, groups);
  // A later run the same day finds most already queued: only the rest are written.
  const queuedAlready = await findQueuedDedupeKeys(deps.db, reminders.map((r) => r.key));
  const emails = reminderEmails(STAFF_EMAIL_LANGUAGE, { today: run.today, calendar, reminderWindow: timescales.reminder_window, backofficeUrl: links.backofficeUrl });
  const queued = await enqueueOutboxMessagesOnce(
    deps.db,
    reminders
      .filter((r) => !queuedAlready.has(r.key))
      .map((r) => ({
        channel: 'email' as const,
        template: r.role === 'manager' ? 'reminders.weekly_manager' : 'reminders.weekly_head_of_service',
        recipient: r.recipient.email,
        language: STAFF_EMAIL_LANGUAGE,
        audience: 'adult' as const,
        payload: emails.weekly(r),
        dedupeKey: r.key,
        createdAt: now,
        nextAttemptAt: now,
      })),
  );
  return { ran: true, week: run.week, complaints: groups.reduce((n, g) => n + g.total, 0), reminders: reminders.length, queued };
}
