import type { StaffActor } from '@complaints/auth';
import { type Executor, findPlacement, listOrganisationChoices, type OrganisationChoices } from '@complaints/db';
import type { FieldProblem } from '@complaints/domain';

/**
 * Where a complaint belongs in the organisation (service area, team, practitioner), as chosen by
 * staff: it must hold together (the team in the area, the practitioner in the team), and staff
 * scoped to a business area place complaints in their own area only, so they keep sight of what
 * they log.
 */

export type PlacementChoice = { serviceAreaId: string | null; teamId: string | null; practitionerId: string | null };
export type Placement = PlacementChoice & { businessAreaId: string | null };

/** The areas, teams and practitioners this person may place a complaint in. */
export async function placementChoices(db: Executor, actor: StaffActor): Promise<OrganisationChoices> {
  const all = await listOrganisationChoices(db);
  if (actor.role === 'national_office') return all;
  const areas = all.serviceAreas.filter((a) => actor.businessAreaId !== null && a.businessAreaId === actor.businessAreaId);
  const areaIds = new Set(areas.map((a) => a.id));
  const teams = all.teams.filter((t) => areaIds.has(t.serviceAreaId));
  const teamIds = new Set(teams.map((t) => t.id));
  return { serviceAreas: areas, teams, practitioners: all.practitioners.filter((p) => teamIds.has(p.teamId)) };
}

/**
 * Checks a choice and fills in what follows from it (a practitioner's team, a team's area, the
 * area's business area). Problems name the field that is wrong.
 */
export async function resolvePlacement(
  db: Executor,
  actor: StaffActor,
  choice: PlacementChoice,
  fields: { serviceArea: string; team: string; practitioner: string },
): Promise<{ ok: true; placement: Placement } | { ok: false; problems: FieldProblem[] }> {
  const found = await findPlacement(db, choice);
  const problems: FieldProblem[] = [];
  if (choice.serviceAreaId && !found.serviceArea) problems.push({ field: fields.serviceArea, message: 'serviceArea.invalid' });
  if (choice.teamId && !found.team) problems.push({ field: fields.team, message: 'team.invalid' });
  if (choice.practitionerId && !found.practitioner) problems.push({ field: fields.practitioner, message: 'practitioner.invalid' });
  if (problems.length > 0) return { ok: false, problems };

  const teamId = choice.teamId ?? null;
  if (found.practitioner && teamId !== null && found.practitioner.teamId !== teamId) {
    problems.push({ field: fields.practitioner, message: 'practitioner.notInTeam' });
  }
  const resolvedTeamId = teamId ?? found.practitioner?.teamId ?? null;
  let serviceAreaId = choice.serviceAreaId ?? null;
  if (resolvedTeamId !== null) {
    const team = found.team ?? (await findPlacement(db, { serviceAreaId: null, teamId: resolvedTeamId, practitionerId: null })).team;
    if (team && serviceAreaId !== null && team.serviceAreaId !== serviceAreaId) problems.push({ field: fields.team, message: 'team.notInArea' });
    serviceAreaId = serviceAreaId ?? team?.serviceAreaId ?? null;
  }
  if (problems.length > 0) return { ok: false, problems };

  const area = serviceAreaId ? (found.serviceArea ?? (await findPlacement(db, { serviceAreaId, teamId: null, practitionerId: null })).serviceArea) : null;
  const businessAreaId = area?.businessAreaId ?? null;
  if (actor.role !== 'national_office' && businessAreaId !== null && businessAreaId !== actor.businessAreaId) {
    return { ok: false, problems: [{ field: fields.serviceArea, message: 'serviceArea.notYours' }] };
  }
  return { ok: true, placement: { serviceAreaId, teamId: resolvedTeamId, practitionerId: choice.practitionerId ?? null, businessAreaId } };
}
