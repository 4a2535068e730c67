import { type Executor, listServiceAreaChoices, type OrganisationChoices } from '@complaints/db';
import { keptForAWhile } from '../settings/kept-for-a-while';

/**
 * The service areas with their business areas, as a queue's area filter offers them: read from the
 * database and kept for 30 seconds, so a queue page does not re-read them on every request (they
 * change a few times a year). Saving a business area, service area or team calls
 * `forgetServiceAreaChoices`; that reaches this process only, and another keeps what it read until
 * its 30 seconds are up, as with the process settings.
 */
const choices = keptForAWhile<OrganisationChoices['serviceAreas']>((db) => listServiceAreaChoices(db), 30_000);

export function loadServiceAreaChoices(db: Executor, now?: number): Promise<OrganisationChoices['serviceAreas']> {
  return choices.read(db, now);
}

export function forgetServiceAreaChoices(db: Executor): void {
  choices.forget(db);
}
