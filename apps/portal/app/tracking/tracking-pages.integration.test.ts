import { testSecondFactorSealer } from '@complaints/services/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEnvironment } from '@complaints/config';
import { queryRows, seedDemoDataIfEmpty } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { generateReference, systemClock } from '@complaints/domain';
import { createServices } from '@complaints/services';
import type { AppLoadContext } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formSettingsFor } from '../../server/form-settings';
import * as codeRoute from '../routes/track.code';
import * as complaintRoute from '../routes/track.complaint';
import * as startRoute from '../routes/track._index';
import { callRoute, type RouteFunction } from '../testing/route-call';
import type { TrackingView } from './tracking-view';

const ORIGIN = 'http://localhost';

/**
 * The tracking pages as a browser meets them: a reference nobody has and a wrong code for a real
 * complaint come back as the same page with the same status, in about the same time, and nothing
 * opens without the code.
 */
describeEachDatabase('the tracking pages', (database) => {
  const complaintForm = formSettingsFor(readEnvironment({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tracking-pages-')) }));
  let services: ReturnType<typeof createServices>;
  let addresses = 0;
  const context = (): AppLoadContext =>
    ({ services, complaintForm, cspNonce: 'test', requestId: 'test', clientIp: `198.51.100.${(addresses += 1) % 250}` }) as AppLoadContext;
  const call = (fn: unknown, request: Request, ctx = context()) => callRoute<TrackingView>(fn as RouteFunction, { request, context: ctx });
  const post = (pathname: string, body: Record<string, string>, cookie?: string) =>
    new Request(`${ORIGIN}${pathname}`, {
      method: 'POST',
      body: new URLSearchParams(body).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en-GB', ...(cookie ? { Cookie: cookie } : {}) },
    });

  let known = '';
  beforeAll(async () => {
    await seedDemoDataIfEmpty(database().db, { clock: systemClock, passwordHash: '$argon2id$placeholder' });
    services = createServices({ db: database().db, clock: systemClock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer });
    const [row] = await queryRows<{ reference: string }>(
      database().db,
      sql`select c.reference from complaints c join complainants p on p.complaint_id = c.id where p.email is not null order by c.reference limit 1`,
    );
    known = row!.reference;
  });

  async function unknownReference(): Promise<string> {
    for (;;) {
      const reference = generateReference((n) => randomBytes(n));
      if ((await queryRows(database().db, sql`select 1 from complaints where reference = ${reference}`)).length === 0) return reference;
    }
  }

  /** The reference sent, then a wrong code: what each step answered, and how long the code step took. */
  async function wrongCodeFor(reference: string) {
    const started = await call(startRoute.action, post('/track', { reference }));
    const cookie = started.cookie!;
    const at = performance.now();
    const answered = await call(codeRoute.action, post('/track/code', { intent: 'confirm', code: '000000' }, cookie));
    return { started: { status: started.status, location: started.location, cookieName: cookie.split('=')[0] }, answered, took: performance.now() - at };
  }

  describe('a reference nobody has and a wrong code', () => {
    it('give the same page with the same status, and the code page opens nothing', async () => {
      const real = await wrongCodeFor(known);
      const nobody = await wrongCodeFor(await unknownReference());
      expect(real.started).toEqual({ status: 302, location: '/track/code', cookieName: 'track_challenge' });
      expect(nobody.started).toEqual(real.started);
      expect(real.answered.status).toBe(400);
      expect(nobody.answered.status).toBe(real.answered.status);
      expect(nobody.answered.page).toEqual(real.answered.page);
      expect(real.answered.setCookies).toEqual([]);
    });

    it('title the page as having a problem when the loader runs after the action in the same request', async () => {
      const started = await call(startRoute.action, post('/track', { reference: known }));
      const sameRequest = context();
      await call(codeRoute.action, post('/track/code', { intent: 'confirm', code: '000000' }, started.cookie!), sameRequest);
      const get = () => new Request(`${ORIGIN}/track/code`, { headers: { 'Accept-Language': 'en-GB', Cookie: started.cookie! } });
      const after = await call(codeRoute.loader, get(), sameRequest);
      expect((after.page as { title: string }).title).toMatch(/^Error: /);
      const fresh = await call(codeRoute.loader, get());
      expect((fresh.page as { title: string }).title).not.toMatch(/^Error: /);
    });

    it('take about the same time', async () => {
      const times = { real: [] as number[], nobody: [] as number[] };
      for (let round = 0; round < 12; round += 1) {
        // The codes sent for one reference are limited to a few an hour; a fresh reference each round.
        const [row] = await queryRows<{ reference: string }>(
          database().db,
          sql`select c.reference from complaints c join complainants p on p.complaint_id = c.id where p.email is not null order by c.reference offset ${round + 1} limit 1`,
        );
        const real = await wrongCodeFor(row!.reference);
        const nobody = await wrongCodeFor(await unknownReference());
        if (round < 2) continue;
        times.real.push(real.took);
        times.nobody.push(nobody.took);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const [a, b] = [median(times.real), median(times.nobody)];
      expect(Math.abs(a - b), JSON.stringify({ real: a, nobody: b })).toBeLessThanOrEqual(Math.max(15, 0.35 * Math.max(a, b)));
    });

    it('says plainly when a reference has a typo, and keeps what was typed', async () => {
      const typo = known.slice(0, -1) + (known.endsWith('0') ? '1' : '0');
      const answered = await call(startRoute.action, post('/track', { reference: typo }));
      expect(answered.status).toBe(400);
      const page = answered.page as Extract<TrackingView, { view: 'form' }>;
      expect(page.errors).toEqual([{ href: '#reference', text: 'That reference number is not quite right. Check each character against our email or letter' }]);
      expect(page.form?.fields[0]).toMatchObject({ value: typo });
    });
  });

  it('sends anyone without a session back to the start, and nothing personal is kept by a cache', async () => {
    const answered = await call(complaintRoute.loader, new Request(`${ORIGIN}/track/complaint`, { headers: { Cookie: 'track_session=bm90IGEgc2Vzc2lvbg' } }));
    expect(answered.status).toBe(302);
    expect(answered.location).toBe('/track');
    expect(answered.response?.headers.get('Cache-Control')).toBe('no-store');
  });
});
