import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { auditLog, complaints, staff } from '../schema/index';

/** One line of the audit trail as national office reads it: who, what, when and which complaint; never content. */
export type AuditTrailEntry = {
  id: number;
  occurredAt: Date;
  action: string;
  staffId: string | null;
  staffName: string | null;
  complaintId: string | null;
  complaintReference: string | null;
  subject: string | null;
  requestId: string | null;
};

export type AuditTrailFilter = {
  staffId?: string | undefined;
  complaintReference?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
};

/**
 * The audit trail, newest first, a page at a time. One more row than asked for is read so the
 * page knows whether there is a next one without counting a table that only grows.
 */
export async function searchAuditTrail(
  db: Executor,
  filter: AuditTrailFilter,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditTrailEntry[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.staffId) conditions.push(eq(auditLog.staffId, filter.staffId));
  if (filter.complaintReference) conditions.push(eq(complaints.reference, filter.complaintReference));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, filter.to));
  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      staffId: auditLog.staffId,
      staffName: staff.fullName,
      complaintId: auditLog.complaintId,
      complaintReference: complaints.reference,
      subject: auditLog.subject,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .leftJoin(complaints, eq(complaints.id, auditLog.complaintId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return { entries: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** The actions recorded so far, for the filter's list. */
export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
