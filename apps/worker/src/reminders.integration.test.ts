import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, readEnvironment } from '@complaints/config';
import { type DatabaseHandle, openPostgres, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { londonTimeOf } from '@complaints/domain';
import { createCaseworkServices, createEscalationServices, forgetProcessSettings } from '@complaints/services';
import { acknowledge, answeredComplaint, assign, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH, pointIdsOf, WALES } from '@complaints/services/testing';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { type ScheduledJobContext, SCHEDULED_JOBS, startWorker } from './worker';

/*
 * The worker's reminder and warning jobs, driven hour by hour by a test clock through weeks of a
 * complaint that goes late, over bank holidays and an office closure: what reaches the outbox,
 * when, and never twice, however many workers run the jobs.
 */

const BACKOFFICE = 'https://backoffice.example.org';

/** A clock the test sets; each reading moves it on a second, so things done in turn happen in turn. */
function testClock(start: string) {
  let instant = Date.parse(start);
  return {
    now: () => {
      const at = new Date(instant);
      instant += 1000;
      return at;
    },
    set: (at: string | number) => {
      instant = typeof at === 'number' ? at : Date.parse(at);
    },
  };
}

type OutboxRow = { key: string; template: string; recipient: string; created: string; text: string };

async function reminderRows(db: DatabaseHandle['db']): Promise<OutboxRow[]> {
  const rows = await queryRows<{ key: string; template: string; recipient: string; created_at: string | Date; text: string }>(
    db,
    sql`select dedupe_key as key, template, recipient, created_at, payload->>'text' as text from outbox where template like 'reminders.%' order by created_at, dedupe_key`,
  );
  // When each was queued, as a London day and hour ("2026-04-27 09").
  return rows.map((r) => {
    const london = londonTimeOf(new Date(r.created_at));
    return { key: r.key, template: r.template, recipient: r.recipient, text: r.text, created: `${london.date} ${String(london.hour).padStart(2, '0')}` };
  });
}

describeEachDatabase('reminders and warnings from the worker', (database, kind) => {
  // Wednesday 8 April 2026, 09:30 in London (BST).
  const clock = testClock('2026-04-08T08:30:00Z');
  const f = caseworkSuite(database, clock);
  const casework = () => createCaseworkServices(f.deps);
  const folder = mkdtempSync(path.join(tmpdir(), 'worker-reminders-'));
  const logger = createLogger('worker-test', 'silent');
  const contextFor = (handle: DatabaseHandle): ScheduledJobContext => ({
    database: handle,
    clock,
    logger,
    attachments: createLocalDiskStorage(folder),
    backofficeUrl: BACKOFFICE,
  });
  const runJobs = async (context: ScheduledJobContext) => {
    await SCHEDULED_JOBS['weekly-reminders'].run(context);
    await SCHEDULED_JOBS['daily-warnings'].run(context);
  };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  let complaintId: string;
  let reference: string;

  it('reminds the manager weekly from the reminder window until the response is sent, copying the Head of Service, on working days only', async () => {
    const db = f.db;
    // The demo's own complaints, long waiting, would fill the daily warnings' lists: set them aside.
    await db.execute(sql`update complaints set state = 'withdrawn', current_due_on = null`);
    // An office closure on Monday 11 May, added by an administrator.
    await db.execute(sql`insert into non_working_days (date, description) values ('2026-05-11', 'Office move')`);
    forgetProcessSettings(db);

    // Received by email on Wednesday 8 April and logged that day: the response is due on Wednesday 29 April.
    ({ id: complaintId, reference } = await casework().logComplaint(f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'email', receivedOn: '2026-04-08' })));
    for (const pointId of await pointIdsOf(f, complaintId)) {
      await casework().recordTriage(f.as(NORTH.admin), complaintId, pointId, { categoryKey: 'communication', outcome: 'organisation', reason: 'Ours to answer.' });
    }
    const context = contextFor(database());

    let forgotten = '';
    const actions: Record<string, () => Promise<void>> = {
      // Passed to its manager and acknowledged only the next morning, after the day's warning.
      '2026-04-09 10': async () => {
        await assign(f, complaintId);
        await acknowledge(f, complaintId);
        await casework().startInvestigation(f.as(NORTH.manager), complaintId);
      },
      // A letter that arrives on Friday 1 May and is logged, then left: neither passed on nor acknowledged.
      '2026-05-01 10': async () => {
        forgotten = (await casework().logComplaint(f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'letter', receivedOn: '2026-05-01' }))).reference;
      },
      // The response goes on Friday 22 May.
      '2026-05-22 11': async () => {
        const request = f.as(NORTH.manager);
        for (const pointId of await pointIdsOf(f, complaintId)) {
          await casework().answerPoint(request, complaintId, {
            pointId,
            decision: 'upheld',
            reasons: 'We were too slow and should have kept you informed.',
            standardCited: 'Practice standard 4: keeping in touch',
            whatShouldHaveHappened: 'A call back within two working days.',
            whatHappened: 'No call back for three weeks.',
            remedy: 'An apology.',
            actions: [],
          });
        }
        const { letterId } = await casework().draftResponse(request, complaintId, { message: 'Thank you for telling us.' });
        await casework().submitLetter(request, { complaintId, letterId });
        await casework().approveLetter(f.as(NORTH.csq), { complaintId, letterId }, { comments: 'Clear.' });
        await casework().sendLetter(f.as(NORTH.admin), { complaintId, letterId });
      },
    };

    // Every hour, on the hour, from the night after it arrived to the end of May, as pg-boss would run the jobs.
    const first = Date.parse('2026-04-08T23:00:00Z');
    const last = Date.parse('2026-05-31T23:00:00Z');
    for (let hour = first; hour <= last; hour += 3_600_000) {
      clock.set(hour);
      const london = londonTimeOf(new Date(hour));
      await runJobs(context);
      const action = actions[`${london.date} ${String(london.hour).padStart(2, '0')}`];
      if (action) await action();
    }

    const rows = await reminderRows(db);
    const weekly = rows.filter((r) => r.template.startsWith('reminders.weekly'));
    const toManager = weekly.filter((r) => r.recipient === 'sarah.wilson@example.org');
    const toHead = weekly.filter((r) => r.recipient === 'helen.okafor@example.org');
    // Not the week of 20 April (the response was then more than five working days off); Tuesday 5
    // May after the Early May bank holiday; Tuesday 12 May after the office closure; nothing after
    // the response went on 22 May (Tuesday 26 May follows the Spring bank holiday).
    const sent = ['2026-04-27 09', '2026-05-05 09', '2026-05-12 09', '2026-05-18 09'];
    expect(toManager.map((r) => r.created)).toEqual(sent);
    expect(toHead.map((r) => r.created)).toEqual(sent);
    expect(weekly).toHaveLength(8);
    expect(toManager.every((r) => r.template === 'reminders.weekly_manager')).toBe(true);
    expect(toHead.every((r) => r.template === 'reminders.weekly_head_of_service')).toBe(true);

    const line = (due: string, standing: string) => `${reference} | ${due} | ${standing} | ${BACKOFFICE}/complaints/${complaintId}`;
    expect(toManager.map((r) => r.text.includes(line('Wednesday 29 April 2026', '2 working days left')))).toEqual([true, false, false, false]);
    expect(toManager[1]!.text).toContain(line('Wednesday 29 April 2026', '3 working days late'));
    expect(toManager[2]!.text).toContain(line('Wednesday 29 April 2026', '7 working days late'));
    expect(toManager[3]!.text).toContain(line('Wednesday 29 April 2026', '11 working days late'));
    expect(toHead[3]!.text).toContain('Sarah Wilson (1)');
    expect(toHead[3]!.text).toContain(line('Wednesday 29 April 2026', '11 working days late'));
    for (const r of weekly) expect(r.text).not.toContain('Jo Bloggs');

    // The daily warning: the morning after it arrived, neither passed to a manager nor acknowledged,
    // to the North's CSQ administrator and CSQ manager only; not again once both were done.
    const daily = rows.filter((r) => r.template === 'reminders.daily_warning');
    const aboutIt = daily.filter((r) => r.text.includes(reference));
    expect(aboutIt.map((r) => [r.created, r.recipient]).sort()).toEqual([
      ['2026-04-09 09', 'aisha.khan@example.org'],
      ['2026-04-09 09', 'rachel.green@example.org'],
    ]);
    expect(aboutIt[0]!.text).toContain(`${reference} | Pass to a manager | Wednesday 8 April 2026 | 1 working day late`);
    expect(aboutIt[0]!.text).toContain(`${reference} | Acknowledge | Thursday 9 April 2026 | Due today`);

    // The one left waiting: every working morning from the first after its day of arrival, to both.
    const workingDaysOfMay = ['05', '06', '07', '08', '12', '13', '14', '15', '18', '19', '20', '21', '22', '26', '27', '28', '29'].map((d) => `2026-05-${d} 09`);
    for (const to of ['aisha.khan@example.org', 'rachel.green@example.org']) {
      expect(daily.filter((r) => r.recipient === to && r.text.includes(forgotten)).map((r) => r.created)).toEqual(workingDaysOfMay);
    }
    expect(daily.filter((r) => r.text.includes(forgotten)).every((r) => ['aisha.khan@example.org', 'rachel.green@example.org'].includes(r.recipient))).toBe(true);

    // At most one warning a day to anyone, and only in working hours on working days.
    const perPersonAndDay = new Set(daily.map((r) => `${r.recipient} ${r.created.slice(0, 10)}`));
    expect(perPersonAndDay.size).toBe(daily.length);
    const days = new Set(daily.map((r) => r.created.slice(0, 10)));
    for (const holiday of ['2026-05-04', '2026-05-11', '2026-05-25', '2026-04-11', '2026-04-12']) expect(days.has(holiday), holiday).toBe(false);
    expect(rows.every((r) => Number(r.created.slice(11)) >= 9 && Number(r.created.slice(11)) < 17)).toBe(true);
  }, 600_000);

  it('queues each email once when two workers run the jobs at the same moment, and again after a restart', async () => {
    // Monday 1 June, 09:00: another complaint, answered by David Brown, is late.
    clock.set('2026-06-01T07:30:00Z');
    const { id } = await casework().logComplaint(f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'email', receivedOn: '2026-05-01' }));
    await assign(f, id, { ...NORTH, manager: DEMO_STAFF.reviewer });
    await acknowledge(f, id, { ...NORTH, manager: DEMO_STAFF.reviewer });
    // A complaint received on Friday and not yet passed on, for the daily warning on Monday.
    const waiting = await casework().logComplaint(f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'email', receivedOn: '2026-05-29' }));

    // A second worker: on PostgreSQL its own connections; the embedded database has one process.
    const second = kind === 'postgres' ? await openPostgres(database().url!, { max: 4 }) : database();
    try {
      clock.set('2026-06-01T08:00:00Z');
      await Promise.all([runJobs(contextFor(database())), runJobs(contextFor(second)), runJobs(contextFor(database())), runJobs(contextFor(second))]);
      // A worker restarted an hour later runs the jobs again.
      clock.set('2026-06-01T09:00:00Z');
      await Promise.all([runJobs(contextFor(second)), runJobs(contextFor(database()))]);
    } finally {
      if (second !== database()) await second.close();
    }

    const rows = (await reminderRows(f.db)).filter((r) => r.created.startsWith('2026-06-01'));
    const weekly = rows.filter((r) => r.template.startsWith('reminders.weekly'));
    expect(weekly.map((r) => [r.recipient, r.key]).sort()).toEqual(
      [
        ['david.brown@example.org', `reminder.weekly:2026-06-01:manager:${f.staffId(DEMO_STAFF.reviewer)}`],
        ['helen.okafor@example.org', `reminder.weekly:2026-06-01:head_of_service:${f.staffId(DEMO_STAFF.head)}`],
      ].sort(),
    );
    expect(weekly.every((r) => r.created === '2026-06-01 09')).toBe(true);
    const daily = rows.filter((r) => r.template === 'reminders.daily_warning');
    expect(daily.length).toBe(new Set(daily.map((r) => r.recipient)).size);
    expect(daily.filter((r) => r.text.includes(waiting.reference)).map((r) => r.recipient).sort()).toEqual(['aisha.khan@example.org', 'rachel.green@example.org']);
    // Counted straight from the outbox: the rows of the day's keys are exactly those above.
    const [count] = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from outbox where dedupe_key like '%:2026-06-01:%'`);
    expect(count!.n).toBe(rows.length);
  }, 300_000);

  it('tells the CSQ staff of the area each working morning of a reply to the Ombudsman coming due, in the same email, until the finding is recorded', async () => {
    const escalation = createEscalationServices(f.deps);
    // Monday 8 June 2026: three complaints answered, then taken to the Ombudsman.
    clock.set('2026-06-08T07:00:00Z');
    const northId = await answeredComplaint(f, NORTH, { receivedOn: '2026-06-01' });
    const walesId = await answeredComplaint(f, WALES, { receivedOn: '2026-06-01', serviceArea: 'WAL', team: 'WAL-CARDIFF' });
    const laterId = await answeredComplaint(f, NORTH, { receivedOn: '2026-06-01' });
    // The North's reply is due on Friday 26 June; the Welsh one on Friday 12 June; another far off.
    await escalation.refer(f.as(NORTH.admin), northId, { referredOn: '2026-06-08', theirReference: 'PHSO-7001', replyDueOn: '2026-06-26' });
    const welsh = await escalation.refer(f.as(WALES.admin), walesId, { referredOn: '2026-06-08', theirReference: '202670002', replyDueOn: '2026-06-12' });
    await escalation.refer(f.as(NORTH.admin), laterId, { referredOn: '2026-06-08', theirReference: 'PHSO-7003', replyDueOn: '2026-09-01' });
    const [north, wales] = await queryRows<{ reference: string }>(f.db, sql`select reference from complaints where id in (${northId}, ${walesId}) order by (id = ${walesId})`);
    const later = (await queryRows<{ reference: string }>(f.db, sql`select reference from complaints where id = ${laterId}`))[0]!.reference;

    const context = contextFor(database());
    const first = Date.parse('2026-06-08T07:00:00Z');
    const last = Date.parse('2026-07-01T15:00:00Z');
    for (let hour = first; hour <= last; hour += 3_600_000) {
      clock.set(hour);
      await runJobs(context);
      // The Ombudsman's finding on the North's complaint, on Tuesday 30 June at 10:00.
      if (hour === Date.parse('2026-06-30T09:00:00Z')) {
        await escalation.recordOutcome(f.as(NORTH.csq), northId, { finding: 'not_upheld', findingOn: '2026-06-30' });
      }
      // Our late reply to the Welsh enquiry goes on Wednesday 24 June at 10:00.
      if (hour === Date.parse('2026-06-24T09:00:00Z')) {
        await escalation.reply(f.as(WALES.admin), walesId, { enquiryId: welsh.enquiryId, sentOn: '2026-06-24', reply: 'The case file and our letters.' });
      }
    }

    const daily = (await reminderRows(f.db)).filter((r) => r.template === 'reminders.daily_warning' && r.created >= '2026-06-08');
    const days = (rows: OutboxRow[]) => rows.map((r) => r.created);
    const mentioning = (reference: string, to: string) => daily.filter((r) => r.recipient === to && r.text.includes(`${reference} | `));
    const northStaff = ['aisha.khan@example.org', 'rachel.green@example.org'];
    const walesStaff = ['carys.jones@example.org', 'elin.roberts@example.org'];
    const workingDays = (from: string, to: string) =>
      ['08', '09', '10', '11', '12', '15', '16', '17', '18', '19', '22', '23', '24', '25', '26', '29', '30']
        .map((d) => `2026-06-${d}`)
        .concat(['2026-07-01'])
        .filter((d) => d >= from && d <= to)
        .map((d) => `${d} 09`);

    // The North's: from the first morning it is within the 5 working days (Friday 19 June), every
    // working morning, late from Monday 29 June, and not after the finding was recorded.
    for (const to of northStaff) expect(days(mentioning(north!.reference, to)), to).toEqual(workingDays('2026-06-19', '2026-06-30'));
    const [firstNorth] = mentioning(north!.reference, 'aisha.khan@example.org');
    const line = (reference: string, ombudsman: string, theirs: string, due: string, standing: string, id: string) =>
      `${reference} | ${ombudsman} | ${theirs} | ${due} | ${standing} | ${BACKOFFICE}/complaints/${id}`;
    expect(firstNorth!.text).toContain(line(north!.reference, 'Parliamentary and Health Service Ombudsman', 'PHSO-7001', 'Friday 26 June 2026', '5 working days left', northId));
    expect(mentioning(north!.reference, 'aisha.khan@example.org').at(-1)!.text).toContain(line(north!.reference, 'Parliamentary and Health Service Ombudsman', 'PHSO-7001', 'Friday 26 June 2026', '2 working days late', northId));
    // The Welsh one, due within the window from the start: every working morning until our reply went, to the Welsh area only.
    for (const to of walesStaff) expect(days(mentioning(wales!.reference, to)), to).toEqual(workingDays('2026-06-08', '2026-06-24'));
    expect(mentioning(wales!.reference, 'carys.jones@example.org')[0]!.text).toContain(
      line(wales!.reference, 'Public Services Ombudsman for Wales', '202670002', 'Friday 12 June 2026', '4 working days left', walesId),
    );
    for (const to of northStaff) expect(mentioning(wales!.reference, to)).toEqual([]);
    for (const to of walesStaff) expect(mentioning(north!.reference, to)).toEqual([]);
    // Due in September: not yet.
    expect(daily.filter((r) => r.text.includes(later))).toEqual([]);
    // Still one email a day to each person, under the day's key, whatever it lists.
    expect(new Set(daily.map((r) => `${r.recipient} ${r.created.slice(0, 10)}`)).size).toBe(daily.length);
    expect(daily.every((r) => r.created.endsWith(' 09'))).toBe(true);
    expect(new Set(daily.map((r) => r.recipient))).toEqual(new Set([...northStaff, ...walesStaff]));
    // While it is with the Ombudsman, the complaint is due when its enquiry is: the queues colour it so.
    const [dueNow] = await queryRows<{ current_due_on: string | null }>(f.db, sql`select current_due_on::text from complaints where id = ${laterId}`);
    expect(dueNow!.current_due_on).toBe('2026-09-01');
  }, 300_000);

  it('has pg-boss run the jobs every hour of the working day, Monday to Friday, London time', async () => {
    const worker = await startWorker({
      database: database(),
      env: readEnvironment({ DATA_DIR: folder, LOG_LEVEL: 'silent' }),
      logger,
      clock,
      // Nothing is sent from this test: the outbox is only looked at.
      transport: { name: 'none', send: async () => ({ messageId: 'none' }) },
      pollIntervalMs: 60_000,
    });
    try {
      const schedules = await queryRows<{ name: string; cron: string; timezone: string }>(f.db, sql`select name, cron, timezone from jobs.schedule order by name`);
      expect(schedules).toEqual([
        { name: 'daily-warnings', cron: '0 9-16 * * 1-5', timezone: 'Europe/London' },
        { name: 'history-check', cron: '45 2 * * *', timezone: 'Europe/London' },
        { name: 'housekeeping', cron: '15 3 * * *', timezone: 'Europe/London' },
        { name: 'retention', cron: '30 3 * * *', timezone: 'Europe/London' },
        { name: 'weekly-reminders', cron: '0 9-16 * * 1-5', timezone: 'Europe/London' },
      ]);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});
