import { enqueueOutboxMessagesOnce, findQueuedDedupeKeys, listDailyWarningAreas, listOmbudsmanRepliesDue } from '@complaints/db';
import { type IsoDate, REMINDER_LIST_LIMIT, dailyWarningCutoffs, dailyWarningRun, dailyWarnings, ombudsmanReplyDueBefore } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';
import { reminderEmails } from './reminder-emails';
import { STAFF_EMAIL_LANGUAGE } from './staff-email-language';

export type DailyWarningSweep =
  | { ran: false; reason: 'outside_working_hours' }
  | { ran: true; day: IsoDate; warnings: number; queued: number };

/**
 * The daily warning: each working morning, one email to each CSQ administrator and CSQ manager
 * listing the complaints of their business area (and those placed in no area yet) not passed to a
 * manager or not acknowledged in time (the longest overdue, up to the list's limit, and how many
 * more), and the replies owed to the Ombudsman in those areas that are due within the reminder
 * window or late (the soonest due first, the same way). Queued under a key naming the person and the day, so each goes once a day however often
 * this runs. Nothing is changed on any complaint.
 */
export async function sendDailyWarnings(deps: Pick<ServiceDependencies, 'db' | 'clock'>, links: { backofficeUrl: string }): Promise<DailyWarningSweep> {
  const now = deps.clock.now();
  const { calendar, timescales } = await loadProcessSettings(deps.db);
  const run = dailyWarningRun(now, calendar);
  if (!run.due) return { ran: false, reason: run.reason };

  const cutoffs = dailyWarningCutoffs(run.today, calendar);
  const areas = await listDailyWarningAreas(deps.db, { ...cutoffs, limit: REMINDER_LIST_LIMIT });
  const repliesDueBefore = ombudsmanReplyDueBefore(run.today, calendar, timescales.reminder_window);
  const replyAreas = await listOmbudsmanRepliesDue(deps.db, { dueBefore: repliesDueBefore, limit: REMINDER_LIST_LIMIT });
  const warnings = dailyWarnings(run.today, areas, cutoffs, REMINDER_LIST_LIMIT, { dueBefore: repliesDueBefore, areas: replyAreas });
  const queuedAlready = await findQueuedDedupeKeys(deps.db, warnings.map((w) => w.key));
  const emails = reminderEmails(STAFF_EMAIL_LANGUAGE, { today: run.today, calendar, reminderWindow: timescales.reminder_window, backofficeUrl: links.backofficeUrl });
  const queued = await enqueueOutboxMessagesOnce(
    deps.db,
    warnings
      .filter((w) => !queuedAlready.has(w.key))
      .map((w) => ({
        channel: 'email' as const,
        template: 'reminders.daily_warning',
        recipient: w.recipient.email,
        language: STAFF_EMAIL_LANGUAGE,
        audience: 'adult' as const,
        payload: emails.daily(w),
        dedupeKey: w.key,
        createdAt: now,
        nextAttemptAt: now,
      })),
  );
  return { ran: true, day: run.today, warnings: warnings.length, queued };
}
