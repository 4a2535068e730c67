import { describe, expect, it } from 'vitest';
import { scopeForRole } from './staff-scope';

const parents = {
  serviceAreaOfTeam: (team: string) => (team === 'team-leeds' ? 'sa-yah' : null),
  businessAreaOfServiceArea: (sa: string) => (sa === 'sa-yah' ? 'ba-north' : null),
};

describe('the scope of a role', () => {
  it('is the business area for CSQ administrators and managers', () => {
    expect(scopeForRole('csq_administrator', { businessAreaId: 'ba-north', teamId: 'team-leeds' }, parents)).toEqual({
      businessAreaId: 'ba-north',
      serviceAreaId: null,
      teamId: null,
    });
    expect(scopeForRole('csq_manager', {}, parents)).toBeNull();
  });

  it('is the service area, within its business area, for a Head of Service', () => {
    expect(scopeForRole('head_of_service', { serviceAreaId: 'sa-yah' }, parents)).toEqual({ businessAreaId: 'ba-north', serviceAreaId: 'sa-yah', teamId: null });
    expect(scopeForRole('head_of_service', { serviceAreaId: 'sa-gone' }, parents)).toBeNull();
  });

  it('is the team, and the areas above it, for a responding manager', () => {
    expect(scopeForRole('responding_manager', { teamId: 'team-leeds' }, parents)).toEqual({ businessAreaId: 'ba-north', serviceAreaId: 'sa-yah', teamId: 'team-leeds' });
    expect(scopeForRole('responding_manager', { businessAreaId: 'ba-north' }, parents)).toBeNull();
  });

  it('is nothing for national roles, whatever was chosen', () => {
    expect(scopeForRole('national_office', { businessAreaId: 'ba-north' }, parents)).toEqual({ businessAreaId: null, serviceAreaId: null, teamId: null });
  });
});
