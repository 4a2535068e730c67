import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { auditLog, staff } from '../schema/index';

/** What staff did: ids and the name of the action only, never what a complaint says. */
export type AuditEntry = {
  staffId: string | null;
  action: string;
  complaintId?: string | null;
  subject?: string | null;
  requestId?: string | null;
};

/** Appends to the audit log (append-only: a trigger refuses updates and deletes). */
export async function recordAudit(db: Executor, entry: AuditEntry, at?: Date): Promise<void> {
  await db.insert(auditLog).values({
    staffId: entry.staffId,
    action: entry.action,
    complaintId: entry.complaintId ?? null,
    subject: entry.subject ?? null,
    requestId: entry.requestId ?? null,
    ...(at ? { occurredAt: at } : {}),
  });
}

export type AuditSearch = { staffId?: string; complaintId?: string; action?: string; from?: Date; to?: Date; limit: number; offset: number };

export async function searchAudit(db: Executor, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.staffId) conditions.push(eq(auditLog.staffId, search.staffId));
  if (search.complaintId) conditions.push(eq(auditLog.complaintId, search.complaintId));
  if (search.action) conditions.push(eq(auditLog.action, search.action));
  if (search.from) conditions.push(gte(auditLog.occurredAt, search.from));
  if (search.to) conditions.push(lt(auditLog.occurredAt, search.to));
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      complaintId: auditLog.complaintId,
      subject: auditLog.subject,
      staffId: auditLog.staffId,
      staffName: staff.fullName,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(search.limit)
    .offset(search.offset);
}
