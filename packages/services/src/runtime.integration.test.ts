import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEnvironment } from '@complaints/config';
import { hasDemoAccounts, insertStaffAccount, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
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
    const real = readEnvironment({ DATA_DIR: folder, DEMO: 'false', ...addresses });
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
