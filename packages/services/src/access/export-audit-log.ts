import type { StaffActor } from '@complaints/auth';
import { recordAudit, searchAuditTrail } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from './access-denied';
import { auditTrailFilter, type AuditLogQuery } from './audit-filter';
import { ensureRecentlyAuthenticated } from './recent-authentication';

/** The most rows one export holds; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/**
 * The audit trail matching a filter as CSV, for national office: an export of data, so it needs a
 * password typed in the last 10 minutes, and is itself recorded in the audit log.
 */
export async function exportAuditLog(
  deps: ServiceDependencies,
  actor: StaffActor & { sessionId: string },
  query: AuditLogQuery,
  requestId?: string,
): Promise<{ csv: string; rows: number }> {
  ensureCapability(actor, 'view_audit_log');
  await ensureRecentlyAuthenticated(deps, actor);
  const { entries } = await searchAuditTrail(deps.db, auditTrailFilter(query), { limit: AUDIT_EXPORT_LIMIT, offset: 0 });
  const lines = [
    ['occurred_at', 'action', 'staff_id', 'staff_name', 'complaint_reference', 'subject', 'request_id'],
    ...entries.map((e) => [e.occurredAt.toISOString(), e.action, e.staffId ?? '', e.staffName ?? '', e.complaintReference ?? '', e.subject ?? '', e.requestId ?? '']),
  ];
  await recordAudit(deps.db, { staffId: actor.id, action: 'audit.exported', subject: `rows:${entries.length}`, requestId: requestId ?? null }, deps.clock.now());
  return { csv: lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n', rows: entries.length };
}

/**
 * Quotes a cell per RFC 4180, and defuses cells a spreadsheet would run as a formula (a name
 * beginning with "=" typed into an account), as OWASP advises for CSV exports.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
