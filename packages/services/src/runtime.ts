import { randomBytes } from 'node:crypto';
import { hashPassword } from '@complaints/auth';
import { backofficeUrl, type Environment, portalUrl } from '@complaints/config';
import {
  DEMO_PASSWORD,
  type DatabaseHandle,
  isDatabaseEmpty,
  migrateDatabase,
  openDatabase,
  seedDemoDataIfEmpty,
  seedReferenceData,
  type SeedSummary,
} from '@complaints/db';
import { systemClock, type Clock } from '@complaints/domain';
import { advanceDemoCases } from './demo/advance-demo-cases';
import { createServices, type Services } from './index';

export type Runtime = {
  database: DatabaseHandle;
  services: Services;
  clock: Clock;
  /** What the demo seed wrote, when it ran. */
  seeded: SeedSummary | null;
  close(): Promise<void>;
};

/**
 * Opens the database (PostgreSQL when DATABASE_URL is set, the embedded one otherwise), brings its
 * schema and reference lists up to date, seeds demo data into an empty database when asked, and
 * wires the services.
 */
export async function openRuntime(env: Environment, options: { seedDemoData: boolean; clock?: Clock }): Promise<Runtime> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    const clock = options.clock ?? systemClock;
    const seeded =
      options.seedDemoData && (await isDatabaseEmpty(database.db))
        ? await seedDemoDataIfEmpty(database.db, { clock, passwordHash: await hashPassword(DEMO_PASSWORD) })
        : null;
    // seedDemoDataIfEmpty checks again under a lock: another instance may have seeded meanwhile.
    const deps = { db: database.db, clock, randomBytes: (n: number) => randomBytes(n), addresses: { portal: portalUrl(env), backoffice: backofficeUrl(env) } };
    // The demo's complaints further on than logged are taken there by the lifecycle's own moves.
    if (seeded) await advanceDemoCases(deps, seeded.toAdvance, clock.now());
    const services = createServices(deps);
    return { database, services, clock, seeded, close: () => database.close() };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** Demo data goes into an empty database unless switched off, and never in production. */
export function shouldSeedDemoData(env: Environment): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.SEED_DEMO_DATA ?? true;
}
