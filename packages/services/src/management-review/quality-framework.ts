import { findCurrentFramework, findFrameworkVersion, type FrameworkVersionSummary, insertFrameworkVersion, listFrameworkVersions, lockFrameworkVersions, recordAudit } from '@complaints/db';
import { judgeFrameworkEdit, type QualityFramework } from '@complaints/domain';
import { z } from 'zod';
import { ensureCapability } from '../access/access-denied';
import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from '../letter-templates/letter-template-key';
import { Refusal } from '../refusal';

export type QualityFrameworkPage = { current: QualityFramework; versions: FrameworkVersionSummary[] };

/** The framework in use and every earlier version, for national office. */
export async function viewQualityFramework(deps: Pick<ServiceDependencies, 'db'>, request: AdministrationRequest): Promise<QualityFrameworkPage> {
  ensureCapability(request.actor, 'manage_quality_framework');
  const [current, versions] = await Promise.all([findCurrentFramework(deps.db), listFrameworkVersions(deps.db)]);
  if (!current) throw new Refusal('not_found');
  return { current, versions };
}

/** One version of the framework, as it was saved. */
export async function viewQualityFrameworkVersion(deps: Pick<ServiceDependencies, 'db'>, request: AdministrationRequest, version: number): Promise<QualityFramework> {
  ensureCapability(request.actor, 'manage_quality_framework');
  const found = Number.isInteger(version) && version > 0 ? await findFrameworkVersion(deps.db, version) : null;
  if (!found) throw new Refusal('not_found');
  return found;
}

const base = z.object({ baseVersion: z.coerce.number().int().min(0) });

/**
 * Saves national office's edit of the framework (domains, their descriptors, the grades) as its
 * next version: reviews from now on are made against it, and every review already made keeps the
 * version it used. An edit that leaves the framework as it was saves nothing; an edit of a version
 * someone else has replaced meanwhile is refused, so their change is not overwritten unseen.
 */
export async function saveQualityFramework(deps: Pick<ServiceDependencies, 'db' | 'clock'>, request: AdministrationRequest, raw: unknown): Promise<{ version: number }> {
  ensureCapability(request.actor, 'manage_quality_framework');
  const parsedBase = base.safeParse(raw);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockFrameworkVersions(tx);
    const current = await findCurrentFramework(tx);
    if (!current) throw new Refusal('not_found');
    if (!parsedBase.success || parsedBase.data.baseVersion !== current.version) throw Refusal.invalid([{ field: 'items', message: 'framework.changedMeanwhile' }]);
    const judged = judgeFrameworkEdit(raw, current);
    if (!judged.ok) throw Refusal.invalid(judged.problems);
    if (!judged.changed) throw new Refusal('nothing_changed');
    const version = await insertFrameworkVersion(tx, { ...judged.framework, createdBy: request.actor.id, at: now });
    await recordAudit(tx, { staffId: request.actor.id, action: 'quality_framework.version_added', subject: `quality_framework:${version}`, requestId: request.requestId }, now);
    return { version };
  });
}

/** National office's editing of the quality framework, bound once. */
export function createQualityFrameworkServices(deps: ServiceDependencies) {
  return {
    view: (request: AdministrationRequest) => viewQualityFramework(deps, request),
    viewVersion: (request: AdministrationRequest, version: number) => viewQualityFrameworkVersion(deps, request, version),
    save: (request: AdministrationRequest, input: unknown) => saveQualityFramework(deps, request, input),
  };
}
export type QualityFrameworkServices = ReturnType<typeof createQualityFrameworkServices>;
