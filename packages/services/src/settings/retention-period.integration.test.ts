import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { retentionYears } from '../retention/anonymise-expired-complaints';
import { caseworkSuite, DEMO_STAFF, NORTH } from '../testing/casework-fixture';
import { changeRetentionPeriod } from './change-retention-period';
import { viewCaseworkSettings } from './view-casework-settings';

const clock = fixedClock('2026-11-24T11:00:00Z');

describeEachDatabase('the retention period set by national office', (database) => {
  const f = caseworkSuite(database, clock);
  const nationalOffice = () => f.as(DEMO_STAFF.national);
  const audited = () => queryRows<{ subject: string; staff_id: string }>(f.db, sql`select subject, staff_id from audit_log where action = 'settings.changed' and subject like 'setting:retention_years:%' order by id`);
  const stored = async () => (await queryRows<{ years: number; updated_by: string | null }>(f.db, sql`select years, updated_by from retention_settings where key = 'complaints'`))[0];

  describe('changing it', () => {
    it('is six years until changed; a change is kept with who made it, audited, and used by the next run', async () => {
      expect((await viewCaseworkSettings(f.deps, nationalOffice())).retentionYears).toBe(6);
      const result = await changeRetentionPeriod(f.deps, nationalOffice(), { retentionYears: ' 7 ' });
      expect(result).toEqual({ retentionYears: 7, changed: true });
      expect(await retentionYears(f.deps)).toBe(7);
      expect((await viewCaseworkSettings(f.deps, nationalOffice())).retentionYears).toBe(7);
      const actor = nationalOffice().actor.id;
      expect(await stored()).toEqual({ years: 7, updated_by: actor });
      expect(await audited()).toEqual([{ subject: 'setting:retention_years:7', staff_id: actor }]);
    });

    it('to what is already set changes nothing and records nothing', async () => {
      const before = (await audited()).length;
      expect(await changeRetentionPeriod(f.deps, nationalOffice(), { retentionYears: '7' })).toEqual({ retentionYears: 7, changed: false });
      expect(await audited()).toHaveLength(before);
    });

    it('is refused with the problem at the box, and nothing written, for anything but whole years from 1 to 50', async () => {
      const before = (await audited()).length;
      const refused = (value: unknown, message: string) =>
        expect(changeRetentionPeriod(f.deps, nationalOffice(), { retentionYears: value })).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'retentionYears', message }] });
      await refused('', 'retentionYears.required');
      await refused(undefined, 'retentionYears.required');
      await refused('six', 'retentionYears.whole');
      await refused('2.5', 'retentionYears.whole');
      await refused('-1', 'retentionYears.whole');
      await refused('0', 'retentionYears.range');
      await refused('51', 'retentionYears.range');
      expect(await retentionYears(f.deps)).toBe(7);
      expect(await audited()).toHaveLength(before);
    });

    it('is refused to anyone but national office', async () => {
      for (const email of [NORTH.admin, DEMO_STAFF.head]) {
        await expect(changeRetentionPeriod(f.deps, f.as(email), { retentionYears: '3' })).rejects.toMatchObject({ code: 'not_allowed' });
      }
      expect(await retentionYears(f.deps)).toBe(7);
    });
  });
});
