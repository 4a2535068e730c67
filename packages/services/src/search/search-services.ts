import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { searchComplaints } from './search-complaints';

export type { SearchOutcome } from './search-complaints';

/** Finding a complaint from the back office's header. */
export function createSearchServices(deps: ServiceDependencies) {
  return {
    searchComplaints: (request: CaseworkRequest, input: { text: string; page: number }) => searchComplaints(deps, request, input),
  };
}

export type SearchServices = ReturnType<typeof createSearchServices>;
