import { can, canViewReport, type StaffActor } from '@complaints/auth';
import { listServiceAreaChoices } from '@complaints/db';
import type { ReportScope } from '@complaints/domain';
import type { ReportDependencies } from './quarterly-report';
import { Refusal } from '../refusal';

/** A scope a person may read the report of, with its name in both languages (null for the organisation). */
export type ReportScopeChoice = { scope: ReportScope; nameEn: string | null; nameCy: string | null };

/**
 * The scopes this person may read the quarterly report of, widest first (the organisation, then
 * business areas, then service areas), each kept only when `canViewReport` lets them read it.
 * Refuses with `not_allowed` when they may read none.
 */
export async function reportScopes(deps: ReportDependencies, request: { actor: StaffActor }): Promise<ReportScopeChoice[]> {
  const { actor } = request;
  if (!can(actor, 'view_reports')) throw new Refusal('not_allowed');
  const areas = await listServiceAreaChoices(deps.db);
  const choices: Array<ReportScopeChoice & { within: string | null }> = [{ scope: { kind: 'organisation' }, nameEn: null, nameCy: null, within: null }];
  const businessAreas = new Map<string, { nameEn: string; nameCy: string }>();
  for (const area of areas) businessAreas.set(area.businessAreaId, { nameEn: area.businessAreaNameEn, nameCy: area.businessAreaNameCy });
  for (const [id, names] of businessAreas) choices.push({ scope: { kind: 'business_area', businessAreaId: id }, ...names, within: null });
  for (const area of areas) {
    choices.push({ scope: { kind: 'service_area', serviceAreaId: area.id }, nameEn: area.nameEn, nameCy: area.nameCy, within: area.businessAreaId });
  }
  const allowed = choices.filter((c) => canViewReport(actor, c.scope, c.within)).map(({ scope, nameEn, nameCy }) => ({ scope, nameEn, nameCy }));
  if (allowed.length === 0) throw new Refusal('not_allowed');
  return allowed;
}
