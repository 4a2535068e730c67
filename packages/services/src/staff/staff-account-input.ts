import { ROLE_KEYS, type RoleKey } from '@complaints/domain';
import { mayAdministerAccess, scopeForRole, type Scope, type StaffActor } from '@complaints/auth';
import { type Executor, findStaffAccount, loadOrganisation, type StaffAccount } from '@complaints/db';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { optionalText, phone } from '../organisation/organisation-input';

/** What may be wrong with a field of a staff account form; routes turn these into words. */
export type FieldProblem = 'required' | 'too_long' | 'invalid' | 'taken' | 'scope_required' | 'national_office_only' | 'holder_privileged';
export type FieldProblems = Partial<Record<'email' | 'fullName' | 'jobTitle' | 'phone' | 'role' | 'businessAreaId' | 'serviceAreaId' | 'teamId', FieldProblem>>;

export const staffDetailsSchema = z.object({
  fullName: z.string().trim().min(1, 'required').max(200, 'too_long'),
  jobTitle: optionalText(200),
  phone,
});

export const staffRoleSchema = z.object({
  role: z.enum(ROLE_KEYS, 'required'),
  businessAreaId: z.string().trim().optional(),
  serviceAreaId: z.string().trim().optional(),
  teamId: z.string().trim().optional(),
});

export const newStaffAccountSchema = staffDetailsSchema.extend({
  email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'too_long').pipe(z.email('invalid')),
}).and(staffRoleSchema);

/** Zod's issues as one problem per field (the first). */
export function fieldProblems(error: z.ZodError): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof FieldProblems;
    if (field && !problems[field]) problems[field] = (['required', 'too_long', 'invalid', 'taken'].includes(issue.message) ? issue.message : 'invalid') as FieldProblem;
  }
  return problems;
}

/** The scope a role needs, checked against the organisation as it is now. */
export async function resolveScope(
  deps: Pick<ServiceDependencies, 'db'>,
  role: RoleKey,
  chosen: { businessAreaId?: string | undefined; serviceAreaId?: string | undefined; teamId?: string | undefined },
): Promise<{ scope: Scope } | { problems: FieldProblems }> {
  const organisation = await loadOrganisation(deps.db);
  const businessAreas = new Set(organisation.map((a) => a.id));
  const serviceAreaParent = new Map(organisation.flatMap((a) => a.serviceAreas.map((s) => [s.id, a.id] as const)));
  const teamParent = new Map(organisation.flatMap((a) => a.serviceAreas.flatMap((s) => s.teams.map((t) => [t.id, s.id] as const))));
  const known = {
    businessAreaId: chosen.businessAreaId && businessAreas.has(chosen.businessAreaId) ? chosen.businessAreaId : null,
    serviceAreaId: chosen.serviceAreaId && serviceAreaParent.has(chosen.serviceAreaId) ? chosen.serviceAreaId : null,
    teamId: chosen.teamId && teamParent.has(chosen.teamId) ? chosen.teamId : null,
  };
  const scope = scopeForRole(role, known, {
    serviceAreaOfTeam: (id) => teamParent.get(id) ?? null,
    businessAreaOfServiceArea: (id) => serviceAreaParent.get(id) ?? null,
  });
  if (scope) return { scope };
  const field = role === 'head_of_service' ? 'serviceAreaId' : role === 'responding_manager' ? 'teamId' : 'businessAreaId';
  return { problems: { [field]: 'scope_required' } };
}

/** The name of the administrator making a change, for the email that tells the account holder of it. */
export async function actorName(db: Executor, actorId: string): Promise<string> {
  return (await findStaffAccount(db, actorId))?.fullName ?? '';
}

/**
 * The account an administrator asks to reset, deactivate or reactivate, when they may: it exists,
 * it is not their own, and its role is one they may administer (a national role's only from
 * national office). Otherwise, why not.
 */
export async function accountToAdminister(
  deps: Pick<ServiceDependencies, 'db'>,
  actor: StaffActor,
  id: string,
): Promise<{ account: StaffAccount } | { refused: 'not_found' | 'own_account' | 'national_office_only' }> {
  const account = await findStaffAccount(deps.db, id);
  if (!account) return { refused: 'not_found' };
  if (account.id === actor.id) return { refused: 'own_account' };
  if (!mayAdministerAccess(actor, { current: account.role, next: account.role })) return { refused: 'national_office_only' };
  return { account };
}
