import { openPostgres, queryRows } from '@complaints/db';
import { insertCompleteAdultDrafts } from '@complaints/services/testing/complete-drafts';
import { createCookie } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import { atScale, type BenchRow, type BenchSuite, percentile } from '../harness';
import { bareSqlFloor } from '../submission-floor';

const PORTS = { portal: 3210, backoffice: 3211 };
// BENCH_CONNECTIONS and BENCH_SUBMISSIONS change the load for a quick look; the README's figures use the defaults.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? atScale(50, 5));
const WARM_UP = atScale(300, 20);
const DRAFTS = Number(process.env.BENCH_SUBMISSIONS ?? atScale(8000, 200));
/** Every tenth form is sent twice at once, as a double click does: still one complaint. */
const DOUBLE_SEND_EVERY = 10;
/** The portal's database pool (openPostgres's default), which the floor's writers share alike. */
const PORTAL_POOL = 10;

/**
 * Complaint submission on PostgreSQL: the final "Send complaint" POST of the adult form, against
 * the built system (portal, back office and worker in one process, the worker delivering the
 * acknowledgement emails meanwhile), from 50 connections. Drafts are made beforehand straight in
 * the database, as complete forms: driving every question page over HTTP for thousands of forms
 * would measure the pages, not the submission. Each send does what a person's does: the per-address
 * limit (raised for the run), the draft locked, the complaint, its points, stage and first event,
 * the outbox email rendered in its language, the draft marked, and a 303 to the confirmation.
 */
export const suite: BenchSuite = {
  name: 'complaint submission',
  async run(ctx) {
    const database = await ctx.createDatabase();
    let system: Awaited<ReturnType<typeof ctx.startSystem>> | undefined;
    let db: Awaited<ReturnType<typeof openPostgres>> | undefined;
    const rows: BenchRow[] = [];
    try {
      system = await ctx.startSystem(database.url, PORTS, { COMPLAINT_FORM_RATE_LIMIT: '1000000', COMPLAINT_FORM_SEND_LIMIT: '1000000' });
      db = await openPostgres(database.url, { max: 10 });
      const cookie = createCookie('complaint_form', { path: '/complain' });
      const drafts: Array<{ id: string; cookie: string; formKey: string }> = [];
      for (const draft of await insertCompleteAdultDrafts(db.db, WARM_UP + DRAFTS)) {
        drafts.push({ id: draft.id, cookie: (await cookie.serialize(draft.token)).split(';')[0]!, formKey: draft.formKey });
      }
      ctx.log(`${drafts.length} complete drafts ready`);

      const url = `http://localhost:${PORTS.portal}/complain/check`;
      const send = async (draft: { cookie: string; formKey: string }) => {
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: draft.cookie, Origin: `http://localhost:${PORTS.portal}` },
          body: new URLSearchParams({ formKey: draft.formKey }).toString(),
        });
        await response.arrayBuffer();
        const ok = response.status === 303 && response.headers.get('location') === '/complain/confirmation';
        return { ms: performance.now() - started, ok };
      };
      const sendAll = async (list: Array<{ cookie: string; formKey: string }>, doubles: boolean) => {
        const latencies: number[] = [];
        let failures = 0;
        let requests = 0;
        let next = 0;
        const worker = async () => {
          for (;;) {
            const i = next++;
            if (i >= list.length) return;
            const twice = doubles && i % DOUBLE_SEND_EVERY === 0;
            const results = await Promise.all(twice ? [send(list[i]!), send(list[i]!)] : [send(list[i]!)]);
            for (const r of results) {
              latencies.push(r.ms);
              requests += 1;
              if (!r.ok) failures += 1;
            }
          }
        };
        const started = performance.now();
        await Promise.all(Array.from({ length: CONNECTIONS }, worker));
        return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), failures, requests };
      };

      await sendAll(drafts.slice(0, WARM_UP), false);
      const measured = drafts.slice(WARM_UP);
      const run = await sendAll(measured, true);

      const keys = measured.map((d) => d.formKey);
      const [counts] = await queryRows<{ complaints: number; keys: number }>(
        db.db,
        sql`select count(*)::int as complaints, count(distinct idempotency_key)::int as keys from complaints where idempotency_key in ${keys}`,
      );
      const [sent] = await queryRows<{ drafts: number }>(
        db.db,
        sql`select count(*)::int as drafts from form_drafts where complaint_id is not null and id in ${measured.map((d) => d.id)}`,
      );
      const duplicates = counts!.complaints - counts!.keys;
      const lost = measured.length - counts!.keys;
      const perSecond = measured.length / run.seconds;
      const p95 = percentile(run.latencies, 95);
      ctx.log(
        `${measured.length} forms (${run.requests} sends, ${run.failures} not answered with the confirmation) in ${run.seconds.toFixed(1)} s: ` +
          `${perSecond.toFixed(0)} complaints/s, p95 ${p95.toFixed(0)} ms; ${counts!.complaints} complaints, ${duplicates} duplicates, ${lost} lost; ${sent!.drafts} drafts marked sent`,
      );
      // The floor, in the same run: the same complaints' rows written again by bare SQL.
      const made = await queryRows<{ id: string }>(db.db, sql`select id from complaints where idempotency_key in ${keys}`);
      const floor = await bareSqlFloor(database.url, made.map((m) => m.id), { senders: CONNECTIONS, pool: PORTAL_POOL });
      ctx.log(`floor: the same ${floor.written} complaints' rows by bare SQL: ${floor.perSecond.toFixed(0)}/s, p95 ${floor.p95.toFixed(0)} ms`);
      rows.push(
        {
          suite: 'submission',
          measure: `complaints per second (${CONNECTIONS} connections, every ${DOUBLE_SEND_EVERY}th form sent twice at once)`,
          value: Math.round(perSecond),
          unit: '/s',
          target: '≥ 200/s',
          baseline: `the same rows by bare SQL, ${CONNECTIONS} senders over ${PORTAL_POOL} connections: ${Math.round(floor.perSecond)}/s, p95 ${Math.round(floor.p95)} ms (${(perSecond / floor.perSecond).toFixed(2)} of it)`,
          pass: perSecond >= 200,
        },
        { suite: 'submission', measure: 'send latency p95', value: Math.round(p95), unit: 'ms' },
        { suite: 'submission', measure: 'forms submitted', value: measured.length, unit: '' },
        { suite: 'submission', measure: 'sends answered other than with the confirmation', value: run.failures, unit: '', target: '0', pass: run.failures === 0 },
        { suite: 'submission', measure: 'complaints in the database', value: counts!.complaints, unit: '', target: `${measured.length}`, pass: counts!.complaints === measured.length },
        { suite: 'submission', measure: 'duplicates', value: duplicates, unit: '', target: '0', pass: duplicates === 0 },
        { suite: 'submission', measure: 'lost', value: lost, unit: '', target: '0', pass: lost === 0 },
      );
    } finally {
      await db?.close();
      await system?.stop();
      await database.drop();
    }
    return rows;
  },
};
