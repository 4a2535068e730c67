import { COMPLAINT_STATES, createWorkingDayCalendar, fixedClock, londonDateOf, parseReference } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../client';
import { verifyComplaintHistory } from '../repositories/complaint-history';
import { describeEachDatabase } from '../testing/test-database';
import { seedDemoDataIfEmpty, type SeedSummary } from './demo-seed';

// A Tuesday in term time; the demo data is laid out around "today".
const clock = fixedClock('2026-11-24T11:00:00Z');

describeEachDatabase('demo seed', (database) => {
  let summary: SeedSummary | null;
  beforeAll(async () => {
    summary = await seedDemoDataIfEmpty(database().db, { clock, passwordHash: '$argon2id$placeholder' });
  });

  it('adds three business areas, about 25 staff across every role and about 60 complaints', async () => {
    expect(summary?.businessAreas).toBe(3);
    expect(summary?.staff.length).toBeGreaterThanOrEqual(24);
    expect(new Set(summary?.staff.map((s) => s.role))).toEqual(
      new Set(['csq_administrator', 'responding_manager', 'head_of_service', 'csq_manager', 'national_office', 'system_administrator']),
    );
    expect(summary?.complaints).toBeGreaterThanOrEqual(55);
  });

  it('writes complaints as received or logged, and leaves the rest of the way to every state, at both stages, to the lifecycle', async () => {
    const rows = await queryRows<{ stage: number; state: string; language: string; audience: string }>(
      database().db,
      sql`select stage, state, language, audience from complaints`,
    );
    expect(new Set(rows.map((r) => `${r.state}@${r.stage}`))).toEqual(new Set(['received@1', 'logged@1']));
    const targets = new Set(summary!.toAdvance.map((c) => `${c.state}@${c.stage}`));
    for (const state of COMPLAINT_STATES.filter((s) => !['received', 'logged', 'with_ombudsman', 'response_approved'].includes(s))) expect(targets).toContain(`${state}@1`);
    expect(targets).toContain('with_ombudsman@2');
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'cy']));
    expect(new Set(rows.map((r) => r.audience))).toEqual(new Set(['adult', 'child']));
  });

  it('has some complaints overdue and some due within the next five working days', async () => {
    const today = londonDateOf(clock.now());
    const calendar = createWorkingDayCalendar();
    const dues = await queryRows<{ due: string }>(database().db, sql`select current_due_on::text as due from complaints where current_due_on is not null`);
    expect(dues.filter((d) => d.due < today).length).toBeGreaterThan(3);
    expect(dues.filter((d) => d.due >= today && calendar.workingDaysBetween(today, d.due) <= 5).length).toBeGreaterThan(3);
  });

  it('gives every complaint a valid reference and an intact history that starts with its submission', async () => {
    const rows = await queryRows<{ id: string; reference: string }>(database().db, sql`select id, reference from complaints`);
    for (const row of rows) {
      expect(parseReference(row.reference)).toEqual({ ok: true, reference: row.reference });
      const verified = await verifyComplaintHistory(database().db, row.id);
      expect(verified.intact, row.reference).toBe(true);
    }
    const first = await queryRows<{ type: string }>(database().db, sql`select distinct type from complaint_events where sequence = 1`);
    expect(first).toEqual([{ type: 'complaint.submitted' }]);
  });

  it('never makes the stage 1 responder the stage 2 reviewer, who is of the same business area', async () => {
    const stageTwo = summary!.toAdvance.filter((c) => c.stage === 2);
    expect(stageTwo.length).toBeGreaterThan(0);
    for (const c of stageTwo) {
      expect(c.reviewerId).not.toBe(c.managerId);
      const [row] = await queryRows<{ same: boolean }>(
        database().db,
        sql`select (select b.id from staff s join teams t on t.id = s.team_id join service_areas a on a.id = t.service_area_id join business_areas b on b.id = a.business_area_id where s.id = ${c.reviewerId})
               = (select business_area_id from complaints where id = ${c.complaintId}) as same`,
      );
      expect(row!.same).toBe(true);
    }
  });

  it('leaves a database that already has data alone', async () => {
    expect(await seedDemoDataIfEmpty(database().db, { clock, passwordHash: 'x' })).toBeNull();
  });
});
