import type { StaffActor } from '@complaints/auth';
import { insertBusinessArea, loadOrganisation, updateBusinessArea } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { businessAreaSchema, organisationProblems } from './organisation-input';
import { codeTakenByAnother, holdsRole, type OrganisationSave, writeOrganisationUnit } from './organisation-save';

const businessArea = {
  subject: 'business_area',
  added: 'organisation.business_area_added',
  changed: 'organisation.business_area_changed',
  insert: insertBusinessArea,
  update: updateBusinessArea,
} as const;

/**
 * Adds a business area, or changes one: its code, names in English and Welsh, contact details
 * and its one CSQ administrator (who must have that role), where its complaints go first.
 */
export async function saveBusinessArea(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string | null,
  input: Record<string, unknown>,
  requestId?: string,
): Promise<OrganisationSave> {
  ensureCapability(actor, 'manage_organisation');
  if (id && !(await loadOrganisation(deps.db)).some((a) => a.id === id)) return { outcome: 'not_found' };
  const parsed = businessAreaSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: organisationProblems(parsed.error) };
  const v = parsed.data;
  if (await codeTakenByAnother(deps, 'businessAreas', v.code, id)) return { outcome: 'invalid', problems: { code: 'taken' } };
  if (v.csqAdministratorId && !(await holdsRole(deps, v.csqAdministratorId, 'csq_administrator'))) {
    return { outcome: 'invalid', problems: { csqAdministratorId: 'wrong_role' } };
  }
  const values = { code: v.code, name: { en: v.nameEn, cy: v.nameCy }, email: v.email, phone: v.phone, postalAddress: v.postalAddress, csqAdministratorId: v.csqAdministratorId };
  return writeOrganisationUnit(deps, actor, businessArea, id, values, requestId);
}
