import { type Executor, listServiceAreaChoices, type OrganisationChoices } from '@complaints/db';

const CACHE_MS = 30_000;
const cache = new WeakMap<object, { at: number; areas: Promise<OrganisationChoices['serviceAreas']> }>();

/**
 * The service areas with their business areas, as a queue's area filter offers them: read from the
 * database and kept for 30 seconds, so a queue page does not re-read them on every request (they
 * change a few times a year). Saving a business area, service area or team calls
 * `forgetServiceAreaChoices`; that reaches this process only, and another keeps what it read until
 * its 30 seconds are up, as with the process settings.
 */
export function loadServiceAreaChoices(db: Executor, now: number = performance.now()): Promise<OrganisationChoices['serviceAreas']> {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.areas;
  const areas = listServiceAreaChoices(db);
  cache.set(db, { at: now, areas });
  areas.catch(() => cache.delete(db));
  return areas;
}

export function forgetServiceAreaChoices(db: Executor): void {
  cache.delete(db);
}
