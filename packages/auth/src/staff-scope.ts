import type { RoleKey } from '@complaints/domain';

/**
 * What part of the organisation each role works in, which decides what it sees: a CSQ
 * administrator and a CSQ manager a business area, a Head of Service a service area, a responding
 * manager a team (and so its service area and business area); national roles none.
 */
export type ScopeLevel = 'business_area' | 'service_area' | 'team' | 'national';

export const ROLE_SCOPE: Record<RoleKey, ScopeLevel> = {
  csq_administrator: 'business_area',
  csq_manager: 'business_area',
  head_of_service: 'service_area',
  responding_manager: 'team',
  national_office: 'national',
  system_administrator: 'national',
};

export type ScopeChoice = { businessAreaId?: string | null; serviceAreaId?: string | null; teamId?: string | null };
export type Scope = { businessAreaId: string | null; serviceAreaId: string | null; teamId: string | null };

/**
 * The scope to store for a role from what was chosen, filling in the areas above a team or
 * service area from the organisation (`parents`), and clearing what the role does not use. Null
 * when the role's level was not chosen.
 */
export function scopeForRole(
  role: RoleKey,
  chosen: ScopeChoice,
  parents: { serviceAreaOfTeam: (teamId: string) => string | null; businessAreaOfServiceArea: (serviceAreaId: string) => string | null },
): Scope | null {
  switch (ROLE_SCOPE[role]) {
    case 'national':
      return { businessAreaId: null, serviceAreaId: null, teamId: null };
    case 'business_area':
      return chosen.businessAreaId ? { businessAreaId: chosen.businessAreaId, serviceAreaId: null, teamId: null } : null;
    case 'service_area': {
      if (!chosen.serviceAreaId) return null;
      const businessAreaId = parents.businessAreaOfServiceArea(chosen.serviceAreaId);
      return businessAreaId ? { businessAreaId, serviceAreaId: chosen.serviceAreaId, teamId: null } : null;
    }
    case 'team': {
      if (!chosen.teamId) return null;
      const serviceAreaId = parents.serviceAreaOfTeam(chosen.teamId);
      const businessAreaId = serviceAreaId ? parents.businessAreaOfServiceArea(serviceAreaId) : null;
      return serviceAreaId && businessAreaId ? { businessAreaId, serviceAreaId, teamId: chosen.teamId } : null;
    }
  }
}
