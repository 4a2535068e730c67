import type { StaffActor } from '@complaints/auth';
import { type Executor, findStaffAccount, organisationCodes, recordAudit } from '@complaints/db';
import type { RoleKey } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import type { OrganisationProblems } from './organisation-input';
import { forgetServiceAreaChoices } from './service-area-choices';

export type OrganisationSave = { outcome: 'saved'; id: string } | { outcome: 'not_found' } | { outcome: 'invalid'; problems: OrganisationProblems };

/** Whether another business area, service area or team (codes are unique at each level) has this code, in any case. */
export async function codeTakenByAnother(
  deps: ServiceDependencies,
  level: 'businessAreas' | 'serviceAreas' | 'teams',
  code: string,
  id: string | null,
): Promise<boolean> {
  const taken = (await organisationCodes(deps.db))[level].get(code.toLowerCase());
  return taken !== undefined && taken !== id;
}

/** Whether the person named to a post is an active member of staff with the role the post needs. */
export async function holdsRole(deps: ServiceDependencies, staffId: string, role: RoleKey): Promise<boolean> {
  const person = /^[0-9a-f-]{36}$/i.test(staffId) ? await findStaffAccount(deps.db, staffId) : null;
  return person !== null && person.active && person.role === role;
}

export type OrganisationUnit<V> = {
  /** How the audit trail names the unit: `business_area:<id>`. */
  subject: 'business_area' | 'service_area' | 'team';
  added: string;
  changed: string;
  insert: (tx: Executor, values: V) => Promise<string>;
  update: (tx: Executor, id: string, values: V) => Promise<void>;
};

/** Adds the unit, or changes it when it has an id, and audits which, in one transaction. */
export async function writeOrganisationUnit<V>(
  deps: ServiceDependencies,
  actor: StaffActor,
  unit: OrganisationUnit<V>,
  id: string | null,
  values: V,
  requestId?: string,
): Promise<OrganisationSave> {
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const unitId = id ?? (await unit.insert(tx, values));
    if (id) await unit.update(tx, id, values);
    await recordAudit(tx, { staffId: actor.id, action: id ? unit.changed : unit.added, subject: `${unit.subject}:${unitId}`, requestId: requestId ?? null }, now);
    return unitId;
  });
  forgetServiceAreaChoices(deps.db);
  return { outcome: 'saved', id: saved };
}
