import { complaintChain, type DatabaseHandle, eventHash, queryRows, sealChainHead } from '@complaints/db';
import type { IsoDate } from '@complaints/domain';
import { sql } from 'drizzle-orm';

/** The tables the load fills, whose own indexes and foreign keys are made again after it. */
const LOADED_TABLES = [
  'complaints',
  'complaint_stages',
  'complaint_points',
  'point_answers',
  'management_reviews',
  'learning_points',
  'ombudsman_referrals',
  'survey_responses',
  'complaint_events',
  'history_chains',
] as const;

/** Responding managers added to each team, beside whoever it has. */
const MANAGERS_PER_TEAM = 5;
/** Practitioners added to each team, for the points and the reviews to be about. */
const PRACTITIONERS_PER_TEAM = 8;
/** Events signed and written per statement. */
const EVENT_BATCH = 20_000;

export type ReportCaseloadOptions = {
  /** How many complaints, compliments and other feedback to add. */
  count: number;
  /** The last day anything was received; the load covers the three years before it. */
  until: IsoDate;
  log: (message: string) => void;
};

/**
 * A caseload for the quarterly report: `count` pieces of feedback (about 85% complaints, the rest
 * compliments, feedback and correspondence) received over the three years up to `until`, in every
 * team of every area, from every channel. Each has its first stage, and about one in twelve a
 * second, with the dates acknowledged, passed to a manager and answered, some extended, some
 * paused; complaints have one to three points, categorised and about a practitioner of their
 * team, and each point of an answered stage its decision. Of what is closed: about one in ten has
 * a management review with grades, one in fifty a referral to the Ombudsman (half of them with a
 * finding), one in three was sent the survey and about half of those answered it; about one in
 * twenty-five complaints raised learning for its team. The last six weeks' complaints are mostly
 * still open.
 *
 * The complaints' history holds what the report reads of it: each closure and withdrawal, as the
 * complaint's one event, signed with the process's history key and its chain head kept, so the
 * history check passes over the loaded data. The rest of a complaint's history (logging,
 * assigning, the response) is not written: the report reads those from the complaint and its
 * stages.
 *
 * Each table is filled by one INSERT … SELECT over generate_series, in the database, from a plan
 * of the complaints made first (an unlogged table dropped at the end). Rows go in in the order of
 * the days they happened on (complaints as received, stages as started, answers as sent), as a
 * service writes them over the years, so a quarter's rows lie together on disk as they would in a
 * real database rather than scattered over every page. The loaded tables' own
 * indexes and foreign keys are dropped first and made again after, from their definitions as the
 * migrations left them (one sorted build per index, one checking pass per key), as the reminders
 * suite does; then the tables are vacuumed and analysed, as autovacuum would after a load.
 */
export async function addReportCaseload(handle: DatabaseHandle, options: ReportCaseloadOptions): Promise<void> {
  const { count, until, log } = options;
  const db = handle.db;
  const phase = async (label: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const tables = sql.raw(LOADED_TABLES.map((t) => `'${t}'`).join(', '));

  const [{ teams } = { teams: 0 }] = await queryRows<{ teams: number }>(db, sql`select count(*)::int as teams from teams`);
  if (teams === 0) throw new Error('The database has no teams: load the organisation (the demo seed) first.');

  await phase('managers and practitioners added', async () => {
    await db.execute(sql`
      insert into staff (email, full_name, job_title, role_key, business_area_id, service_area_id, team_id, active)
      select 'load.manager.' || lower(t.code) || '.' || n || '@load.example.org', 'Manager ' || n || ' ' || t.name_en, 'Service manager',
             'responding_manager', sa.business_area_id, sa.id, t.id, true
      from teams t join service_areas sa on sa.id = t.service_area_id
      cross join generate_series(1, ${MANAGERS_PER_TEAM}) as n
      on conflict do nothing`);
    await db.execute(sql`
      insert into practitioners (full_name, team_id)
      select 'Practitioner ' || n || ' ' || t.name_en, t.id
      from teams t cross join generate_series(1, ${PRACTITIONERS_PER_TEAM}) as n`);
  });

  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename in (${tables})
          and indexname not in (select conname from pg_constraint where conrelid::regclass::text in (${tables}))
          -- Kept: the database's triggers find a point's stage by it as each point is written.
          and indexname <> 'complaint_stages_unique'`,
  );
  const foreignKeys = await queryRows<{ table: string; name: string; definition: string }>(
    db,
    sql`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
        from pg_constraint where conrelid::regclass::text in (${tables}) and contype = 'f'`,
  );
  await db.execute(
    sql.raw(
      [
        ...foreignKeys.map((k) => `alter table ${k.table} drop constraint "${k.name}";`),
        ...indexes.map((i) => `drop index "${i.name}";`),
      ].join('\n'),
    ),
  );

  try {
    await phase('plan made', () => makePlan(handle, count, until));
    await phase('complaints inserted', async () => {
      await db.execute(sql`
        insert into complaints (id, reference, kind, channel, audience, language, received_at, received_on, stage, state,
                                business_area_id, service_area_id, team_id, practitioner_id, responder_id, current_due_on,
                                logged_at, assigned_at, acknowledged_at, response_sent_at, paused_since, closed_at, withdrawn_at, created_at)
        select id, 'LOAD-' || lpad(g::text, 8, '0'), kind, channel, case when h4 % 6 = 0 then 'child' else 'adult' end,
               language, received_on + time '10:00', received_on, stages, state,
               business_area_id, service_area_id, team_id, practitioner_id,
               case when state in ('received', 'logged') then null else manager_id end,
               case when state in ('received', 'logged') then received_on + 1
                    when closed_at is null and withdrawn_at is null and last_sent_at is null then last_due_on end,
               received_on + time '11:00',
               case when state in ('received', 'logged') then null else assigned_at end,
               case when state in ('received', 'logged') then null else acknowledged_at end,
               last_sent_at,
               case when paused and closed_at is null and withdrawn_at is null and last_sent_at is null
                         and state not in ('received', 'logged') then received_on + 3 + time '09:00' end,
               closed_at, withdrawn_at, received_on + time '10:00'
        from load_plan
        order by received_on`);
      // So that the triggers copying each complaint's kind and areas to its stages and points
      // look it up by its key, not by reading a table the planner believes empty.
      await db.execute(sql`analyze complaints`);
    });
    await phase('stages inserted', async () => {
      await db.execute(sql`
        insert into complaint_stages (complaint_id, stage, started_on, acknowledge_due_on, pass_to_manager_due_on, response_due_on,
                                      original_response_due_on, extended_at, extension_reason, paused_working_days, responder_id,
                                      assigned_at, acknowledged_at, response_sent_at, created_at)
        select id, 1, received_on, received_on + 1, received_on + 1,
               received_on + case when extended and stages = 1 then 48 else 28 end, received_on + 28,
               case when extended and stages = 1 then received_on + 20 + time '15:00' end,
               case when extended and stages = 1 then 'Waiting for the practitioner to return from leave.' end,
               case when paused and stages = 1 then 1 + (h3 % 6)::int else 0 end,
               case when state in ('received', 'logged') and stages = 1 then null else manager_id end,
               case when state in ('received', 'logged') and stages = 1 then null else assigned_at end,
               case when state in ('received', 'logged') and stages = 1 then null else acknowledged_at end,
               stage1_sent_at, received_on + time '10:00'
        from load_plan
        union all
        select id, 2, stage2_on, stage2_on + 1, stage2_on + 1,
               stage2_on + case when extended then 40 else 20 end, stage2_on + 20,
               case when extended then stage2_on + 15 + time '15:00' end,
               case when extended then 'A further meeting with the complainant was arranged.' end,
               case when paused then 1 + (h3 % 6)::int else 0 end,
               manager_id, stage2_on + (h2 % 2)::int + time '11:30', stage2_on + (h3 % 2)::int + time '12:30',
               last_sent_at, stage2_on + time '09:00'
        from load_plan where stages = 2
        order by 3, 2`);
      await db.execute(sql`analyze complaint_stages`);
    });
    await phase('points and answers inserted', async () => {
      await db.execute(sql`
        insert into complaint_points (id, complaint_id, position, text, raised_at_stage, category_key, triage, practitioner_id, created_at)
        select md5(p.id::text || n)::uuid, p.id, n, 'What the complainant raised, in their words.', 1,
               (select array_agg(key order by position) from point_categories)[1 + ((p.h1 / 7 + n * 13) % (select count(*) from point_categories))::int],
               case when state in ('received', 'logged') then null else 'investigate' end,
               case when (p.h2 + n) % 4 <> 0 then p.practitioner_id end,
               p.received_on + time '10:00'
        from load_plan p cross join lateral generate_series(1, 1 + (p.h4 % 3)::int) as n
        where p.kind = 'complaint'
        order by p.received_on`);
      await db.execute(sql`analyze complaint_points`);
      await db.execute(sql`
        insert into point_answers (point_id, stage, decision, reasons, answered_at)
        select md5(p.id::text || n)::uuid, s.stage,
               (array['upheld', 'partly_upheld', 'not_upheld', 'not_upheld', 'not_upheld', 'court_matter'])[1 + ((p.h3 / 5 + n * 7 + s.stage) % 6)::int],
               'Why the point was decided as it was.', s.sent_at
        from load_plan p
        cross join lateral generate_series(1, 1 + (p.h4 % 3)::int) as n
        cross join lateral (values (1, p.stage1_sent_at), (2, case when p.stages = 2 then p.last_sent_at end)) as s(stage, sent_at)
        where p.kind = 'complaint' and s.sent_at is not null
        order by s.sent_at`);
    });
    await phase('reviews, referrals, surveys and learning inserted', async () => {
      await db.execute(sql`
        insert into management_reviews (complaint_id, reviewer_id, practitioner_id, team_id, grades, overall_grade, completed_at, created_at)
        select id, manager_id, practitioner_id, team_id,
               jsonb_build_object('analysis', g1, 'recording', g2, 'outcome', g1),
               g1, closed_at + interval '12 days', closed_at + interval '2 days'
        from (select p.*, (array['good', 'good', 'requires_improvement', 'outstanding', 'inadequate'])[1 + ((h1 / 11) % 5)::int] as g1,
                          (array['good', 'requires_improvement', 'outstanding'])[1 + ((h2 / 11) % 3)::int] as g2
              from load_plan p) p
        where kind = 'complaint' and closed_at is not null and (h3 / 3) % 10 = 0`);
      await db.execute(sql`
        insert into ombudsman_referrals (complaint_id, ombudsman, referred_on, their_reference, finding, finding_on, created_at)
        select id, case when language = 'cy' then 'psow' else 'phso' end, (closed_at + interval '30 days')::date, 'OMB-' || g,
               case when (h4 / 7) % 2 = 0 then (array['not_upheld', 'not_upheld', 'upheld', 'partly_upheld', 'settled', 'discontinued'])[1 + ((h1 / 13) % 6)::int] end,
               case when (h4 / 7) % 2 = 0 then (closed_at + interval '120 days')::date end,
               closed_at + interval '30 days'
        from load_plan
        where kind = 'complaint' and closed_at is not null and (h2 / 5) % 50 = 0`);
      await db.execute(sql`
        insert into survey_responses (complaint_id, invited_at, answered_at, answers)
        select id, closed_at + interval '1 day',
               case when (h3 / 17) % 2 = 0 then closed_at + interval '1 day' + ((h4 % 20) || ' days')::interval end,
               case when (h3 / 17) % 2 = 0 then jsonb_build_object(
                 'easy_to_complain', 1 + (h1 / 3) % 5, 'kept_informed', 1 + (h2 / 3) % 5, 'listened_to', 1 + (h3 / 3) % 5,
                 'clear_answer', 1 + (h4 / 3) % 5, 'on_time', 1 + (h1 / 19) % 5) end
        from load_plan
        where kind = 'complaint' and closed_at is not null and (h4 / 5) % 3 = 0`);
      await db.execute(sql`
        insert into learning_points (complaint_id, source_kind, source_id, level, team_id, service_area_id, business_area_id, learnt, action,
                                     owner_id, due_on, status, evidence, not_taken_forward_reason, raised_by, raised_at, updated_at)
        select id, 'complaint', id, 'team', team_id, service_area_id, business_area_id,
               'What the team learnt from the complaint.', 'What the team will do about it.',
               manager_id, (last_sent_at + interval '60 days')::date, status,
               case when status = 'done' then 'The team meeting''s minutes.' end,
               case when status = 'not_taken_forward' then 'Already covered by the area''s plan.' end,
               manager_id, last_sent_at + interval '1 day', last_sent_at + interval '1 day'
        from (select p.*, (array['open', 'in_progress', 'done', 'done', 'not_taken_forward'])[1 + ((h2 / 23) % 5)::int] as status from load_plan p) p
        where kind = 'complaint' and last_sent_at is not null and team_id is not null and (h1 / 29) % 25 = 0`);
    });
    await phase('closures and withdrawals signed into the history', () => writeClosingEvents(handle));
  } finally {
    await db.execute(sql`drop table if exists load_plan`);
  }

  await phase(`${indexes.length} indexes built`, () => db.execute(sql.raw(indexes.map((i) => `${i.definition};`).join('\n'))));
  await phase(`${foreignKeys.length} foreign keys checked`, () =>
    db.execute(sql.raw(foreignKeys.map((k) => `alter table ${k.table} add constraint "${k.name}" ${k.definition};`).join('\n'))),
  );
  await phase('vacuumed and analysed', () => db.execute(sql.raw(`vacuum analyze ${LOADED_TABLES.join(', ')}, staff, practitioners`)));
}

/**
 * The plan: one row per complaint with its id, area, team, people, state and dates, made once so
 * each table after is one INSERT … SELECT from it. What a complaint is, where and when follow
 * hashes of its number, so none moves in step with another.
 */
async function makePlan(handle: DatabaseHandle, count: number, until: IsoDate): Promise<void> {
  const db = handle.db;
  await db.execute(sql`drop table if exists load_plan`);
  await db.execute(sql`
    create unlogged table load_plan as
    with teams_list as (
      select t.id as team_id, t.service_area_id, s.business_area_id, row_number() over (order by t.code) - 1 as n,
             (select array_agg(m.id order by m.email) from staff m where m.team_id = t.id and m.role_key = 'responding_manager' and m.active) as managers,
             (select array_agg(p.id order by p.id) from practitioners p where p.team_id = t.id) as practitioners
      from teams t join service_areas s on s.id = t.service_area_id
    ), numbered as (
      select g, abs(hashint4(g)::bigint) as h1, abs(hashint4(g + 1000000000)::bigint) as h2,
             abs(hashint4(-g)::bigint) as h3, abs(hashint4(-g - 1000000000)::bigint) as h4
      from generate_series(1, ${count}) as g
    ), dated as (
      select n.*, ${until}::date - (h2 % 1096)::int as received_on,
             (array['complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint',
                    'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint', 'complaint',
                    'complaint', 'compliment', 'feedback', 'correspondence'])[1 + (h1 % 20)::int] as kind,
             (array['online', 'online', 'online', 'letter', 'email', 'email', 'phone', 'in_person'])[1 + ((h1 / 20) % 8)::int] as channel,
             h3 % 12 = 0 as second_stage, h4 % 15 = 1 as extended, h4 % 20 = 2 as paused, h1 % 40 = 7 as withdrawn
      from numbered n
    ), timed as (
      select d.*, ${until}::date - received_on as age,
             -- Stage one answered 8 to 45 days after it started; a second stage asked for 10 days after
             -- that, answered 10 to 40 days after it started; closed 3 days after the last response.
             received_on + 8 + (h3 % 38)::int as stage1_sent_on,
             received_on + 18 + (h3 % 38)::int as stage2_on,
             received_on + 28 + (h3 % 38)::int + (h4 % 31)::int as stage2_sent_on
      from dated d
    )
    select gen_random_uuid() as id, t.g, t.h1, t.h2, t.h3, t.h4, t.kind, t.channel, t.received_on, t.extended, t.paused,
           tl.team_id, tl.service_area_id, tl.business_area_id,
           tl.managers[1 + (t.h3 % cardinality(tl.managers))::int] as manager_id,
           case when t.kind = 'complaint' then tl.practitioners[1 + (t.h4 % cardinality(tl.practitioners))::int] end as practitioner_id,
           case when t.kind <> 'complaint' then 'en' when t.h4 % 11 = 0 then 'cy' else 'en' end as language,
           s.stages, s.state, s.stage1_sent_at, s.stage2_on, s.last_sent_at, s.last_due_on, s.closed_at, s.withdrawn_at,
           t.received_on + (t.h2 % 3)::int + time '11:00' as assigned_at,
           t.received_on + (t.h1 % 2)::int + time '12:00' as acknowledged_at
    from timed t
    join teams_list tl on tl.n = t.g % (select count(*) from teams)
    cross join lateral (
      select stages, state,
             case when stage1_done then t.stage1_sent_on + time '15:00' end as stage1_sent_at,
             case when stages = 2 then t.stage2_on end as stage2_on,
             case when stages = 2 then case when stage2_done then t.stage2_sent_on + time '15:00' end
                  when stage1_done then t.stage1_sent_on + time '15:00' end as last_sent_at,
             case when stages = 2 then t.stage2_on + 20 else t.received_on + 28 end as last_due_on,
             case when state in ('closed', 'with_ombudsman') then (case when stages = 2 then t.stage2_sent_on else t.stage1_sent_on end) + 3 + time '16:00' end as closed_at,
             case when state = 'withdrawn' then t.received_on + 5 + time '10:30' end as withdrawn_at
      from (
        select stage1_done, stage2_done, stages,
               case when t.withdrawn and t.age > 5 then 'withdrawn'
                    when not stage1_done then (array['received', 'logged', 'acknowledged', 'investigating', 'investigating', 'investigating',
                                                     'response_drafted', 'in_quality_assurance', 'response_approved', 'investigating'])[1 + (t.h1 % 10)::int]
                    when stages = 2 and not stage2_done then (array['investigating', 'investigating', 'response_drafted', 'in_quality_assurance'])[1 + (t.h1 % 4)::int]
                    when t.kind <> 'complaint' then 'closed'
                    when (case when stages = 2 then t.stage2_sent_on else t.stage1_sent_on end) + 3 > ${until}::date then 'response_sent'
                    when t.h2 % 50 = 0 then 'with_ombudsman'
                    else 'closed' end as state
        from (select t.stage1_sent_on <= ${until}::date and not (t.withdrawn and t.age > 5) as stage1_done,
                     t.second_stage and t.kind = 'complaint' and t.stage2_on <= ${until}::date and t.stage1_sent_on <= ${until}::date
                       and not (t.withdrawn and t.age > 5) as second,
                     t.stage2_sent_on <= ${until}::date as stage2_done_by_date) f
        cross join lateral (select case when f.second then 2 else 1 end as stages, f.second and f.stage2_done_by_date as stage2_done) x
      ) y
    ) s`);
}

type ClosingRow = { complaint_id: string; type: string; stage: number; occurred_at: Date };

/**
 * Each closed or withdrawn complaint's closing event, its first in the history, signed as the
 * services sign (`eventHash`), with its chain's head: read from the plan in batches, signed here,
 * and written by one INSERT … SELECT over arrays per batch.
 */
async function writeClosingEvents(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<ClosingRow>(
      db,
      sql`select id as complaint_id,
                 case when withdrawn_at is not null then 'complaint.withdrawn' else 'complaint.closed' end as type,
                 stages as stage, coalesce(withdrawn_at, closed_at) as occurred_at
          from load_plan
          where (closed_at is not null or withdrawn_at is not null) and id > ${after}::uuid
          order by id limit ${EVENT_BATCH}`,
    );
    if (rows.length === 0) return;
    after = rows.at(-1)!.complaint_id;
    const ids: string[] = [];
    const types: string[] = [];
    const stages: number[] = [];
    const times: string[] = [];
    const hashes: string[] = [];
    const seals: string[] = [];
    const chains: string[] = [];
    for (const row of rows) {
      const occurredAt = new Date(row.occurred_at);
      const hash = eventHash({
        complaintId: row.complaint_id,
        sequence: 1,
        type: row.type,
        stage: Number(row.stage),
        actorType: 'system',
        actorStaffId: null,
        occurredAt,
        visibility: 'public',
        reason: null,
        payload: {},
        previousHash: null,
      });
      ids.push(row.complaint_id);
      types.push(row.type);
      stages.push(Number(row.stage));
      times.push(occurredAt.toISOString());
      hashes.push(hash);
      chains.push(complaintChain(row.complaint_id));
      seals.push(sealChainHead(complaintChain(row.complaint_id), 1, hash));
    }
    const list = (values: readonly (string | number)[]) => values.join(',');
    await db.execute(sql`
      insert into complaint_events (complaint_id, sequence, type, stage, actor_type, occurred_at, visibility, payload, previous_hash, hash, hash_kind)
      select id, 1, type, stage, 'system', at, 'public', '{}'::jsonb, null, hash, 'hmac-sha256'
      from unnest(string_to_array(${list(ids)}, ',')::uuid[], string_to_array(${list(types)}, ','),
                  string_to_array(${list(stages)}, ',')::smallint[], string_to_array(${list(times)}, ',')::timestamptz[],
                  string_to_array(${list(hashes)}, ',')) as t(id, type, stage, at, hash)`);
    await db.execute(sql`
      insert into history_chains (chain, length, head_hash, seal)
      select chain, 1, hash, seal
      from unnest(string_to_array(${list(chains)}, ','), string_to_array(${list(hashes)}, ','), string_to_array(${list(seals)}, ',')) as t(chain, hash, seal)`);
  }
}
