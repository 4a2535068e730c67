/**
 * What a report covers: the whole organisation, one business area, or one service area (a Head
 * of Service's area). A complaint is in an area's report when it is recorded in that area; one
 * not yet placed in any area counts only in the organisation's.
 */
export type ReportScope =
  | { kind: 'organisation' }
  | { kind: 'business_area'; businessAreaId: string }
  | { kind: 'service_area'; serviceAreaId: string };
