import { testSecondFactorSealer } from '../testing/casework-fixture';
import { randomBytes } from 'node:crypto';
import { queryRows, seedDemoDataIfEmpty, type SeedSummary, verifyComplaintHistory } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { COMPLAINT_STATES, fixedClock, readEvent } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { advanceDemoCases, demoSteps } from './advance-demo-cases';

// A Tuesday in term time; the demo is laid out around "today".
const clock = fixedClock('2026-11-24T11:00:00Z');

describeEachDatabase('the demo, taken on by the lifecycle', (database) => {
  let summary: SeedSummary;

  beforeAll(async () => {
    const db = database().db;
    summary = (await seedDemoDataIfEmpty(db, { clock, passwordHash: '$argon2id$placeholder' }))!;
    await advanceDemoCases({ db, clock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer }, summary.toAdvance, clock.now());
  }, 300_000);

  it('has every state at stage 1, and stage 2 with the Ombudsman too, each reached by real moves', async () => {
    const rows = await queryRows<{ stage: number; state: string }>(database().db, sql`select stage, state from complaints`);
    const stageOne = new Set(rows.filter((r) => r.stage === 1).map((r) => r.state));
    for (const state of COMPLAINT_STATES.filter((s) => s !== 'with_ombudsman' && s !== 'response_approved')) expect(stageOne, state).toContain(state);
    const stageTwo = new Set(rows.filter((r) => r.stage === 2).map((r) => r.state));
    for (const state of ['received', 'acknowledged', 'investigating', 'in_quality_assurance', 'response_sent', 'closed', 'with_ombudsman']) expect(stageTwo, state).toContain(state);
    for (const demo of summary.toAdvance) {
      const [row] = await queryRows<{ state: string; stage: number }>(database().db, sql`select state, stage from complaints where id = ${demo.complaintId}`);
      expect(row, `${demo.state}@${demo.stage}`).toEqual({ state: demo.state, stage: demo.stage });
    }
  });

  it('gives every complaint a history of moves the lifecycle reads, intact, each in the past', async () => {
    const complaints = await queryRows<{ id: string }>(database().db, sql`select id from complaints`);
    for (const { id } of complaints) expect((await verifyComplaintHistory(database().db, id)).intact).toBe(true);
    const events = await queryRows<{ type: string; payload: Record<string, unknown>; occurred_at: Date }>(database().db, sql`select type, payload, occurred_at from complaint_events`);
    for (const e of events) {
      expect(readEvent(e.type, e.payload).move, e.type).not.toBeNull();
      expect(new Date(e.occurred_at).getTime()).toBeLessThanOrEqual(clock.now().getTime());
    }
  });

  it('sends none of the emails its history wrote, and answers every point of what it answered', async () => {
    const [pending] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from outbox where channel = 'email' and status = 'pending'`);
    expect(pending!.n).toBe(0);
    const [unanswered] = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from complaints c join complaint_points p on p.complaint_id = c.id
          where c.state in ('response_sent', 'closed') and c.kind = 'complaint'
          and not exists (select 1 from point_answers a where a.point_id = p.id and a.stage = c.stage)`,
    );
    expect(unanswered!.n).toBe(0);
  });

  it('leaves learning on some closed complaints, each raised by its move', async () => {
    const points = await queryRows<{ id: string; state: string; level: string }>(
      database().db,
      sql`select l.id, c.state, l.level from learning_points l join complaints c on c.id = l.complaint_id`,
    );
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p).toMatchObject({ state: 'closed', level: 'service_area' });
    const raised = await queryRows<{ id: string }>(database().db, sql`select payload->>'learningPointId' as id from complaint_events where type = 'learning.raised'`);
    expect(raised.map((r) => r.id).sort()).toEqual(points.map((p) => p.id).sort());
  });

  it('takes a complaint the shortest way to each state', () => {
    expect(demoSteps('acknowledged', 1)).toEqual(['acknowledge']);
    expect(demoSteps('withdrawn', 1)).toEqual(['withdraw']);
    expect(demoSteps('received', 2).at(-1)).toBe('request_stage_two');
    expect(demoSteps('with_ombudsman', 2).slice(-2)).toEqual(['send', 'refer_to_ombudsman']);
  });
});
