import { organisation } from '@complaints/content';
import {
  type DailyWarning,
  type DueStanding,
  type IsoDate,
  type Language,
  type ListedComplaint,
  type WeeklyReminder,
  type WorkingDayCalendar,
  dueStanding,
} from '@complaints/domain';
import { type DocumentBlock, renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';
import { dateInWords } from '../letters/letter-dates';

/**
 * The words of the reminders and warnings: short, a table of the complaints with the reference,
 * the date, how many working days are left or late and a link to the case, and how many more
 * are waiting in the queue when there are more than an email lists. Never the
 * complainant's name or what they said: email leaves our systems, the back office does not.
 */

export type ReminderEmail = { subject: string; text: string; html: string };

/** What every email of one run shares: the day, the calendar it counts by, and where the back office is. */
export type ReminderWording = {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  reminderWindow: number;
  backofficeUrl: string;
};

/**
 * A run lists the same few dates many times over (a Head of Service's copy repeats the
 * managers'): each date and standing is put into words once.
 */
function wordsFor(language: Language, wording: ReminderWording) {
  const t = translator(language, 'reminders');
  const dates = new Map<IsoDate, string>();
  const standings = new Map<IsoDate, string>();
  const standingWords = (standing: DueStanding) =>
    standing.kind === 'due_today' ? t('standing.dueToday') : t(standing.kind === 'due_in' ? 'standing.dueIn' : 'standing.late', { count: standing.workingDays });
  return {
    t,
    date(day: IsoDate): string {
      let words = dates.get(day);
      if (words === undefined) dates.set(day, (words = dateInWords(day, language, { weekday: true })));
      return words;
    },
    standing(dueOn: IsoDate): string {
      let words = standings.get(dueOn);
      if (words === undefined) standings.set(dueOn, (words = standingWords(dueStanding(dueOn, wording.today, wording.calendar))));
      return words;
    },
    caseUrl: (complaintId: string) => `${wording.backofficeUrl}/complaints/${encodeURIComponent(complaintId)}`,
  };
}

function email(language: Language, subject: string, blocks: DocumentBlock[]): ReminderEmail {
  const source = { title: subject, language, audience: 'adult' as const, organisationName: organisation.name[language], blocks };
  return { subject, text: renderPlainText(source), html: renderHtmlDocument(source) };
}

/** The prepared wording of one run, in one language, ready for each person's email. */
export function reminderEmails(language: Language, wording: ReminderWording) {
  const w = wordsFor(language, wording);
  const { t } = w;
  const window = wording.reminderWindow;

  const complaintsTable = (caption: string, complaints: readonly ListedComplaint[]): DocumentBlock => ({
    kind: 'table',
    caption,
    head: [t('columns.reference'), t('columns.responseDue'), t('columns.standing'), t('columns.link')],
    rows: complaints.map((c) => [c.reference, w.date(c.dueOn), w.standing(c.dueOn), w.caseUrl(c.complaintId)]),
  });
  /** What a list left out, and the queue that holds it all. */
  const more = (left: number, queue: 'mine' | 'new'): DocumentBlock[] =>
    left > 0 ? [{ kind: 'paragraph', text: t('more', { count: left, url: `${wording.backofficeUrl}/queues/${queue}` }) }] : [];

  return {
    weekly(reminder: WeeklyReminder): ReminderEmail {
      const count = reminder.groups.reduce((n, g) => n + g.total, 0);
      if (reminder.role === 'manager') {
        const own = reminder.groups[0]!;
        return email(language, t('weekly.manager.subject', { count }), [
          { kind: 'heading', level: 1, text: t('weekly.manager.heading') },
          { kind: 'paragraph', text: t('weekly.manager.intro', { window }) },
          complaintsTable(t('weekly.manager.caption'), own.complaints),
          ...more(own.total - own.complaints.length, 'mine'),
          ...(reminder.copied ? [{ kind: 'paragraph' as const, text: t('weekly.manager.copied') }] : []),
          { kind: 'paragraph', style: 'small', text: t('privacy') },
        ]);
      }
      return email(language, t('weekly.headOfService.subject', { count }), [
        { kind: 'heading', level: 1, text: t('weekly.headOfService.heading') },
        { kind: 'paragraph', text: t('weekly.headOfService.intro', { window }) },
        ...reminder.groups.flatMap((g) => [
          complaintsTable(t('weekly.headOfService.caption', { name: g.manager.fullName, count: g.total }), g.complaints),
          ...more(g.total - g.complaints.length, 'mine'),
        ]),
        { kind: 'paragraph', style: 'small', text: t('privacy') },
      ]);
    },

    daily(warning: DailyWarning): ReminderEmail {
      const listed = new Set(warning.items.map((i) => i.complaintId)).size;
      const waiting = warning.waiting > 0;
      const owed = warning.repliesOwed > 0;
      const subject = waiting
        ? t(owed ? 'daily.subjectWithOmbudsman' : 'daily.subject', { count: warning.waiting })
        : t('daily.ombudsman.subject', { count: warning.repliesOwed });
      const complaintsWaiting: DocumentBlock[] = waiting
        ? [
            { kind: 'heading', level: 1, text: t('daily.heading') },
            { kind: 'paragraph', text: t('daily.intro') },
            {
              kind: 'table',
              caption: t('daily.caption'),
              head: [t('columns.reference'), t('columns.toDo'), t('columns.due'), t('columns.standing'), t('columns.link')],
              rows: warning.items.map((i) => [i.reference, t(`daily.steps.${i.step}`), w.date(i.dueOn), w.standing(i.dueOn), w.caseUrl(i.complaintId)]),
            },
            ...more(warning.waiting - listed, 'new'),
          ]
        : [];
      // No queue gathers the referrals, so the count stands on its own; each listed one links to its case.
      const repliesOwed: DocumentBlock[] = owed
        ? [
            { kind: 'heading', level: waiting ? 2 : 1, text: t('daily.ombudsman.heading') },
            { kind: 'paragraph', text: t('daily.ombudsman.intro', { window }) },
            {
              kind: 'table',
              caption: t('daily.ombudsman.caption'),
              head: [t('columns.reference'), t('columns.ombudsman'), t('columns.theirReference'), t('columns.replyDue'), t('columns.standing'), t('columns.link')],
              rows: warning.replies.map((r) => [
                r.reference,
                organisation.ombudsman[r.ombudsman].name[language],
                r.theirReference ?? '–',
                w.date(r.replyDueOn),
                w.standing(r.replyDueOn),
                w.caseUrl(r.complaintId),
              ]),
            },
            ...(warning.repliesOwed > warning.replies.length ? [{ kind: 'paragraph' as const, text: t('daily.ombudsman.more', { count: warning.repliesOwed - warning.replies.length }) }] : []),
          ]
        : [];
      return email(language, subject, [
        ...complaintsWaiting,
        ...repliesOwed,
        { kind: 'paragraph', text: t(waiting && owed ? 'daily.repeatWithOmbudsman' : waiting ? 'daily.repeat' : 'daily.ombudsman.repeat') },
        { kind: 'paragraph', style: 'small', text: t('privacy') },
      ]);
    },
  };
}
