import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPostgres } from '@complaints/db';
import { type OwnPostgres, startOwnPostgres } from '@complaints/db/testing/own-postgres';
import { insertCompleteAdultDrafts } from '@complaints/services/testing/complete-drafts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WHOLE, complaintsPerFormKey, consistencyOf } from './support/consistency';
import { type RunningPart, freePort, partEnv, type SendOutcome, sendComplaint, startPart } from './support/parts';

const FORMS = 240;
const SENDERS = 12;
/** The portal is killed once this many sends have been confirmed: mid-burst, with others in flight. */
const KILL_AFTER = 50;

let server: OwnPostgres;
let dataDir: string;
const parts: RunningPart[] = [];

beforeAll(async () => {
  server = await startOwnPostgres();
  dataDir = mkdtempSync(path.join(tmpdir(), 'faults-portal-'));
});

afterAll(async () => {
  for (const part of parts) await part.kill('SIGKILL');
  server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('keeps every confirmed complaint exactly once, whole, when the portal is killed mid-burst, and a cut-off send can be sent again', async () => {
  const url = await server.createDatabase('portal_killed');
  const env = partEnv(url, dataDir, { PORTAL_PORT: String(await freePort()) });
  let portal = await startPart('portal', env);
  parts.push(portal);
  const database = await openPostgres(url, { max: 2 });
  try {
    const drafts = await insertCompleteAdultDrafts(database.db, FORMS);
    const outcomes = new Map<string, SendOutcome>();
    let confirmed = 0;
    let next = 0;
    let killed: Promise<unknown> | null = null;
    const sender = async () => {
      for (;;) {
        const draft = drafts[next++];
        if (!draft || killed) return;
        const outcome = await sendComplaint(portal.url, draft);
        outcomes.set(draft.formKey, outcome);
        if (outcome === 'confirmed') confirmed += 1;
        if (confirmed >= KILL_AFTER && !killed) killed = portal.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    expect(await killed).toBe('SIGKILL');

    const confirmedKeys = [...outcomes].filter(([, o]) => o === 'confirmed').map(([k]) => k);
    const cutOff = [...outcomes].filter(([, o]) => o === 'cut off').map(([k]) => k);
    expect(confirmedKeys.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Sends were in flight when it died: some were cut off (they may or may not have been kept).
    expect(cutOff.length).toBeGreaterThan(0);
    expect([...outcomes.values()].filter((o) => o !== 'confirmed' && o !== 'cut off')).toEqual([]);

    // Every confirmation given stands for exactly one complaint, and every complaint kept is whole.
    const perKey = await complaintsPerFormKey(database.db, confirmedKeys);
    for (const key of confirmedKeys) expect(perKey.get(key), key).toBe(1);
    const afterKill = await consistencyOf(database.db);
    expect(afterKill).toMatchObject(WHOLE);

    // Started again, the portal takes every form not confirmed (cut off, or never sent), and a
    // form that was cut off after it was kept lands on its one complaint, not a second.
    portal = await startPart('portal', env);
    parts.push(portal);
    const unconfirmed = drafts.filter((d) => outcomes.get(d.formKey) !== 'confirmed');
    for (const draft of unconfirmed) expect(await sendComplaint(portal.url, draft), draft.formKey).toBe('confirmed');
    // A confirmed form sent again (the person pressed Back and sent it again) is still one complaint.
    expect(await sendComplaint(portal.url, drafts.find((d) => d.formKey === confirmedKeys[0])!)).toBe('confirmed');

    const allKeys = drafts.map((d) => d.formKey);
    const finalPerKey = await complaintsPerFormKey(database.db, allKeys);
    expect(allKeys.filter((k) => finalPerKey.get(k) !== 1)).toEqual([]);
    const final = await consistencyOf(database.db);
    expect(final).toEqual({ complaints: FORMS, ...WHOLE });
  } finally {
    await database.close();
  }
}, 240_000);
