import type { ReportScope } from '@complaints/domain';

/** A report's scope as it goes in an address: "organisation", "business_area:<id>" or "service_area:<id>". */
export function scopeValue(scope: ReportScope): string {
  switch (scope.kind) {
    case 'organisation':
      return 'organisation';
    case 'business_area':
      return `business_area:${scope.businessAreaId}`;
    case 'service_area':
      return `service_area:${scope.serviceAreaId}`;
  }
}

/** The scope asked for in an address; anything not of the three shapes is the service's to refuse as not found. */
export function scopeOf(value: string): ReportScope {
  if (value === 'organisation') return { kind: 'organisation' };
  const [kind, id = ''] = value.split(':');
  return kind === 'business_area' ? { kind: 'business_area', businessAreaId: id } : { kind: 'service_area', serviceAreaId: id };
}
