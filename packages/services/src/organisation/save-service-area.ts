import type { StaffActor } from '@complaints/auth';
import { findStaffAccount, insertServiceArea, loadOrganisation, organisationCodes, recordAudit, updateServiceArea } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { organisationProblems, serviceAreaSchema } from './organisation-input';
import type { OrganisationSave } from './save-business-area';

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
  const taken = (await organisationCodes(deps.db)).serviceAreas.get(v.code.toLowerCase());
  if (taken && taken !== id) return { outcome: 'invalid', problems: { code: 'taken' } };
  if (v.headOfServiceId) {
    const person = /^[0-9a-f-]{36}$/i.test(v.headOfServiceId) ? await findStaffAccount(deps.db, v.headOfServiceId) : null;
    if (!person || !person.active || person.role !== 'head_of_service') return { outcome: 'invalid', problems: { headOfServiceId: 'wrong_role' } };
  }
  const values = { businessAreaId: v.businessAreaId, code: v.code, name: { en: v.nameEn, cy: v.nameCy }, nation: v.nation, headOfServiceId: v.headOfServiceId };
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const areaId = id ?? (await insertServiceArea(tx, values));
    if (id) await updateServiceArea(tx, id, values);
    await recordAudit(tx, { staffId: actor.id, action: id ? 'organisation.service_area_changed' : 'organisation.service_area_added', subject: `service_area:${areaId}`, requestId: requestId ?? null }, now);
    return areaId;
  });
  return { outcome: 'saved', id: saved };
}
