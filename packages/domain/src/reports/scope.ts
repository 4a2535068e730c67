/**
 * What a report covers: the whole organisation, one business area, or one service area (a Head
 * of Service's area). A complaint is in an area's report when it is recorded in that area; one
 * not yet placed in any area counts only in the organisation's.
 */
export type ReportScope =
  | { kind: 'organisation' }
  | { kind: 'business_area'; businessAreaId: string }
  | { kind: 'service_area'; serviceAreaId: string };

/** A scope written as one word, for an address or the audit log: "organisation", "business_area:<id>" or "service_area:<id>". */
export function reportScopeKey(scope: ReportScope): string {
  switch (scope.kind) {
    case 'organisation':
      return 'organisation';
    case 'business_area':
      return `business_area:${scope.businessAreaId}`;
    case 'service_area':
      return `service_area:${scope.serviceAreaId}`;
  }
}

/** The scope a key names; anything not of the three shapes reads as an area no report has, for the service to refuse as not found. */
export function reportScopeFromKey(key: string): ReportScope {
  if (key === 'organisation') return { kind: 'organisation' };
  const [kind, id = ''] = key.split(':');
  return kind === 'business_area' ? { kind: 'business_area', businessAreaId: id } : { kind: 'service_area', serviceAreaId: id };
}
