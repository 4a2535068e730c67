import type { AuditTrailFilter } from '@complaints/db';
import { addDays, londonDateOf, type IsoDate } from '@complaints/domain';

/** What national office searches the audit log by: a person, a complaint, an action, London dates. */
export type AuditLogQuery = {
  staffId?: string | undefined;
  complaintReference?: string | undefined;
  action?: string | undefined;
  /** From the start of this day in London. */
  fromDate?: IsoDate | undefined;
  /** To the end of this day in London. */
  toDate?: IsoDate | undefined;
};

/** The instant a London day starts: midnight there is 00:00 UTC in winter and 23:00 UTC the day before in summer. */
export function startOfLondonDay(date: IsoDate): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const hourBefore = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDateOf(hourBefore) === date ? hourBefore : utcMidnight;
}

export function auditTrailFilter(query: AuditLogQuery): AuditTrailFilter {
  return {
    staffId: query.staffId,
    complaintReference: query.complaintReference?.toUpperCase(),
    action: query.action,
    from: query.fromDate ? startOfLondonDay(query.fromDate) : undefined,
    to: query.toDate ? startOfLondonDay(addDays(query.toDate, 1)) : undefined,
  };
}
