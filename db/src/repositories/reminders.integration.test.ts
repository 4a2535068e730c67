import {
  addDays,
  COMPLAINT_STATES,
  type ComplaintState,
  createWorkingDayCalendar,
  dailyWarningCutoffs,
  dailyWarningSteps,
  dailyWarnings,
  isInWeeklyReminder,
  isOmbudsmanReplyInDailyWarning,
  ombudsmanReplyDueBefore,
  type RoleKey,
  weeklyReminderDueBefore,
} from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { type Executor, queryRows } from '../client';
import { describeEachDatabase } from '../testing/test-database';
import { listDailyWarningAreas, listOmbudsmanRepliesDue, listWeeklyReminderGroups, weeklyReminderQuery } from './reminders';

/*
 * The queries select exactly what the domain's rules say, checked over complaints in every state
 * with due dates on both sides of each boundary, and the weekly one can be answered from its
 * partial index alone.
 */

const calendar = createWorkingDayCalendar();
// Wednesday 14 January 2026.
const TODAY = '2026-01-14';

async function one<T extends Record<string, unknown>>(db: Executor, query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0]!;
}

async function businessArea(db: Executor, code: string) {
  return (await one<{ id: string }>(db, sql`insert into business_areas (code, name_en, name_cy) values (${code}, ${code}, ${code}) returning id`)).id;
}

async function serviceArea(db: Executor, code: string, businessAreaId: string, headOfServiceId: string | null) {
  return (
    await one<{ id: string }>(
      db,
      sql`insert into service_areas (code, name_en, name_cy, business_area_id, head_of_service_id) values (${code}, ${code}, ${code}, ${businessAreaId}, ${headOfServiceId}) returning id`,
    )
  ).id;
}

async function person(db: Executor, name: string, role: RoleKey, options: { businessAreaId?: string; active?: boolean } = {}) {
  return (
    await one<{ id: string }>(
      db,
      sql`insert into staff (email, full_name, role_key, business_area_id, active)
          values (${`${name.toLowerCase().replace(/ /g, '.')}@reminders.example.org`}, ${name}, ${role}, ${options.businessAreaId ?? null}, ${options.active ?? true})
          returning id`,
    )
  ).id;
}

let sequence = 0;

async function complaint(
  db: Executor,
  values: {
    state: ComplaintState;
    currentDueOn: string | null;
    responderId: string | null;
    paused?: boolean;
    businessAreaId?: string | null;
    serviceAreaId?: string | null;
    stage?: 1 | 2;
    stages?: Array<{ stage: 1 | 2; startedOn: string; passToManagerDueOn: string; acknowledgeDueOn: string }>;
  },
) {
  sequence += 1;
  const reference = `REM-${String(sequence).padStart(6, '0')}`;
  const { id } = await one<{ id: string }>(
    db,
    sql`insert into complaints (reference, channel, received_at, received_on, stage, state, business_area_id, service_area_id, responder_id, current_due_on, paused_since)
        values (${reference}, 'email', '2026-01-02T10:00:00Z', '2026-01-02', ${values.stage ?? 1}, ${values.state}, ${values.businessAreaId ?? null},
                ${values.serviceAreaId ?? null}, ${values.responderId}, ${values.currentDueOn}::date, ${values.paused ? '2026-01-05T10:00:00Z' : null}::timestamptz)
        returning id`,
  );
  for (const s of values.stages ?? [{ stage: 1, startedOn: '2026-01-02', passToManagerDueOn: '2026-01-02', acknowledgeDueOn: '2026-01-05' }]) {
    await db.execute(sql`insert into complaint_stages (complaint_id, stage, started_on, acknowledge_due_on, pass_to_manager_due_on, response_due_on, original_response_due_on)
                         values (${id}, ${s.stage}, ${s.startedOn}, ${s.acknowledgeDueOn}, ${s.passToManagerDueOn}, '2026-02-01', '2026-02-01')`);
  }
  return { id, reference };
}

describeEachDatabase('reminder and warning queries', (database) => {
  const people: Record<string, string> = {};
  const areas: Record<string, string> = {};

  beforeAll(async () => {
    const db = database().db;
    areas.north = await businessArea(db, 'REM-NORTH');
    areas.south = await businessArea(db, 'REM-SOUTH');
    // An area with no CSQ staff: the weekly test's complaints are placed here, out of the daily warnings.
    areas.quiet = await businessArea(db, 'REM-QUIET');
    people.head = await person(db, 'Rem Head', 'head_of_service');
    people.retiredHead = await person(db, 'Rem Retired Head', 'head_of_service', { active: false });
    areas.withHead = await serviceArea(db, 'REM-NEC', areas.north, people.head);
    areas.retiredHead = await serviceArea(db, 'REM-YAH', areas.north, people.retiredHead);
    areas.noHead = await serviceArea(db, 'REM-LDN', areas.south, null);
    people.manager = await person(db, 'Rem Manager', 'responding_manager');
    people.leftManager = await person(db, 'Rem Left Manager', 'responding_manager', { active: false });
    people.dailyManager = await person(db, 'Rem Daily Manager', 'responding_manager');
    people.northAdmin = await person(db, 'Rem North Admin', 'csq_administrator', { businessAreaId: areas.north });
    people.northCsq = await person(db, 'Rem North Csq', 'csq_manager', { businessAreaId: areas.north });
    people.northLeft = await person(db, 'Rem North Left', 'csq_administrator', { businessAreaId: areas.north, active: false });
    people.southAdmin = await person(db, 'Rem South Admin', 'csq_administrator', { businessAreaId: areas.south });
    people.northHead = await person(db, 'Rem North Other', 'head_of_service', { businessAreaId: areas.north });
  });

  it('selects for the weekly reminder exactly the complaints the rule lists, by manager and Head of Service, counted and the soonest due first', async () => {
    const db = database().db;
    const dueBefore = weeklyReminderDueBefore(TODAY, calendar, 5);
    const offsets = [-30, -1, 0, 4, 5, 6, 7, 8, 30];
    const serviceAreas = [areas.withHead!, areas.retiredHead!, areas.noHead!, null];
    const headOf = (serviceAreaId: string | null) => (serviceAreaId === areas.withHead ? people.head! : serviceAreaId === areas.retiredHead ? people.retiredHead! : null);
    // The rule's answer, group by group: every complaint listed, as id and due date.
    const expected = new Map<string, Array<{ id: string; dueOn: string }>>();
    let n = 0;
    for (const state of COMPLAINT_STATES) {
      for (const offset of [...offsets, null]) {
        for (const paused of [false, true]) {
          for (const responder of [people.manager!, people.leftManager!, null]) {
            n += 1;
            const currentDueOn = offset === null ? null : addDays(TODAY, offset);
            const serviceAreaId = serviceAreas[n % serviceAreas.length]!;
            const { id } = await complaint(db, { state, currentDueOn, responderId: responder, paused, serviceAreaId, businessAreaId: areas.quiet! });
            if (isInWeeklyReminder({ state, currentDueOn, responderId: responder, paused }, dueBefore)) {
              const key = `${responder} ${headOf(serviceAreaId) ?? ''}`;
              expected.set(key, [...(expected.get(key) ?? []), { id, dueOn: currentDueOn! }]);
            }
          }
        }
      }
    }
    const limit = 3;
    const ours = (await listWeeklyReminderGroups(db, { dueBefore, limit })).filter((g) => g.manager.id === people.manager || g.manager.id === people.leftManager);
    expect([...expected.values()].reduce((total, list) => total + list.length, 0)).toBeGreaterThan(50);
    expect(new Map(ours.map((g) => [`${g.manager.id} ${g.headOfService?.id ?? ''}`, g.total]))).toEqual(new Map([...expected].map(([key, list]) => [key, list.length])));
    for (const g of ours) {
      const all = expected.get(`${g.manager.id} ${g.headOfService?.id ?? ''}`)!;
      // The soonest due, the same date in the order of the ids.
      const soonest = [...all].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1)).slice(0, limit);
      expect(g.first.map((c) => c.complaintId).sort()).toEqual(soonest.map((c) => c.id).sort());
      expect(g.first.every((c) => /^REM-\d{6}$/.test(c.reference) && /^\d{4}-\d{2}-\d{2}$/.test(c.dueOn))).toBe(true);
    }
    expect(ours.find((g) => g.manager.id === people.leftManager)?.manager).toMatchObject({ fullName: 'Rem Left Manager', active: false });
    expect(ours.find((g) => g.headOfService?.id === people.retiredHead)?.headOfService).toMatchObject({ fullName: 'Rem Retired Head', active: false });
    expect(ours.some((g) => g.headOfService === null)).toBe(true);
  });

  it('can answer the weekly reminder from its partial index alone', async () => {
    const query = weeklyReminderQuery({ dueBefore: weeklyReminderDueBefore(TODAY, calendar, 5), limit: 20 });
    const plan = await database().db.transaction(async (tx) => {
      // The tables here are small, so a sequential scan would be cheaper: forbid it, and bitmap
      // scans, to ask whether the index can serve the query at all.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return (await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`)).map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Only Scan using complaints_reminder_due_idx on complaints/);
  });

  it('selects for the daily warning exactly the complaints and people the rule warns', async () => {
    const db = database().db;
    const cutoffs = dailyWarningCutoffs(TODAY, calendar);
    expect(cutoffs).toEqual({ startedOnOrBefore: '2026-01-13', dueOnOrBefore: TODAY });
    const recipients: Record<string, string[]> = {
      north: [people.northAdmin!, people.northCsq!],
      south: [people.southAdmin!],
    };
    const expected = new Set<string>();
    const made = new Set<string>();
    const days = ['2026-01-09', '2026-01-13', TODAY, '2026-01-15'];
    const placements: Array<'north' | 'south' | null> = ['north', 'south', null];
    let n = 0;
    for (const state of COMPLAINT_STATES.filter((s) => ['received', 'logged', 'acknowledged', 'response_sent'].includes(s))) {
      for (const startedOn of days) {
        for (const passToManagerDueOn of days) {
          for (const acknowledgeDueOn of days) {
            n += 1;
            const responderId = n % 2 === 0 ? people.dailyManager! : null;
            const owed = n % 7 !== 0;
            const placed = placements[n % 3]!;
            // Stage 2 on some: its own dates count, not stage 1's.
            const stage = n % 5 === 0 ? 2 : 1;
            const current = { stage: stage as 1 | 2, startedOn, passToManagerDueOn, acknowledgeDueOn };
            const stages = stage === 1 ? [current] : [{ stage: 1 as const, startedOn: '2025-12-01', passToManagerDueOn: '2025-12-01', acknowledgeDueOn: '2025-12-02' }, current];
            const { id } = await complaint(db, {
              state,
              currentDueOn: owed ? acknowledgeDueOn : null,
              responderId,
              businessAreaId: placed === null ? null : areas[placed]!,
              stage: stage as 1 | 2,
              stages,
            });
            made.add(id);
            const steps = dailyWarningSteps({ state, owed, responderId, stageStartedOn: startedOn, passToManagerDueOn, acknowledgeDueOn }, cutoffs);
            if (steps.length > 0) {
              const to = placed === null ? [...recipients.north!, ...recipients.south!] : recipients[placed]!;
              for (const r of to) expected.add(`${id} ${r}`);
            }
          }
        }
      }
    }
    // The database's answer, area by area: every complaint waiting, how many, and whom to warn.
    const areasFound = (await listDailyWarningAreas(db, { ...cutoffs, limit: 100_000 })).map((a) => ({ ...a, first: a.first.filter((c) => made.has(c.complaintId)) }));
    const areaKey = (id: string | null) => (id === null ? 'none' : Object.keys(areas).find((k) => areas[k] === id)!);
    expect(new Map(areasFound.map((a) => [areaKey(a.businessAreaId), new Set(a.recipients.map((r) => r.id))]))).toEqual(
      new Map([
        ['north', new Set([people.northAdmin, people.northCsq])],
        ['south', new Set([people.southAdmin])],
        ['none', new Set([people.northAdmin, people.northCsq, people.southAdmin])],
      ]),
    );
    for (const area of areasFound) {
      expect(area.total).toBe(area.first.length);
      expect(area.first.every((c) => dailyWarningSteps(c, cutoffs).length > 0)).toBe(true);
    }
    // Passed through the rule, they warn exactly the people of each complaint it lists.
    const warned = dailyWarnings(TODAY, areasFound, cutoffs, 100_000).flatMap((w) => [...new Set(w.items.map((i) => i.complaintId))].map((id) => `${id} ${w.recipient.id}`));
    expect(expected.size).toBeGreaterThan(50);
    expect(new Set(warned)).toEqual(expected);

    // Up to the limit in each area, the longest overdue first, with how many there are in all.
    const limit = 4;
    const earliest = (c: (typeof areasFound)[number]['first'][number]) => dailyWarningSteps(c, cutoffs).map((step) => step.dueOn).sort()[0]!;
    for (const few of await listDailyWarningAreas(db, { ...cutoffs, limit })) {
      const all = areasFound.find((a) => a.businessAreaId === few.businessAreaId)!;
      expect(few.total).toBe(all.total);
      expect(few.first).toHaveLength(limit);
      expect(few.first.map(earliest).sort()).toEqual(all.first.map(earliest).sort().slice(0, limit));
    }
  });

  it('selects for the daily warning exactly the replies to the Ombudsman the rule lists, by area, counted and the soonest due first', async () => {
    const db = database().db;
    const dueBefore = ombudsmanReplyDueBefore(TODAY, calendar, 5);
    const recipients: Record<string, string[]> = { north: [people.northAdmin!, people.northCsq!], south: [people.southAdmin!] };
    const expected = new Set<string>();
    const made = new Set<string>();
    const offsets = [-30, -1, 0, 4, 5, 6, 7, 8, 30];
    let n = 0;
    for (const placed of ['north', 'south', 'quiet', null] as const) {
      for (const finding of [null, 'not_upheld'] as const) {
        n += 1;
        const { id } = await complaint(db, { state: finding ? 'closed' : 'with_ombudsman', currentDueOn: null, responderId: null, businessAreaId: placed === null ? null : areas[placed]! });
        const { id: referralId } = await one<{ id: string }>(
          db,
          sql`insert into ombudsman_referrals (complaint_id, ombudsman, referred_on, their_reference, finding, finding_on)
              values (${id}, ${n % 2 === 0 ? 'phso' : 'psow'}, '2025-12-01', ${`OMB-${n}`}, ${finding}, ${finding ? '2026-01-10' : null}::date)
              returning id`,
        );
        // Several enquiries on one referral, some answered: each unanswered one counts down on its own.
        for (const offset of offsets) {
          for (const replied of [false, true]) {
            const replyDueOn = addDays(TODAY, offset);
            const repliedOn = replied ? '2026-01-02' : null;
            const { id: enquiryId } = await one<{ id: string }>(
              db,
              sql`insert into ombudsman_enquiries (referral_id, complaint_id, received_on, due_on, replied_on)
                  values (${referralId}, ${id}, '2025-12-01', ${replyDueOn}::date, ${repliedOn}::date) returning id`,
            );
            made.add(enquiryId);
            if (isOmbudsmanReplyInDailyWarning({ finding, replyDueOn, repliedOn }, dueBefore)) {
              const to = placed === null ? [...recipients.north!, ...recipients.south!] : (recipients[placed] ?? []);
              for (const r of to) expected.add(`${enquiryId} ${r}`);
            }
          }
        }
      }
    }
    const found = (await listOmbudsmanRepliesDue(db, { dueBefore, limit: 100_000 })).map((a) => ({ ...a, first: a.first.filter((r) => made.has(r.enquiryId)) }));
    for (const area of found) {
      expect(area.total).toBe(area.first.length);
      expect(area.first.every((r) => isOmbudsmanReplyInDailyWarning(r, dueBefore))).toBe(true);
    }
    const warned = dailyWarnings(TODAY, [], dailyWarningCutoffs(TODAY, calendar), 100_000, { dueBefore, areas: found }).flatMap((w) => w.replies.map((r) => `${r.enquiryId} ${w.recipient.id}`));
    expect(expected.size).toBeGreaterThan(20);
    expect(new Set(warned)).toEqual(expected);

    // Up to the limit in each area, the soonest due first, with how many there are in all.
    const limit = 2;
    for (const few of await listOmbudsmanRepliesDue(db, { dueBefore, limit })) {
      const all = found.find((a) => a.businessAreaId === few.businessAreaId)!;
      expect(few.total).toBe(all.total);
      expect(few.first.map((r) => r.replyDueOn)).toEqual(all.first.map((r) => r.replyDueOn).sort().slice(0, limit));
    }
  });
});
