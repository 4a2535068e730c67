import type { StaffActor } from '@complaints/auth';
import { insertServiceArea, loadOrganisation, updateServiceArea } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { organisationProblems, serviceAreaSchema } from './organisation-input';
import { codeTakenByAnother, holdsRole, type OrganisationSave, writeOrganisationUnit } from './organisation-save';

const serviceArea = {
  subject: 'service_area',
  added: 'organisation.service_area_added',
  changed: 'organisation.service_area_changed',
  insert: insertServiceArea,
  update: updateServiceArea,
} as const;

/**
 * Adds a service area to a business area, or changes one: code, names, the nation it serves
 * (Wales decides which Ombudsman complainants are told of) and its Head of Service.
 */
export async function saveServiceArea(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string | null,
  input: Record<string, unknown>,
  requestId?: string,
): Promise<OrganisationSave> {
  ensureCapability(actor, 'manage_organisation');
  const organisation = await loadOrganisation(deps.db);
  if (id && !organisation.some((a) => a.serviceAreas.some((s) => s.id === id))) return { outcome: 'not_found' };
  const parsed = serviceAreaSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: organisationProblems(parsed.error) };
  const v = parsed.data;
  if (!organisation.some((a) => a.id === v.businessAreaId)) return { outcome: 'invalid', problems: { businessAreaId: 'required' } };
  if (await codeTakenByAnother(deps, 'serviceAreas', v.code, id)) return { outcome: 'invalid', problems: { code: 'taken' } };
  if (v.headOfServiceId && !(await holdsRole(deps, v.headOfServiceId, 'head_of_service'))) {
    return { outcome: 'invalid', problems: { headOfServiceId: 'wrong_role' } };
  }
  const values = { businessAreaId: v.businessAreaId, code: v.code, name: { en: v.nameEn, cy: v.nameCy }, nation: v.nation, headOfServiceId: v.headOfServiceId };
  return writeOrganisationUnit(deps, actor, serviceArea, id, values, requestId);
}
