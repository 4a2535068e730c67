import { queryRows } from '@complaints/db';
import { sql } from 'drizzle-orm';
import type { ServiceDependencies } from '../dependencies';

/** Ready when the database answers. */
export async function checkReadiness({ db }: Pick<ServiceDependencies, 'db'>): Promise<boolean> {
  try {
    await queryRows(db, sql`select 1 as ok`);
    return true;
  } catch {
    return false;
  }
}
