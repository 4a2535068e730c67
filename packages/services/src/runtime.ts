import { randomBytes } from 'node:crypto';
import { hashPassword, type SecretSealer, secretSealer } from '@complaints/auth';
import { backofficeUrl, type Environment, historyKeyFor, portalUrl, secondFactorKeyFor, shouldSeedDemoData, StartupError } from '@complaints/config';
import {
  DEMO_PASSWORD,
  type DatabaseHandle,
  type Executor,
  hasDemoAccounts,
  isDatabaseEmpty,
  isSchemaCurrent,
  migrateDatabase,
  openDatabase,
  seedDemoDataIfEmpty,
  seedReferenceData,
  type SeedSummary,
  useHistoryKey,
} from '@complaints/db';
import { systemClock, type Clock } from '@complaints/domain';
import { advanceDemoCases } from './demo/advance-demo-cases';
import { sealSecondFactorKeys } from './protection/second-factor-keys';
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
 * schema and reference lists up to date (or, with DATABASE_MIGRATE=false, checks that they are), seeds demo data into an empty database in demo mode,
 * refuses to go on outside demo mode while demo accounts exist, and wires the services.
 */
export async function openRuntime(env: Environment, options: { clock?: Clock; signsInStaff?: boolean } = {}): Promise<Runtime> {
  // Only a process that signs staff in holds the key that seals their second factors (the portal
  // and the worker never need it). Read before the database is opened: a missing key stops the
  // start with its own sentence.
  const signsInStaff = options.signsInStaff ?? true;
  const secondFactorSealer = signsInStaff ? secretSealer(secondFactorKeyFor(env)) : NO_SECOND_FACTOR_KEY;
  // Every part writes history (the audit log at least), so every part signs it with the same key.
  useHistoryKey(historyKeyFor(env));
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    if (migratesAtStart(env, database)) {
      await migrateDatabase(database);
      await refuseDemoAccountsOutsideDemoMode(database.db, env);
      await seedReferenceData(database.db);
    } else {
      await refuseOutOfDateSchema(database);
      await refuseDemoAccountsOutsideDemoMode(database.db, env);
    }
    const clock = options.clock ?? systemClock;
    // Seeding is the migrating part's work: a part that does not migrate writes no demo data.
    const seeded =
      migratesAtStart(env, database) && shouldSeedDemoData(env) && (await isDatabaseEmpty(database.db))
        ? await seedDemoDataIfEmpty(database.db, { clock, passwordHash: await hashPassword(DEMO_PASSWORD) })
        : null;
    // seedDemoDataIfEmpty checks again under a lock: another instance may have seeded meanwhile.
    const deps = {
      db: database.db,
      clock,
      randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
      secondFactorSealer,
      addresses: { portal: portalUrl(env), backoffice: backofficeUrl(env) },
    };
    if (signsInStaff) await sealSecondFactorKeys(deps);
    // The demo's complaints further on than logged are taken there by the lifecycle's own moves.
    if (seeded) await advanceDemoCases(deps, seeded.toAdvance, clock.now());
    const services = createServices(deps);
    return { database, services, clock, seeded, close: () => database.close() };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * Whether this part brings the schema up to date itself: always on the embedded database (one
 * process, one user); on PostgreSQL unless DATABASE_MIGRATE=false, when `npm run db:migrate` has
 * done it as the schema's owner and this part's role may not.
 */
export function migratesAtStart(env: Pick<Environment, 'DATABASE_MIGRATE'>, database: Pick<DatabaseHandle, 'kind'>): boolean {
  return env.DATABASE_MIGRATE || database.kind === 'pglite';
}

/** A part that does not migrate will not run on a schema older than its code. */
export async function refuseOutOfDateSchema(database: DatabaseHandle): Promise<void> {
  if (await isSchemaCurrent(database)) return;
  throw new StartupError(
    'The database schema is not up to date for this version and DATABASE_MIGRATE is false, so this part will not start: run npm run db:migrate as the database owner first.',
  );
}

/** The sealer of a process that signs nobody in: it has no key, so it seals and opens nothing. */
const NO_SECOND_FACTOR_KEY: SecretSealer = {
  seal() {
    throw new Error('This process does not sign staff in and holds no SECOND_FACTOR_KEY.');
  },
  open() {
    return null;
  },
};

/**
 * Demo accounts have a published password and a second-factor key anyone can work out from the
 * demo seed: a process that is not in demo mode will not serve a database that holds any, so a
 * database seeded for a demo can never quietly become a real deployment.
 */
export async function refuseDemoAccountsOutsideDemoMode(db: Executor, env: Pick<Environment, 'DEMO'>): Promise<void> {
  if (env.DEMO || !(await hasDemoAccounts(db))) return;
  throw new StartupError(
    'This database holds demo staff accounts, whose password is published, so the system will not start outside demo mode: use a database without demo data, or set DEMO=true to run the demo.',
  );
}
