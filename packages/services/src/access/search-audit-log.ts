import type { StaffActor } from '@complaints/auth';
import { listAuditActions, listStaffNames, searchAuditTrail, type AuditTrailEntry } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from './access-denied';
import { auditTrailFilter, type AuditLogQuery } from './audit-filter';

export const AUDIT_PAGE_SIZE = 50;

export type AuditLogPage = {
  entries: AuditTrailEntry[];
  hasMore: boolean;
  page: number;
  /** For the filters: everyone who could appear, and the actions recorded so far. */
  staff: Array<{ id: string; fullName: string; email: string }>;
  actions: string[];
};

/** The audit trail for national office: who looked at or changed what, and when, never the content. */
export async function searchAuditLog(deps: ServiceDependencies, actor: StaffActor, query: AuditLogQuery, page: number): Promise<AuditLogPage> {
  ensureCapability(actor, 'view_audit_log');
  const current = Math.max(1, Math.floor(page));
  const [found, staff, actions] = [
    await searchAuditTrail(deps.db, auditTrailFilter(query), { limit: AUDIT_PAGE_SIZE, offset: (current - 1) * AUDIT_PAGE_SIZE }),
    await listStaffNames(deps.db),
    await listAuditActions(deps.db),
  ];
  return { ...found, page: current, staff, actions };
}
