import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkingDayCalendar, dailyWarningCutoffs, dailyWarnings, ombudsmanReplyDueBefore, REMINDER_LIST_LIMIT, type StaffRecipient, weeklyReminders } from '@complaints/domain';
import { describe, expect, it } from 'vitest';
import { reminderEmails } from './reminder-emails';

const sarah: StaffRecipient = { id: 'sarah-id', fullName: 'Sarah Wilson', email: 'sarah.wilson@example.org', active: true };
const david: StaffRecipient = { id: 'david-id', fullName: 'David Brown', email: 'david.brown@example.org', active: true };
const helen: StaffRecipient = { id: 'helen-id', fullName: 'Helen Okafor', email: 'helen.okafor@example.org', active: true };

// Tuesday 5 May 2026, the day after the Early May bank holiday.
const wording = { today: '2026-05-05', calendar: createWorkingDayCalendar(), reminderWindow: 5, backofficeUrl: 'https://backoffice.example.org' };

const reminders = weeklyReminders('2026-05-04', [
  {
    manager: sarah,
    headOfService: helen,
    total: 2,
    first: [
      { complaintId: 'c-1', reference: 'NEC-2026-00001', dueOn: '2026-04-29' },
      { complaintId: 'c-2', reference: 'NEC-2026-00002', dueOn: '2026-05-05' },
    ],
  },
  { manager: david, headOfService: helen, total: 1, first: [{ complaintId: 'c-3', reference: 'NEC-2026-00003', dueOn: '2026-05-07' }] },
]);
const toSarah = reminders.find((r) => r.role === 'manager' && r.recipient.id === 'sarah-id')!;
const toHelen = reminders.find((r) => r.role === 'head_of_service')!;
// Received on Friday 1 May and neither passed to a manager nor acknowledged.
const aisha: StaffRecipient = { id: 'aisha-id', fullName: 'Aisha Khan', email: 'aisha.khan@example.org', active: true };
const waiting = {
  complaintId: 'c-9',
  reference: 'NEC-2026-00009',
  state: 'logged' as const,
  owed: true,
  responderId: null,
  stageStartedOn: '2026-05-01',
  passToManagerDueOn: '2026-05-01',
  acknowledgeDueOn: '2026-05-05',
};
const warning = dailyWarnings('2026-05-05', [{ businessAreaId: 'north', total: 1, first: [waiting], recipients: [aisha] }], dailyWarningCutoffs('2026-05-05', wording.calendar))[0]!;

describe('the weekly reminder to a manager', () => {
  const mail = reminderEmails('en', wording).weekly(toSarah);

  it('lists each complaint with its due date, working days late or left, and a link to the case', () => {
    expect(mail.subject).toBe('Reminder: 2 complaints due soon or late');
    expect(mail.text).toContain('NEC-2026-00001 | Wednesday 29 April 2026 | 3 working days late | https://backoffice.example.org/complaints/c-1');
    expect(mail.text).toContain('NEC-2026-00002 | Tuesday 5 May 2026 | Due today | https://backoffice.example.org/complaints/c-2');
    expect(mail.text).toContain('every week until each response is sent');
    expect(mail.text).toContain('A copy goes to your Head of Service.');
    expect(mail.text).not.toContain('NEC-2026-00003');
    expect(mail.text).not.toContain('not listed here');
    expect(mail.html).toContain('<table');
    expect(mail.html).toContain('lang="en"');
  });

  it('counts what it does not list, and points to the queue that holds them all', () => {
    const [crowded] = weeklyReminders('2026-05-04', [{ manager: sarah, headOfService: null, total: 23, first: toSarah.groups[0]!.complaints }]);
    const mail = reminderEmails('en', wording).weekly(crowded!);
    expect(mail.subject).toBe('Reminder: 23 complaints due soon or late');
    expect(mail.text).toContain('21 more are not listed here. See them all in your queue: https://backoffice.example.org/queues/mine');
    expect(mail.text).not.toContain('A copy goes to your Head of Service.');
    expect(reminderEmails('cy', wording).weekly(crowded!).text).toContain('Mae 21 arall heb eu rhestru yma. Gwelwch nhw i gyd yn eich ciw: https://backoffice.example.org/queues/mine');
  });

  it('says one complaint in the singular', () => {
    const one = reminderEmails('en', wording).weekly(reminders.find((r) => r.recipient.id === 'david-id')!);
    expect(one.subject).toBe('Reminder: 1 complaint due soon or late');
    expect(one.text).toContain('Thursday 7 May 2026 | 2 working days left');
  });

  it('is written in Welsh as well', () => {
    const cy = reminderEmails('cy', wording).weekly(toSarah);
    expect(cy.subject).toBe("Nodyn atgoffa: cwynion sy'n ddyledus yn fuan neu'n hwyr (2)");
    expect(cy.text).toContain('NEC-2026-00001 | dydd Mercher 29 Ebrill 2026 | 3 diwrnod gwaith yn hwyr');
    expect(cy.text).toContain('Dyledus heddiw');
    expect(cy.html).toContain('lang="cy"');
  });
});

describe('the copy to the Head of Service', () => {
  it('lists each manager in turn with their complaints', () => {
    const mail = reminderEmails('en', wording).weekly(toHelen);
    expect(mail.subject).toBe("Copy of this week's reminders: 3 complaints in your area due soon or late");
    const text = mail.text;
    expect(text.indexOf('David Brown (1)')).toBeGreaterThan(-1);
    expect(text.indexOf('Sarah Wilson (2)')).toBeGreaterThan(text.indexOf('NEC-2026-00003'));
    expect(text).toContain('NEC-2026-00001 | Wednesday 29 April 2026 | 3 working days late');
  });
});

describe('the daily warning', () => {
  it('lists what is owed on each complaint, due today or late', () => {
    const mail = reminderEmails('en', wording).daily(warning);
    expect(mail.subject).toBe('Warning: 1 complaint to pass to a manager or acknowledge');
    expect(mail.text).toContain('NEC-2026-00009 | Pass to a manager | Friday 1 May 2026 | 1 working day late | https://backoffice.example.org/complaints/c-9');
    expect(mail.text).toContain('NEC-2026-00009 | Acknowledge | Tuesday 5 May 2026 | Due today');
    expect(mail.text).not.toContain('not listed here');
    const cy = reminderEmails('cy', wording).daily(warning);
    expect(cy.text).toContain('NEC-2026-00009 | Rhoi i reolwr | dydd Gwener 1 Mai 2026 | 1 diwrnod gwaith yn hwyr');
    const crowded = reminderEmails('en', wording).daily({ ...warning, waiting: 2 });
    expect(crowded.subject).toBe('Warning: 2 complaints to pass to a manager or acknowledge');
    expect(crowded.text).toContain('1 more is not listed here. See them all in your queue: https://backoffice.example.org/queues/new');
  });
});

describe('replies owed to the Ombudsman in the daily warning', () => {
  const referral = (reference: string, replyDueOn: string, ombudsman: 'phso' | 'psow' = 'phso') => ({
    referralId: `r-${reference}`,
    enquiryId: `e-${reference}`,
    complaintId: `c-${reference}`,
    reference,
    ombudsman,
    theirReference: `OMB-${reference}`,
    replyDueOn,
    finding: null,
    repliedOn: null,
  });
  const replies = {
    dueBefore: ombudsmanReplyDueBefore('2026-05-05', wording.calendar, 5),
    areas: [{ businessAreaId: 'north', total: 3, first: [referral('NEC-2026-00020', '2026-05-07'), referral('WAL-2026-00021', '2026-04-30', 'psow')], recipients: [aisha] }],
  };
  const cutoffs = dailyWarningCutoffs('2026-05-05', wording.calendar);

  it('follows the complaints waiting, in the same email, with each reply, its Ombudsman, their reference, the date and a link', () => {
    const [both] = dailyWarnings('2026-05-05', [{ businessAreaId: 'north', total: 1, first: [waiting], recipients: [aisha] }], cutoffs, REMINDER_LIST_LIMIT, replies);
    const mail = reminderEmails('en', wording).daily(both!);
    expect(mail.subject).toBe('Warning: 1 complaint to pass to a manager or acknowledge, and replies owed to the Ombudsman');
    expect(mail.text).toContain('NEC-2026-00009 | Acknowledge | Tuesday 5 May 2026 | Due today');
    expect(mail.text).toContain('Replies owed to the Ombudsman');
    expect(mail.text).toContain('due within 5 working days or are late');
    expect(mail.text).toContain(
      'WAL-2026-00021 | Public Services Ombudsman for Wales | OMB-WAL-2026-00021 | Thursday 30 April 2026 | 2 working days late | https://backoffice.example.org/complaints/c-WAL-2026-00021',
    );
    expect(mail.text).toContain('NEC-2026-00020 | Parliamentary and Health Service Ombudsman | OMB-NEC-2026-00020 | Thursday 7 May 2026 | 2 working days left');
    expect(mail.text.indexOf('WAL-2026-00021')).toBeLessThan(mail.text.indexOf('NEC-2026-00020 |'));
    expect(mail.text).toContain('1 more is not listed here.');
    expect(mail.text).toContain('while complaints are waiting or replies to the Ombudsman are owed');
    expect(mail.html).toContain('<h2');
  });

  it('goes on its own when no complaint is waiting, and in Welsh', () => {
    const [alone] = dailyWarnings('2026-05-05', [], cutoffs, REMINDER_LIST_LIMIT, replies);
    const mail = reminderEmails('en', wording).daily(alone!);
    expect(mail.subject).toBe('Warning: 3 replies to the Ombudsman due soon or late');
    expect(mail.text).not.toContain('Pass to a manager');
    expect(mail.text).toContain('every working morning while replies to the Ombudsman are owed');
    expect(mail.html).toContain('<h1');
    const one = reminderEmails('en', wording).daily({ ...alone!, repliesOwed: 2 });
    expect(one.subject).toBe('Warning: 2 replies to the Ombudsman due soon or late');
    expect(one.text).not.toContain('not listed here');
    const cy = reminderEmails('cy', wording).daily(alone!);
    expect(cy.subject).toBe("Rhybudd: atebion i'r Ombwdsmon sy'n ddyledus yn fuan neu'n hwyr (3)");
    expect(cy.text).toContain('WAL-2026-00021 | Ombwdsmon Gwasanaethau Cyhoeddus Cymru | OMB-WAL-2026-00021 | dydd Iau 30 Ebrill 2026 | 2 ddiwrnod gwaith yn hwyr');
    expect(cy.text).toContain('Mae 1 arall heb eu rhestru yma.');
  });
});

describe('the words', () => {
  const keys = (language: string): string[] => {
    const file = fileURLToPath(new URL(`../../../../content/locales/${language}/reminders.json`, import.meta.url));
    const walk = (value: unknown, prefix: string): string[] =>
      typeof value === 'string' ? [prefix] : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k));
    // Plural forms differ by language (Welsh has six): compare the keys they belong to.
    return [...new Set(walk(JSON.parse(readFileSync(file, 'utf8')), '').map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
  };

  it('has every English key in Welsh, and no other', () => {
    expect(keys('cy')).toEqual(keys('en'));
  });
});
