import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgres } from '@complaints/db';
import { type OwnPostgres, startOwnPostgres } from '@complaints/db/testing/own-postgres';
import { insertCompleteAdultDrafts } from '@complaints/services/testing/complete-drafts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WHOLE, complaintsPerFormKey, consistencyOf } from './support/consistency';
import { type RunningPart, freePort, partEnv, postComplaint, sendComplaint, startPart } from './support/parts';

const OUTAGE_MS = 10_000;
const FRIENDLY = 'Sorry, there is a problem with the service';
/** What must never reach a person: a stack trace, our code's paths, the database's own words. */
const LEAKS = [/\n\s+at /, /node_modules/, /\.ts:\d+/, /ECONNREFUSED/i, /postgres/i, /terminating connection/i];

let server: OwnPostgres;
let dataDir: string;
const parts: RunningPart[] = [];

beforeAll(async () => {
  server = await startOwnPostgres();
  dataDir = mkdtempSync(path.join(tmpdir(), 'faults-outage-'));
});

afterAll(async () => {
  for (const part of parts) await part.kill('SIGKILL');
  server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Seen = { what: string; status: number | 'no answer'; body: string };

it('answers with the friendly page while PostgreSQL is down for 10 seconds, writes nothing by halves, and recovers by itself', async () => {
  const url = await server.createDatabase('outage');
  const env = partEnv(url, dataDir, { PORTAL_PORT: String(await freePort()), BACKOFFICE_PORT: String(await freePort()) });
  const portal = await startPart('portal', env);
  parts.push(portal);
  const backoffice = await startPart('backoffice', env);
  parts.push(backoffice);
  const database = await openPostgres(url, { max: 2 });
  try {
    const drafts = await insertCompleteAdultDrafts(database.db, 400);
    let nextDraft = 0;
    const take = () => drafts[nextDraft++]!;
    const sentDuring: string[] = [];

    // Requests that need the database: the leaflet (its timescales, unless held in memory), a
    // complaint sent, a sign-in.
    const requests: Array<{ what: string; send(): Promise<Seen> }> = [
      { what: 'leaflet', send: () => seen('leaflet', fetch(`${portal.url}/leaflets/adult`)) },
      { what: 'readiness (portal)', send: () => seen('readiness (portal)', fetch(`${portal.url}/readyz`)) },
      {
        what: 'sign-in',
        send: () =>
          seen(
            'sign-in',
            fetch(`${backoffice.url}/sign-in`, {
              method: 'POST',
              redirect: 'manual',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: backoffice.url },
              body: new URLSearchParams({ email: 'nobody@example.org', password: 'not the password at all' }).toString(),
            }),
          ),
      },
      {
        what: 'send',
        send: async () => {
          const draft = take();
          sentDuring.push(draft.formKey);
          const outcome = await sendComplaint(portal.url, draft);
          return { what: 'send', status: outcome === 'confirmed' ? 303 : outcome === 'cut off' ? 'no answer' : Number(outcome.slice(7)), body: '' };
        },
      },
    ];

    // Before: everything works.
    for (const request of requests) {
      const before = await request.send();
      expect(before.status, request.what).not.toBe('no answer');
      expect(before.status, request.what).toBeLessThan(500);
    }

    // The outage, under steady load from four loops.
    server.stop();
    const during: Seen[] = [];
    const until = Date.now() + OUTAGE_MS;
    await Promise.all(
      requests.map(async (request) => {
        while (Date.now() < until) {
          during.push(await request.send());
          await sleep(50);
        }
      }),
    );
    // Each part stayed up and answered every request; what needed the database got the friendly
    // page (or, for readiness, "not ready"), never a trace of what went wrong inside.
    expect(during.filter((s) => s.status === 'no answer')).toEqual([]);
    expect(during.filter((s) => s.what === 'send' && s.status === 303)).toEqual([]);
    // The leaflet may still be served from what the portal holds in memory; a sign-in cannot be.
    expect(during.filter((s) => s.what === 'sign-in' && s.status !== 500 && s.status !== 503)).toEqual([]);
    for (const s of during.filter((s) => s.what !== 'send' && s.what !== 'readiness (portal)')) {
      if (typeof s.status === 'number' && s.status >= 500) expect(s.body, s.what).toContain(FRIENDLY);
      else expect(s.status, s.what).toBe(200);
    }
    for (const s of during.filter((s) => s.what === 'readiness (portal)')) expect(s.status).toBe(503);
    for (const s of during) for (const leak of LEAKS) expect(s.body, `${s.what}: ${leak}`).not.toMatch(leak);
    // A send that failed was answered with the same friendly page.
    const failedSend = await seen('send', postComplaint(portal.url, take()));
    expect(failedSend.body).toContain(FRIENDLY);

    // Back: the parts recover by themselves, with no restart.
    server.start();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await fetch(`${portal.url}/readyz`).then((r) => r.ok, () => false);
      if (ready && (await fetch(`${portal.url}/leaflets/adult`)).ok) break;
      if (Date.now() > deadline) throw new Error(`The portal did not recover:\n${portal.output()}`);
      await sleep(250);
    }
    expect((await fetch(`${backoffice.url}/readyz`)).status).toBe(200);

    // Every form tried during the outage can be sent now, each to one complaint; nothing is half-kept.
    for (const key of sentDuring) {
      const draft = drafts.find((d) => d.formKey === key)!;
      expect(await sendComplaint(portal.url, draft), key).toBe('confirmed');
    }
    const perKey = await complaintsPerFormKey(database.db, sentDuring);
    expect(sentDuring.filter((k) => perKey.get(k) !== 1)).toEqual([]);
    expect(await consistencyOf(database.db)).toMatchObject(WHOLE);
  } finally {
    await database.close();
  }
}, 240_000);

async function seen(what: string, response: Promise<Response>): Promise<Seen> {
  try {
    const r = await response;
    return { what, status: r.status, body: await r.text() };
  } catch {
    return { what, status: 'no answer', body: '' };
  }
}

