import { parseArgs } from 'node:util';
import { isPlainStartupError } from '@complaints/config';
import { openPostgres, queryRows, useHistoryKey } from '@complaints/db';
import { sql } from 'drizzle-orm';
import { addReportCaseload } from '../bench/load/report-caseload';

/**
 * `npm run db:generate-load -- --complaints 1000000 [--until 2026-11-30] [--force]`: fills the
 * PostgreSQL database at DATABASE_URL with a caseload over three years for the reports (see
 * `bench/load/report-caseload.ts`), signing the history it writes with HISTORY_KEY as the parts
 * do. The database must be migrated and hold the organisation (the demo seed); it must hold no
 * complaints unless `--force` is given.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { complaints: { type: 'string', default: '1000000' }, until: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const count = Number(values.complaints);
  if (!Number.isInteger(count) || count < 1) throw plain('--complaints must be a whole number above nought.');
  const until = values.until ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw plain('--until must be a date such as 2026-11-30.');
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw plain('Set DATABASE_URL to a PostgreSQL database: the load is not made in the embedded database.');
  const key = process.env.HISTORY_KEY ? Buffer.from(process.env.HISTORY_KEY, 'base64') : undefined;
  if (!key || key.length !== 32) throw plain('Set HISTORY_KEY (32 bytes, base64) to the key the parts sign the history with.');
  useHistoryKey(new Uint8Array(key));

  const handle = await openPostgres(url, { max: 2 });
  try {
    const [schema] = await queryRows<{ migrated: boolean }>(handle.db, sql`select to_regclass('complaints') is not null as migrated`);
    if (!schema?.migrated) throw plain('The database has no complaints table: run npm run db:migrate, and load the organisation, first.');
    const [row] = await queryRows<{ complaints: number }>(handle.db, sql`select count(*)::int as complaints from complaints`);
    if ((row?.complaints ?? 0) > 0 && !values.force) {
      throw plain(`The database already holds ${row!.complaints} complaints; the load is only added to one with none, or with --force.`);
    }
    const started = Date.now();
    await addReportCaseload(handle, { count, until, log: (m) => process.stdout.write(`${m}\n`) });
    process.stdout.write(`${count} complaints added in ${Math.round((Date.now() - started) / 1000)} s.\n`);
  } finally {
    await handle.close();
  }
}

function plain(message: string): Error {
  return Object.assign(new Error(message), { plain: true });
}

main().catch((error: unknown) => {
  const e = error as Error & { plain?: boolean };
  process.stderr.write(`${e?.plain || isPlainStartupError(error) ? e.message : `The load failed: ${e?.stack ?? String(error)}`}\n`);
  process.exitCode = 1;
});
