import type { StaffActor } from '@complaints/auth';
import { insertTeam, loadOrganisation, updateTeam } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { ensureCapability } from '../access/access-denied';
import { organisationProblems, teamSchema } from './organisation-input';
import { codeTakenByAnother, type OrganisationSave, writeOrganisationUnit } from './organisation-save';

const team = {
  subject: 'team',
  added: 'organisation.team_added',
  changed: 'organisation.team_changed',
  insert: insertTeam,
  update: updateTeam,
} as const;

/** Adds a team to a service area, or changes one: code, names and the contact details letters give. */
export async function saveTeam(
  deps: ServiceDependencies,
  actor: StaffActor,
  id: string | null,
  input: Record<string, unknown>,
  requestId?: string,
): Promise<OrganisationSave> {
  ensureCapability(actor, 'manage_organisation');
  const organisation = await loadOrganisation(deps.db);
  const serviceAreas = organisation.flatMap((a) => a.serviceAreas);
  if (id && !serviceAreas.some((s) => s.teams.some((t) => t.id === id))) return { outcome: 'not_found' };
  const parsed = teamSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', problems: organisationProblems(parsed.error) };
  const v = parsed.data;
  if (!serviceAreas.some((s) => s.id === v.serviceAreaId)) return { outcome: 'invalid', problems: { serviceAreaId: 'required' } };
  if (await codeTakenByAnother(deps, 'teams', v.code, id)) return { outcome: 'invalid', problems: { code: 'taken' } };
  const values = { serviceAreaId: v.serviceAreaId, code: v.code, name: { en: v.nameEn, cy: v.nameCy }, email: v.email, phone: v.phone, postalAddress: v.postalAddress };
  return writeOrganisationUnit(deps, actor, team, id, values, requestId);
}
