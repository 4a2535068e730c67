import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Executor, queryRows } from '../client';
import { describeEachDatabase } from '../testing/test-database';

/*
 * Stages and points carry copies of their complaint's kind, channel and areas (and a point the day
 * its stage started) for the quarterly report. The database keeps them: whatever writes the
 * complaint, the stage or the point, and in whichever order, the copies equal their sources.
 */

async function one<T extends Record<string, unknown>>(db: Executor, query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0]!;
}

async function place(db: Executor, name: string) {
  const code = `${name}-${randomUUID().slice(0, 6)}`;
  const business = (await one<{ id: string }>(db, sql`insert into business_areas (code, name_en, name_cy) values (${code}, ${name}, ${name}) returning id`)).id;
  const service = (
    await one<{ id: string }>(
      db,
      sql`insert into service_areas (code, name_en, name_cy, business_area_id) values (${code}, ${name}, ${name}, ${business}) returning id`,
    )
  ).id;
  const team = (await one<{ id: string }>(db, sql`insert into teams (service_area_id, code, name_en, name_cy) values (${service}, ${code}, ${name}, ${name}) returning id`)).id;
  return { business, service, team };
}

const stageCopies = (db: Executor, complaintId: string) =>
  queryRows<{ stage: number; kind: string; channel: string; business: string; service: string; team: string }>(
    db,
    sql`select stage::int as stage, kind, channel, business_area_id as business, service_area_id as service, team_id as team
        from complaint_stages where complaint_id = ${complaintId} order by stage`,
  );

const pointCopies = (db: Executor, complaintId: string) =>
  queryRows<{ position: number; raisedOn: string | null; kind: string; business: string; service: string }>(
    db,
    sql`select position, raised_on::text as "raisedOn", kind, business_area_id as business, service_area_id as service
        from complaint_points where complaint_id = ${complaintId} order by position`,
  );

function addStage(db: Executor, complaintId: string, stage: number, startedOn: string) {
  return db.execute(sql`insert into complaint_stages (complaint_id, stage, started_on, acknowledge_due_on, pass_to_manager_due_on, response_due_on, original_response_due_on)
    values (${complaintId}, ${stage}, ${startedOn}, ${startedOn}, ${startedOn}, ${startedOn}, ${startedOn})`);
}

function addPoint(db: Executor, complaintId: string, position: number, raisedAtStage: number) {
  return db.execute(sql`insert into complaint_points (complaint_id, position, text, raised_at_stage) values (${complaintId}, ${position}, 'A point', ${raisedAtStage})`);
}

describeEachDatabase('the report copies on stages and points', (database) => {
  it('are filled when a stage or point is written, follow the complaint, and cannot be set apart from it', async () => {
    const db = database().db;
    const north = await place(db, 'Copies North');
    const south = await place(db, 'Copies South');
    const { id } = await one<{ id: string }>(
      db,
      sql`insert into complaints (reference, kind, channel, received_at, received_on, state, business_area_id, service_area_id, team_id)
          values (${`CMP-${randomUUID().slice(0, 4)}-${randomUUID().slice(0, 4)}`}, 'complaint', 'online', '2026-03-02T10:00:00Z', '2026-03-02', 'received',
                  ${north.business}, ${north.service}, ${north.team})
          returning id`,
    );

    await addStage(db, id, 1, '2026-03-02');
    await addPoint(db, id, 1, 1);
    // A point raised at a stage not yet started has no day until the stage starts.
    await addPoint(db, id, 2, 2);
    expect(await stageCopies(db, id)).toEqual([
      { stage: 1, kind: 'complaint', channel: 'online', business: north.business, service: north.service, team: north.team },
    ]);
    expect(await pointCopies(db, id)).toEqual([
      { position: 1, raisedOn: '2026-03-02', kind: 'complaint', business: north.business, service: north.service },
      { position: 2, raisedOn: null, kind: 'complaint', business: north.business, service: north.service },
    ]);

    // An answer at stage 1 before its response went.
    await db.execute(sql`update complaint_points set category_key = (select key from point_categories order by position limit 1) where complaint_id = ${id} and position = 1`);
    await db.execute(sql`insert into point_answers (point_id, stage, decision, reasons)
      select id, 1, 'upheld', 'Because.' from complaint_points where complaint_id = ${id} and position = 1`);
    const answer = () =>
      one<{ sent: string | null; category: string | null; service: string; business: string }>(
        db,
        sql`select a.response_sent_at::text as sent, a.category_key as category, a.service_area_id as service, a.business_area_id as business
            from point_answers a join complaint_points p on p.id = a.point_id where p.complaint_id = ${id}`,
      );
    const firstCategory = (await one<{ key: string }>(db, sql`select key from point_categories order by position limit 1`)).key;
    const lastCategory = (await one<{ key: string }>(db, sql`select key from point_categories order by position desc limit 1`)).key;
    expect(await answer()).toEqual({ sent: null, category: firstCategory, service: north.service, business: north.business });
    await db.execute(sql`update complaint_stages set response_sent_at = '2026-03-20T15:00:00Z' where complaint_id = ${id} and stage = 1`);
    expect((await answer()).sent).toMatch(/^2026-03-20 15:00:00/);
    await db.execute(sql`update complaint_points set category_key = ${lastCategory} where complaint_id = ${id} and position = 1`);
    expect((await answer()).category).toBe(lastCategory);

    await addStage(db, id, 2, '2026-05-04');
    expect((await pointCopies(db, id)).map((p) => p.raisedOn)).toEqual(['2026-03-02', '2026-05-04']);

    // A management review, a referral to the Ombudsman and a survey carry the complaint's areas.
    const reviewer = (
      await one<{ id: string }>(db, sql`insert into staff (email, full_name, role_key) values (${`reviewer.${randomUUID().slice(0, 6)}@copies.example.org`}, 'Reviewer', 'responding_manager') returning id`)
    ).id;
    await db.execute(sql`insert into management_reviews (complaint_id, reviewer_id) values (${id}, ${reviewer})`);
    await db.execute(sql`insert into ombudsman_referrals (complaint_id, ombudsman, referred_on) values (${id}, 'phso', '2026-06-01')`);
    await db.execute(sql`insert into survey_responses (complaint_id, invited_at) values (${id}, '2026-06-01T10:00:00Z')`);
    const areasOfTheRest = () =>
      queryRows<{ business: string; service: string }>(
        db,
        sql`select business_area_id as business, service_area_id as service from management_reviews where complaint_id = ${id}
            union all select business_area_id, service_area_id from ombudsman_referrals where complaint_id = ${id}
            union all select business_area_id, service_area_id from survey_responses where complaint_id = ${id}`,
      );
    expect(await areasOfTheRest()).toEqual(Array(3).fill({ business: north.business, service: north.service }));

    // The complaint moves to another area and team, and is found to be correspondence by post.
    await db.execute(sql`update complaints set kind = 'correspondence', channel = 'post', business_area_id = ${south.business},
      service_area_id = ${south.service}, team_id = ${south.team} where id = ${id}`);
    const moved = { kind: 'correspondence', channel: 'post', business: south.business, service: south.service, team: south.team };
    expect(await stageCopies(db, id)).toEqual([{ stage: 1, ...moved }, { stage: 2, ...moved }]);
    expect(await pointCopies(db, id)).toEqual([
      { position: 1, raisedOn: '2026-03-02', kind: 'correspondence', business: south.business, service: south.service },
      { position: 2, raisedOn: '2026-05-04', kind: 'correspondence', business: south.business, service: south.service },
    ]);

    expect(await answer()).toMatchObject({ category: lastCategory, service: south.service, business: south.business });

    expect(await areasOfTheRest()).toEqual(Array(3).fill({ business: south.business, service: south.service }));

    // A stage's start moved: its points take the new day.
    await db.execute(sql`update complaint_stages set started_on = '2026-05-05' where complaint_id = ${id} and stage = 2`);
    expect((await pointCopies(db, id)).map((p) => p.raisedOn)).toEqual(['2026-03-02', '2026-05-05']);

    // A copy written directly is put back to its source.
    await db.execute(sql`update point_answers set response_sent_at = null, service_area_id = ${north.service}`);
    expect(await answer()).toMatchObject({ category: lastCategory, service: south.service });
    expect((await answer()).sent).toMatch(/^2026-03-20 15:00:00/);
    await db.execute(sql`update complaint_stages set service_area_id = ${north.service}, team_id = null where complaint_id = ${id}`);
    await db.execute(sql`update complaint_points set raised_on = '2020-01-01', service_area_id = ${north.service} where complaint_id = ${id}`);
    expect(await stageCopies(db, id)).toEqual([{ stage: 1, ...moved }, { stage: 2, ...moved }]);
    expect((await pointCopies(db, id)).map((p) => [p.raisedOn, p.service])).toEqual([
      ['2026-03-02', south.service],
      ['2026-05-05', south.service],
    ]);

    // Unrelated changes to the complaint leave its stages alone.
    const before = await one<{ xmin: string }>(db, sql`select xmin::text from complaint_stages where complaint_id = ${id} and stage = 1`);
    await db.execute(sql`update complaints set state = 'acknowledged' where id = ${id}`);
    const after = await one<{ xmin: string }>(db, sql`select xmin::text from complaint_stages where complaint_id = ${id} and stage = 1`);
    expect(after.xmin).toBe(before.xmin);
  });
});
