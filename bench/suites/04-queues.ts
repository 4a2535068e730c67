import { testSecondFactorSealer } from '@complaints/services/testing/second-factor-sealer';
import { randomBytes } from 'node:crypto';
import { hashPassword, totpCodeAt } from '@complaints/auth';
import { DEMO_PASSWORD, type Database, demoTotpKey, migrateDatabase, openInMemory, openPostgres, queryRows, seedDemoDataIfEmpty } from '@complaints/db';
import { DEFAULT_QUEUE_QUERY, type QueueKey, type QueueQuery, systemClock } from '@complaints/domain';
import { type CaseworkRequest, createCaseworkServices, createSearchServices } from '@complaints/services';
import { postPassword, postSecondFactor } from '@complaints/http/testing/sign-in-over-http';
import { sql } from 'drizzle-orm';
import { type BenchContext, type BenchRow, type BenchSuite, atScale } from '../harness';

const COMPLAINTS = atScale(100_000, 2_000);
const PORTS = { portal: 3604, backoffice: 3605 };
const TARGET_MS = 100;
/** Runs of each use case timed in-process. */
const TIMED_RUNS = atScale(200, 5);
const CONNECTIONS = atScale(10, 2);
const DURATION = atScale(10, 1);
/**
 * The server time of a queue page before the page's ids and rows were read in one statement and an
 * audit entry's writes pipelined: 13 to 20 ms (4 December 2026), measured as below.
 */
const SERVER_TIME_BEFORE_MS = 13;

/**
 * The work queues with 100,000 complaints on PostgreSQL: each queue's page as the use case makes
 * it (count with the warnings, one page of rows, the audit entry), timed directly, then the pages
 * over HTTP as signed-in staff under load. Target: under 100 ms at the 95th percentile. autocannon
 * reports the 97.5th percentile, not the 95th; it is the stricter of the two.
 *
 * Finding a complaint (by reference, and by part of a name) is timed the same way over the same
 * 100,000 complaints, on PostgreSQL and again on the embedded database (PGlite), which `npm start`
 * runs on.
 */
export const suite: BenchSuite = {
  name: 'queues',
  async run(ctx) {
    const database = await ctx.createDatabase();
    const rows: BenchRow[] = [];
    const handle = await openPostgres(database.url);
    try {
      await migrateDatabase(handle);
      // The demo organisation and staff (and their ~60 complaints), with real password hashes so
      // staff can sign in over HTTP below.
      await seedDemoDataIfEmpty(handle.db, { clock: systemClock, passwordHash: await hashPassword(DEMO_PASSWORD) });
      const started = Date.now();
      await addComplaints(handle.db, COMPLAINTS);
      ctx.log(`${COMPLAINTS} complaints added in ${Math.round((Date.now() - started) / 1000)} s`);

      const actor = await actorsOf(handle.db);
      const casework = createCaseworkServices({ db: handle.db, clock: systemClock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer });
      const cases: Array<{ label: string; email: string; queue: QueueKey; query: QueueQuery; path: string }> = [
        { label: 'new (CSQ administrator)', email: 'aisha.khan@example.org', queue: 'new', query: DEFAULT_QUEUE_QUERY, path: '/queues/new' },
        { label: 'mine (responding manager)', email: 'david.brown@example.org', queue: 'mine', query: DEFAULT_QUEUE_QUERY, path: '/queues/mine' },
        { label: 'caseload (CSQ manager)', email: 'rachel.green@example.org', queue: 'caseload', query: DEFAULT_QUEUE_QUERY, path: '/queues/caseload' },
        { label: 'all (national office)', email: 'margaret.lewis@example.org', queue: 'all', query: DEFAULT_QUEUE_QUERY, path: '/queues/all' },
        {
          label: 'all, red only, by reference, page 40',
          email: 'margaret.lewis@example.org',
          queue: 'all',
          query: { ...DEFAULT_QUEUE_QUERY, rag: 'red', sort: 'reference', page: 40 },
          path: '/queues/all?rag=red&sort=reference&page=40',
        },
        {
          label: 'all states, by status, descending',
          email: 'margaret.lewis@example.org',
          queue: 'all',
          query: { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'state', direction: 'desc' },
          path: '/queues/all?state=any&sort=state&direction=desc',
        },
      ];
      for (const c of cases) {
        const page = await casework.listQueue(actor(c.email), c.queue, c.query);
        const timing = await ctx.time(() => casework.listQueue(actor(c.email), c.queue, c.query), TIMED_RUNS, 10);
        ctx.log(`${c.label}: ${page.counts.total} rows in the queue, median ${timing.median.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms`);
        rows.push({
          suite: 'queues',
          measure: `${c.label}, ${page.counts.total} in the queue: the use case, p95`,
          value: timing.p95,
          unit: 'ms',
          target: `< ${TARGET_MS} ms (p95)`,
          pass: timing.p95 < TARGET_MS,
        });
      }
      rows.push(...(await timeSearches(ctx, handle.db, 'PostgreSQL')));
      await handle.close();

      const system = await ctx.startSystem(database.url, PORTS, { DEMO: 'true' });
      try {
        const base = `http://localhost:${PORTS.backoffice}`;
        const cookies = new Map<string, string>();
        for (const email of new Set(cases.map((c) => c.email))) cookies.set(email, await signIn(base, email));
        cases.push({ label: 'search by part of a name (CSQ administrator)', email: 'aisha.khan@example.org', queue: 'new', query: DEFAULT_QUEUE_QUERY, path: `/search?q=${encodeURIComponent(NAME_SEARCH)}` });
        // Each page once over, so the first measured requests do not pay for compiling and caches.
        for (const c of cases) for (let i = 0; i < 20; i += 1) await (await fetch(`${base}${c.path}`, { headers: { cookie: cookies.get(c.email)! } })).text();
        for (const c of cases) {
          // One member of staff waiting for their page, then several people at once.
          for (const connections of [1, CONNECTIONS]) {
            const cpuBefore = system.cpuTime();
            const result = await ctx.load({ url: `${base}${c.path}`, connections, duration: DURATION, headers: { cookie: cookies.get(c.email)! } });
            const cpuAfter = system.cpuTime();
            const errors = result.errors + result.non2xx;
            ctx.log(`${c.path}, ${connections} connection(s): ${Math.round(result.requests.average)}/s, p97.5 ${result.latency.p97_5} ms, errors ${errors}`);
            if (connections === CONNECTIONS && cpuBefore !== null && cpuAfter !== null && result.requests.total > 0) {
              // The process's CPU time over the run for each page served: what one page costs the
              // server, whatever else shares the machine's cores.
              const serverTime = (cpuAfter - cpuBefore) / result.requests.total;
              ctx.log(`${c.path}: ${serverTime.toFixed(1)} ms of server CPU time a page`);
              rows.push({
                suite: 'queues',
                measure: `${c.label}: the page's server time (the process's CPU time over the ${connections}-connection run, a page)`,
                value: serverTime,
                unit: 'ms',
                target: `< ${SERVER_TIME_BEFORE_MS / 2} ms (half the ${SERVER_TIME_BEFORE_MS} ms at least a page took before)`,
                pass: serverTime < SERVER_TIME_BEFORE_MS / 2,
              });
            }
            rows.push({
              suite: 'queues',
              measure: `${c.label}: the page over HTTP, p97.5, ${connections === 1 ? '1 connection' : `${connections} connections`} (${Math.round(result.requests.average)}/s)`,
              value: result.latency.p97_5,
              unit: 'ms',
              target: `< ${TARGET_MS} ms (p95)`,
              pass: result.latency.p97_5 < TARGET_MS && errors === 0,
            });
          }
        }
      } finally {
        await system.stop();
      }
    } finally {
      await handle.close().catch(() => {});
      await database.drop();
    }

    // The same searches on the embedded database, over the same 100,000 complaints.
    const embedded = await openInMemory();
    try {
      await migrateDatabase(embedded);
      await seedDemoDataIfEmpty(embedded.db, { clock: systemClock, passwordHash: '$argon2id$bench' });
      const started = Date.now();
      await addComplaints(embedded.db, COMPLAINTS);
      ctx.log(`PGlite: ${COMPLAINTS} complaints added in ${Math.round((Date.now() - started) / 1000)} s`);
      rows.push(...(await timeSearches(ctx, embedded.db, 'PGlite')));
    } finally {
      await embedded.close();
    }
    return rows;
  },
};

/** Part of a first name and part of a surname, as someone on the phone might spell them. */
const NAME_SEARCH = 'jo car';

/** Each demo member of staff as the use cases see them, by email. */
async function actorsOf(db: Database): Promise<(email: string) => CaseworkRequest> {
  const staff = await queryRows<{ id: string; email: string; role_key: string; business_area_id: string | null; service_area_id: string | null; team_id: string | null; full_name: string }>(
    db,
    sql`select id, email, role_key, business_area_id, service_area_id, team_id, full_name from staff`,
  );
  return (email) => {
    const s = staff.find((p) => p.email === email)!;
    return {
      actor: { id: s.id, role: s.role_key as never, businessAreaId: s.business_area_id, serviceAreaId: s.service_area_id, teamId: s.team_id, fullName: s.full_name },
      requestId: 'bench',
    };
  };
}

/**
 * Finding a complaint, as the use case does it (parse, the audit entry, the visible matches, one
 * page of rows): by a reference typed in lower case without hyphens (straight to the case), by a
 * reference nobody has, and by part of a name, for people who see the most and the least.
 */
async function timeSearches(ctx: BenchContext, db: Database, engine: string): Promise<BenchRow[]> {
  const actor = await actorsOf(db);
  const search = createSearchServices({ db, clock: systemClock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer });
  const [north] = await queryRows<{ reference: string }>(
    db,
    sql`select c.reference from complaints c join staff s on s.business_area_id = c.business_area_id
        where s.email = 'aisha.khan@example.org' and c.reference like 'CMP-%' order by c.reference limit 1`,
  );
  const typed = north!.reference.replace(/-/g, '').toLowerCase();
  const cases: Array<{ label: string; email: string; text: string; expect: 'found' | 'results' }> = [
    { label: 'search by reference, lower case without hyphens (CSQ administrator)', email: 'aisha.khan@example.org', text: typed, expect: 'found' },
    { label: 'search by a reference nobody has (national office)', email: 'margaret.lewis@example.org', text: 'cmp-0000-0000', expect: 'results' },
    { label: `search by part of a name, "${NAME_SEARCH}" (CSQ administrator)`, email: 'aisha.khan@example.org', text: NAME_SEARCH, expect: 'results' },
    { label: 'search by a surname, "jones" (national office)', email: 'margaret.lewis@example.org', text: 'jones', expect: 'results' },
    { label: 'search by part of a name, "sian" (responding manager)', email: 'david.brown@example.org', text: 'sian', expect: 'results' },
  ];
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const outcome = await search.searchComplaints(actor(c.email), { text: c.text, page: 1 });
    if (outcome.kind !== c.expect) throw new Error(`${c.label}: expected ${c.expect}, got ${outcome.kind}`);
    const found = outcome.kind === 'results' ? `${outcome.total} found` : 'straight to the case';
    const timing = await ctx.time(() => search.searchComplaints(actor(c.email), { text: c.text, page: 1 }), TIMED_RUNS, 10);
    ctx.log(`${engine}, ${c.label}: ${found}, median ${timing.median.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms`);
    rows.push({
      suite: 'queues',
      measure: `${engine}: ${c.label}, ${found}: the use case, p95`,
      value: timing.p95,
      unit: 'ms',
      target: `< ${TARGET_MS} ms (p95)`,
      pass: timing.p95 < TARGET_MS,
    });
  }
  return rows;
}

// Names as people have them, accents included, so that searching by part of one finds what it would
// in a real caseload: each of the 40 × 60 pairs about 40 times in 100,000, drawn by a hash of the
// reference so that names do not follow areas, teams or managers.
const FIRST_NAME_LIST = ['Joanne', 'John', 'Siân', 'Gareth', 'Aisha', 'Mohammed', 'Emma', 'Olivia', 'Jack', 'Harry', 'Amelia', 'Isla', 'Noah', 'Oliver', 'Zoë', 'Rhys', 'Dafydd', 'Ffion', 'Megan', 'Chloé', 'Liam', 'Jodie', 'Josef', 'Priya', 'Sarah', 'David', 'Michael', 'Rachel', 'Helen', 'Tom', 'Carys', 'Owain', 'Elin', 'Lucy', 'Grace', 'Ava', 'Leo', 'Ellie', 'Sophie', 'Ben'];
const SURNAME_LIST = ['Carr', 'Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Lewis', 'Morgan', 'Smith', 'Brown', 'Taylor', 'Wilson', 'Johnson', "O'Brien", 'Carter', 'Cartwright', 'Patel', 'Khan', 'Begum', 'Ahmed', 'Walker', 'Wright', 'Green', 'Hall', 'Wood', 'Clarke', 'Jackson', 'White', 'Harris', 'Martin', 'Cooper', 'King', 'Lee', 'Baker', 'Harrison', 'Morris', 'Ward', 'Turner', 'Phillips', 'Parker', 'Edwards', 'Collins', 'Stewart', 'Murphy', 'Bell', 'Price', 'Griffiths', 'Rees', 'Lloyd', 'Powell', 'Jenkins', 'Bowen', 'Pryce', 'Gruffydd', 'Llewellyn', 'Ní Bhriain', 'Nowak', 'Kowalczyk'];
const FIRST_NAMES = sql.raw(`array[${FIRST_NAME_LIST.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ')}]`);
const SURNAMES = sql.raw(`array[${SURNAME_LIST.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ')}]`);
const FIRST_NAME_COUNT = sql.raw(String(FIRST_NAME_LIST.length));
const SURNAME_COUNT = sql.raw(String(SURNAME_LIST.length));

/**
 * 100,000 complaints, spread like a real caseload over every area, team, manager and state, and
 * received over the last year, with the due dates the state implies: one INSERT … SELECT over
 * generate_series per table, so it takes seconds, not minutes.
 */
export async function addComplaints(db: Database, count: number): Promise<void> {
  await db.execute(sql`
    with teams_list as (
      select t.id as team_id, t.service_area_id, s.business_area_id, row_number() over (order by t.code) - 1 as n, count(*) over () as total
      from teams t join service_areas s on s.id = t.service_area_id
    ), managers as (
      select id, team_id, row_number() over (partition by team_id order by id) as n from staff where role_key = 'responding_manager'
    ), csq as (
      select id, business_area_id from staff where role_key = 'csq_manager'
    ), states as (
      select array['received','logged','acknowledged','acknowledged','investigating','investigating','investigating','investigating',
                   'response_drafted','in_quality_assurance','response_sent','closed','closed','closed','closed','closed',
                   'closed','closed','withdrawn','with_ombudsman'] as list
    ), generated as (
      select g,
             (select list[1 + (g % 20)] from states) as state,
             (current_date - ((g * 7919) % 365))::date as received_on,
             (g % 10) as spread
      from generate_series(1, ${count}) as g
    )
    insert into complaints (reference, kind, channel, audience, language, received_at, received_on, stage, state,
                            business_area_id, service_area_id, team_id, responder_id, csq_manager_id, current_due_on,
                            logged_at, assigned_at, acknowledged_at, created_at)
    select 'BEN-' || lpad(g::text, 8, '0'),
           case when g % 25 = 0 then 'compliment' when g % 40 = 0 then 'correspondence' else 'complaint' end,
           (array['online','online','letter','email','phone'])[1 + (g % 5)],
           case when g % 6 = 0 then 'child' else 'adult' end,
           case when g % 11 = 0 then 'cy' else 'en' end,
           received_on + time '10:00', received_on,
           case when g % 17 = 0 then 2 else 1 end,
           state,
           tl.business_area_id, tl.service_area_id, tl.team_id,
           case when state in ('received','logged') and g % 3 <> 0 then null else coalesce(m.id, (select id from managers order by id limit 1)) end,
           (select id from csq where csq.business_area_id = tl.business_area_id limit 1),
           case when state in ('received','logged') then received_on + 1
                when state in ('acknowledged','investigating','response_drafted','in_quality_assurance') then received_on + 21
                else null end,
           received_on + time '11:00', received_on + time '12:00',
           case when state in ('received','logged') then null else received_on + time '13:00' end,
           received_on + time '10:00'
    from generated
    join teams_list tl on tl.n = g % tl.total
    left join managers m on m.team_id = tl.team_id and m.n = 1
  `);
  await db.execute(sql`
    insert into complainants (complaint_id, role, full_name, email, phone, preferred_contact, language)
    select c.id, (array['parent_or_carer','family_member','child','professional'])[1 + (abs(hashtext(c.reference)) % 4)],
           (${FIRST_NAMES}::text[])[1 + (abs(hashtext(c.reference || 'first')) % ${FIRST_NAME_COUNT})]
             || ' ' || (${SURNAMES}::text[])[1 + (abs(hashtext(c.reference || 'surname')) % ${SURNAME_COUNT})],
           lower(substr(c.reference, 5)) || '@example.com', '07700 ' || lpad((c.n % 1000000)::text, 6, '0'), 'email', c.language
    from (select id, reference, language, substr(reference, 5)::int as n from complaints where reference like 'BEN-%') c
  `);
  await db.execute(sql`
    insert into complaint_stages (complaint_id, stage, started_on, acknowledge_due_on, pass_to_manager_due_on, response_due_on, original_response_due_on, responder_id, assigned_at)
    select c.id, 1, c.received_on, c.received_on + 1, c.received_on, c.received_on + 21, c.received_on + 21, c.responder_id, c.assigned_at
    from complaints c where c.reference like 'BEN-%'
  `);
  // As autovacuum would after a load this size: statistics for the planner, and the visibility map
  // that lets counts be answered from the indexes alone.
  await db.execute(sql`vacuum analyze complaints, complainants, complaint_stages`);
}

/** Signs in over HTTP as a demo member of staff (with the second factor where the account has one) and returns the cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const signedIn = await postPassword(base, email, DEMO_PASSWORD);
  if (!signedIn.needsSecondFactor) return signedIn.cookie;
  const cookie = await postSecondFactor(base, signedIn.cookie, totpCodeAt(demoTotpKey(email), new Date()));
  if (!cookie) throw new Error(`The second factor for ${email} was refused.`);
  return cookie;
}
