import type { StaffActor } from '@complaints/auth';
import { findStaffAccount, insertBusinessArea, loadOrganisation, organisationCodes, recordAudit, updateBusinessArea } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { businessAreaSchema, organisationProblems, type OrganisationProblems } from './organisation-input';

export type OrganisationSave = { outcome: 'saved'; id: string } | { outcome: 'not_found' } | { outcome: 'invalid'; problems: OrganisationProblems };

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
  const taken = (await organisationCodes(deps.db)).businessAreas.get(v.code.toLowerCase());
  if (taken && taken !== id) return { outcome: 'invalid', problems: { code: 'taken' } };
  if (v.csqAdministratorId) {
    const person = /^[0-9a-f-]{36}$/i.test(v.csqAdministratorId) ? await findStaffAccount(deps.db, v.csqAdministratorId) : null;
    if (!person || !person.active || person.role !== 'csq_administrator') return { outcome: 'invalid', problems: { csqAdministratorId: 'wrong_role' } };
  }
  const values = { code: v.code, name: { en: v.nameEn, cy: v.nameCy }, email: v.email, phone: v.phone, postalAddress: v.postalAddress, csqAdministratorId: v.csqAdministratorId };
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const areaId = id ?? (await insertBusinessArea(tx, values));
    if (id) await updateBusinessArea(tx, id, values);
    await recordAudit(tx, { staffId: actor.id, action: id ? 'organisation.business_area_changed' : 'organisation.business_area_added', subject: `business_area:${areaId}`, requestId: requestId ?? null }, now);
    return areaId;
  });
  return { outcome: 'saved', id: saved };
}
