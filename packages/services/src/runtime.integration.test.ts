import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isSealed, secretSealer } from '@complaints/auth';
import { readEnvironment, secondFactorKeyFor } from '@complaints/config';
import { demoTotpKey, hasDemoAccounts, insertStaffAccount, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { sealSecondFactorKeys } from './protection/second-factor-keys';
import { openRuntime, refuseDemoAccountsOutsideDemoMode } from './runtime';

const REFUSAL = /^This database holds demo staff accounts, whose password is published, so the system will not start outside demo mode: .*DEMO=true[^.]*\.$/;

async function addDemoAccount(db: Parameters<typeof insertStaffAccount>[0], email: string): Promise<void> {
  const id = await insertStaffAccount(db, {
    email,
    fullName: 'Demo Person',
    jobTitle: null,
    phone: null,
    role: 'national_office',
    businessAreaId: null,
    serviceAreaId: null,
    teamId: null,
    passwordHash: '$argon2id$placeholder',
    createdAt: new Date('2026-03-02T09:00:00Z'),
  });
  await db.update(schema.staff).set({ isDemo: true }).where(eq(schema.staff.id, id));
}

describeEachDatabase('demo accounts outside demo mode', (database) => {
  it('lets any process start while there are none, and refuses one outside demo mode once there are', async () => {
    const db = database().db;
    await expect(refuseDemoAccountsOutsideDemoMode(db, { DEMO: false })).resolves.toBeUndefined();
    await addDemoAccount(db, 'demo.national@example.org');
    expect(await hasDemoAccounts(db)).toBe(true);
    await expect(refuseDemoAccountsOutsideDemoMode(db, { DEMO: false })).rejects.toThrow(REFUSAL);
    await expect(refuseDemoAccountsOutsideDemoMode(db, { DEMO: true })).resolves.toBeUndefined();
  });
});

describe('starting on an embedded database', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'runtime-demo-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const addresses = { PORTAL_URL: 'https://complaints.example.org', BACKOFFICE_URL: 'https://staff.complaints.example.org' };

  it('adds no demo data outside demo mode, and will not start outside it once demo accounts exist', async () => {
    const real = readEnvironment({ DATA_DIR: folder, DEMO: 'false', SECOND_FACTOR_KEY: Buffer.alloc(32, 3).toString('base64'), HISTORY_KEY: Buffer.alloc(32, 4).toString('base64'), ...addresses });
    const first = await openRuntime(real);
    try {
      expect(first.seeded).toBeNull();
      expect(await hasDemoAccounts(first.database.db)).toBe(false);
      // As a demo seed would leave it.
      await addDemoAccount(first.database.db, 'demo.admin@example.org');
    } finally {
      await first.close();
    }

    const error = await openRuntime(real).then(
      async (runtime) => {
        await runtime.close();
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('StartupError');
    expect(error?.message).toMatch(REFUSAL);
    // Two starts and a demo seed of the embedded database: slow on a busy machine.
  }, 180_000);
});

describe('second-factor secrets at rest', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'runtime-sealed-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('are sealed at start, those written before sealing began included, and open only with the key', async () => {
    const env = readEnvironment({ DATA_DIR: folder, DEMO: 'true' });
    const runtime = await openRuntime(env);
    try {
      const stored = async () =>
        (await runtime.database.db.select({ email: schema.staff.email, key: schema.staff.totpKey }).from(schema.staff).where(isNotNull(schema.staff.totpKey))).map((r) => ({
          email: r.email,
          key: new Uint8Array(r.key!),
        }));
      const sealed = await stored();
      expect(sealed.length).toBeGreaterThan(0);
      const sealer = secretSealer(secondFactorKeyFor(env));
      for (const { email, key } of sealed) {
        expect(isSealed(key)).toBe(true);
        expect(Buffer.from(key).includes(Buffer.from(demoTotpKey(email)))).toBe(false);
        expect(sealer.open(key)).toEqual(demoTotpKey(email));
        expect(secretSealer(new Uint8Array(32).fill(1)).open(key)).toBeNull();
      }
      // A key stored as it was before sealing began is sealed at the next start, once.
      const [first] = sealed;
      await runtime.database.db.update(schema.staff).set({ totpKey: demoTotpKey(first!.email) }).where(eq(schema.staff.email, first!.email));
      expect(await sealSecondFactorKeys({ db: runtime.database.db, secondFactorSealer: sealer, randomBytes: (n) => new Uint8Array(randomBytes(n)) })).toBe(1);
      expect(await sealSecondFactorKeys({ db: runtime.database.db, secondFactorSealer: sealer, randomBytes: (n) => new Uint8Array(randomBytes(n)) })).toBe(0);
      const again = (await stored()).find((s) => s.email === first!.email)!;
      expect(sealer.open(again.key)).toEqual(demoTotpKey(first!.email));
    } finally {
      await runtime.close();
    }
  }, 180_000);

  it('need the second-factor key outside demo mode where staff sign in, and the history key in every part, each said in one sentence before anything starts', async () => {
    const env = readEnvironment({ DATA_DIR: folder, DEMO: 'false', PORTAL_URL: 'https://complaints.example.org', BACKOFFICE_URL: 'https://staff.complaints.example.org' });
    await expect(openRuntime(env)).rejects.toThrow(/^SECOND_FACTOR_KEY must be set outside demo mode/);
    const other = mkdtempSync(path.join(tmpdir(), 'runtime-no-key-'));
    try {
      await expect(openRuntime({ ...env, DATA_DIR: other }, { signsInStaff: false })).rejects.toThrow(/^HISTORY_KEY must be set outside demo mode/);
      const portal = await openRuntime({ ...env, DATA_DIR: other, HISTORY_KEY: Buffer.alloc(32, 4).toString('base64') }, { signsInStaff: false });
      await portal.close();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 180_000);
});
