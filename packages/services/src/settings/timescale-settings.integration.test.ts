import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { DEFAULT_TIMESCALES, fixedClock, TIMESCALE_KEYS } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH } from '../testing/casework-fixture';
import { addNonWorkingDay } from './add-non-working-day';
import { changeTimescaleSettings } from './change-timescale-settings';
import { loadProcessSettings } from './process-settings';
import { removeNonWorkingDay } from './remove-non-working-day';
import { viewNonWorkingDays } from './view-non-working-days';
import { viewTimescaleSettings } from './view-timescale-settings';

// Tuesday 24 November 2026, 11:00 in London.
const clock = fixedClock('2026-11-24T11:00:00Z');
const TODAY = '2026-11-24';

/** The settings form as it is sent: a box for every timescale, as text. */
const form = (over: Record<string, string> = {}) => ({ ...Object.fromEntries(TIMESCALE_KEYS.map((k) => [k, String(DEFAULT_TIMESCALES[k])])), ...over });

describeEachDatabase('timescales and non-working days set by national office', (database) => {
  const f = caseworkSuite(database, clock);
  const nationalOffice = () => f.as(DEMO_STAFF.national);

  const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(f.db, query))[0]!.n);
  const audit = (action: string) => queryRows<{ subject: string; staff_id: string }>(f.db, sql`select subject, staff_id from audit_log where action = ${action} order by id`);
  const settingsRows = () => queryRows<{ key: string; working_days: number; updated_by: string | null }>(f.db, sql`select key, working_days, updated_by from timescale_settings order by key`);
  const dayRows = () => queryRows<{ date: string; description: string; added_by: string }>(f.db, sql`select date::text as date, description, added_by from non_working_days order by date`);

  /** A complaint by letter received today, logged by the North's CSQ administrator: its stage 1 response date as stored. */
  async function responseDueOfNewComplaint(): Promise<string> {
    const { id } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { receivedOn: TODAY }));
    return responseDueOf(id);
  }
  async function responseDueOf(complaintId: string): Promise<string> {
    const [row] = await queryRows<{ due: string }>(f.db, sql`select response_due_on::text as due from complaint_stages where complaint_id = ${complaintId} and stage = 1`);
    return row!.due;
  }

  describe('the timescales', () => {
    it('are shown to national office each with what is in force, the default and the bounds', async () => {
      const view = await viewTimescaleSettings(f.deps, nationalOffice());
      expect(view.map((s) => s.key)).toEqual([...TIMESCALE_KEYS]);
      expect(view.find((s) => s.key === 'stage_1_response')).toEqual({
        key: 'stage_1_response',
        workingDays: 15,
        defaultWorkingDays: 15,
        min: 1,
        max: 65,
        changedAt: null,
        changedBy: null,
      });
    });

    it('once changed, give new complaints the new due date and leave those received before alone; each change audited from and to', async () => {
      const { id: before } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { receivedOn: TODAY }));
      // Fifteen working days after Tuesday 24 November 2026.
      expect(await responseDueOf(before)).toBe('2026-12-15');
      // The process has the settings cached now: the change must make it read them again.
      expect((await loadProcessSettings(f.db)).timescales.stage_1_response).toBe(15);

      const result = await changeTimescaleSettings(f.deps, nationalOffice(), form({ stage_1_response: '20', reminder_window: ' 3 ' }));
      expect(result).toEqual({
        changes: [
          { key: 'stage_1_response', from: 15, to: 20 },
          { key: 'reminder_window', from: 5, to: 3 },
        ],
      });
      expect((await loadProcessSettings(f.db)).timescales).toMatchObject({ stage_1_response: 20, reminder_window: 3 });

      expect(await responseDueOfNewComplaint()).toBe('2026-12-22');
      expect(await responseDueOf(before)).toBe('2026-12-15');

      const national = f.staffId(DEMO_STAFF.national);
      expect(await audit('timescale.changed')).toEqual([
        { subject: 'timescale:stage_1_response:15->20', staff_id: national },
        { subject: 'timescale:reminder_window:5->3', staff_id: national },
      ]);
      // Only the timescales that changed were written, and by whom.
      expect((await settingsRows()).filter((r) => r.updated_by !== null)).toEqual([
        { key: 'reminder_window', working_days: 3, updated_by: national },
        { key: 'stage_1_response', working_days: 20, updated_by: national },
      ]);
      const view = await viewTimescaleSettings(f.deps, nationalOffice());
      expect(view.find((s) => s.key === 'stage_1_response')).toMatchObject({ workingDays: 20, defaultWorkingDays: 15, changedBy: 'Margaret Lewis', changedAt: clock.now() });
    });

    it('sent unchanged, change nothing and record nothing', async () => {
      const rows = await settingsRows();
      const audited = await count(sql`select count(*)::int as n from audit_log`);
      expect(await changeTimescaleSettings(f.deps, nationalOffice(), form({ stage_1_response: '20', reminder_window: '3' }))).toEqual({ changes: [] });
      expect(await settingsRows()).toEqual(rows);
      expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audited);
    });

    it('are refused with a problem at each wrong box, and nothing is written', async () => {
      const rows = await settingsRows();
      const audited = await count(sql`select count(*)::int as n from audit_log`);
      await expect(
        changeTimescaleSettings(f.deps, nationalOffice(), form({ stage_1_response: 'twenty', stage_2_response: '66', acknowledge: '', stage_2_acknowledge: '10', stage_2_extension_max: '5' })),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [
          { field: 'acknowledge', message: 'timescale.required' },
          { field: 'stage_1_response', message: 'timescale.whole' },
          { field: 'stage_2_response', message: 'timescale.range' },
        ],
      });
      await expect(changeTimescaleSettings(f.deps, nationalOffice(), form({ stage_2_acknowledge: '10', stage_2_response: '9' }))).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'stage_2_acknowledge', message: 'timescale.notMoreThan', than: 'stage_2_response' }],
      });
      await expect(changeTimescaleSettings(f.deps, nationalOffice(), 'stage_1_response=1')).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await settingsRows()).toEqual(rows);
      expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audited);
    });

    it('put back, are the defaults again for new complaints', async () => {
      expect(await changeTimescaleSettings(f.deps, nationalOffice(), form())).toEqual({
        changes: [
          { key: 'stage_1_response', from: 20, to: 15 },
          { key: 'reminder_window', from: 3, to: 5 },
        ],
      });
      expect(await responseDueOfNewComplaint()).toBe('2026-12-15');
    });
  });

  describe('the days added to the calendar', () => {
    it('move the due date of a complaint received after a day is added, not of one received before; added and removed are audited', async () => {
      const before = await responseDueOfNewComplaint();
      expect(before).toBe('2026-12-15');
      expect(await addNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-02', description: '  Office move  ' })).toEqual({ date: '2026-12-02' });
      expect(await dayRows()).toEqual([{ date: '2026-12-02', description: 'Office move', added_by: f.staffId(DEMO_STAFF.national) }]);

      const { id: after } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { receivedOn: TODAY }));
      expect(await responseDueOf(after)).toBe('2026-12-16');

      const page = await viewNonWorkingDays(f.deps, nationalOffice());
      expect(page).toMatchObject({ today: TODAY, latest: '2028-12-31', days: [{ date: '2026-12-02', description: 'Office move', addedBy: 'Margaret Lewis', removable: true }] });
      expect(page.bankHolidays.map((h) => h.date)).toContain('2026-12-25');
      expect(page.bankHolidays.every((h) => h.date >= TODAY)).toBe(true);

      expect(await removeNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-02' })).toEqual({ date: '2026-12-02' });
      expect(await dayRows()).toEqual([]);
      expect(await responseDueOfNewComplaint()).toBe('2026-12-15');
      expect(await responseDueOf(after)).toBe('2026-12-16');

      expect((await audit('non_working_day.added')).map((a) => a.subject)).toEqual(['non_working_day:2026-12-02']);
      expect((await audit('non_working_day.removed')).map((a) => a.subject)).toEqual(['non_working_day:2026-12-02']);
    });

    it('are refused with the problem at the field: a weekend, a bank holiday, a day gone by, one added already, no description', async () => {
      await addNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-04', description: 'Staff training day' });
      const days = await dayRows();
      const audited = await count(sql`select count(*)::int as n from audit_log`);
      const refused = (input: unknown, problems: unknown[]) => expect(addNonWorkingDay(f.deps, nationalOffice(), input)).rejects.toMatchObject({ code: 'invalid_input', problems });
      await refused({ date: '2026-11-28', description: 'Closed' }, [{ field: 'date', message: 'date.weekend' }]);
      await refused({ date: '2026-12-25', description: 'Closed' }, [{ field: 'date', message: 'date.bankHoliday', holiday: 'christmas' }]);
      await refused({ date: '2026-11-23', description: 'Closed' }, [{ field: 'date', message: 'date.inPast' }]);
      await refused({ date: '2026-12-04', description: 'Closed' }, [{ field: 'date', message: 'date.alreadyAdded' }]);
      await refused({ date: 'invalid', description: '' }, [
        { field: 'date', message: 'date.invalid' },
        { field: 'description', message: 'description.required' },
      ]);
      await refused({}, [
        { field: 'date', message: 'date.required' },
        { field: 'description', message: 'description.required' },
      ]);
      expect(await dayRows()).toEqual(days);
      expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audited);
    });

    it('may be taken off only while still ahead; a day not on the list changes nothing', async () => {
      // The day after the training day: it has been counted now.
      const later = { ...f.deps, clock: fixedClock('2026-12-05T10:00:00Z') };
      await expect(removeNonWorkingDay(later, nationalOffice(), { date: '2026-12-04' })).rejects.toMatchObject({ code: 'day_passed' });
      expect((await viewNonWorkingDays(later, nationalOffice())).days).toMatchObject([{ date: '2026-12-04', removable: false }]);
      await expect(removeNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-07' })).rejects.toMatchObject({ code: 'nothing_changed' });
      await expect(removeNonWorkingDay(f.deps, nationalOffice(), {})).rejects.toMatchObject({ code: 'nothing_changed' });
      expect((await dayRows()).map((d) => d.date)).toEqual(['2026-12-04']);
      await removeNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-04' });
      await expect(removeNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-04' })).rejects.toMatchObject({ code: 'nothing_changed' });
    });
  });

  it('are for national office alone: everyone else is refused and nothing is written', async () => {
    await addNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-09', description: 'Office closed' });
    const rows = await settingsRows();
    const days = await dayRows();
    const audited = await count(sql`select count(*)::int as n from audit_log`);
    for (const email of [NORTH.admin, NORTH.csq, NORTH.manager, DEMO_STAFF.head, 'sam.fletcher@example.org']) {
      const request = f.as(email);
      await expect(viewTimescaleSettings(f.deps, request)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(changeTimescaleSettings(f.deps, request, form({ stage_1_response: '30' }))).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(viewNonWorkingDays(f.deps, request)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(addNonWorkingDay(f.deps, request, { date: '2026-12-10', description: 'Closed' })).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(removeNonWorkingDay(f.deps, request, { date: '2026-12-09' })).rejects.toMatchObject({ code: 'not_allowed' });
    }
    expect(await settingsRows()).toEqual(rows);
    expect(await dayRows()).toEqual(days);
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(audited);
    // So the file leaves the calendar as it found it.
    await removeNonWorkingDay(f.deps, nationalOffice(), { date: '2026-12-09' });
  });
});
