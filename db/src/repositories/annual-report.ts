import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { annualSelfAssessments, staff } from '../schema/index';

export type StoredSelfAssessment = { startYear: number; assessment: Record<string, string>; updatedAt: Date; updatedByName: string };

/** A financial year's self-assessment, with who last changed it; null when none has been written. */
export async function readSelfAssessment(db: Executor, startYear: number): Promise<StoredSelfAssessment | null> {
  const [row] = await db
    .select({ startYear: annualSelfAssessments.startYear, assessment: annualSelfAssessments.assessment, updatedAt: annualSelfAssessments.updatedAt, updatedByName: staff.fullName })
    .from(annualSelfAssessments)
    .innerJoin(staff, eq(staff.id, annualSelfAssessments.updatedBy))
    .where(eq(annualSelfAssessments.startYear, startYear))
    .limit(1);
  return row ?? null;
}

/** Writes a year's self-assessment, replacing what was there. */
export async function writeSelfAssessment(tx: Executor, startYear: number, assessment: Record<string, string>, staffId: string, at: Date): Promise<void> {
  await tx
    .insert(annualSelfAssessments)
    .values({ startYear, assessment, updatedBy: staffId, updatedAt: at })
    .onConflictDoUpdate({ target: annualSelfAssessments.startYear, set: { assessment, updatedBy: staffId, updatedAt: at } });
}

/**
 * Every name of a person on record that published words must not carry: every member of staff,
 * every practitioner, every complainant and whoever they complained for, and every practitioner's
 * name as a complainant gave it. Distinct, each once.
 */
export async function listNamesOnRecord(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from (
      select full_name as name from staff
      union select full_name from practitioners
      union select full_name from complainants
      union select on_behalf_of_name from complainants where on_behalf_of_name is not null
      union select practitioner_name_given from complaints where practitioner_name_given is not null
    ) names where btrim(name) <> ''`,
  );
  return rows.map((r) => r.name);
}
