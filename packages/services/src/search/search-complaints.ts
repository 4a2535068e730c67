import { can, visibleScopes } from '@complaints/auth';
import { type QueueRow, findVisibleComplaintByReference, queueRowsByIds, recordAudit, searchVisibleComplaints, type ComplaintSearch } from '@complaints/db';
import { type SearchKind, type SearchProblem, SEARCH_LIMITS, parseSearchQuery, searchPageCount } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import type { CaseworkRequest } from '../casework/casework-context';
import { warningBoundariesToday } from '../casework/list-queue';
import { Refusal } from '../refusal';

export type SearchOutcome =
  /** Nothing typed yet: the page with an empty box. */
  | { kind: 'nothing_asked' }
  /** What was typed cannot be searched for, and why. Nothing was searched. */
  | { kind: 'problem'; problem: SearchProblem }
  /** A reference of a complaint the person may see: its page. */
  | { kind: 'found'; complaintId: string }
  | { kind: 'results'; searchedAs: SearchKind; rows: QueueRow[]; total: number; page: number; pages: number; today: string };

/**
 * Finds complaints by reference, the complainant's name, email or phone, or the court case number,
 * among those the person may see (`visibleScopes`, the rule the case page and queues follow): a
 * complaint they may not see is never found, exactly as one that does not exist. Each search is
 * audited with who and when and what kind of thing was searched for, never the words.
 */
export async function searchComplaints(deps: ServiceDependencies, request: CaseworkRequest, input: { text: string; page: number }): Promise<SearchOutcome> {
  const { actor } = request;
  if (!can(actor, 'search_complaints')) throw new Refusal('not_allowed');
  if (input.text.trim() === '') return { kind: 'nothing_asked' };
  const parsed = parseSearchQuery(input.text);
  if (!parsed.ok) return { kind: 'problem', problem: parsed.problem };
  const { query } = parsed;
  const scopes = visibleScopes(actor);
  await recordAudit(deps.db, { staffId: actor.id, action: 'complaints.searched', subject: `search:${query.kind}`, requestId: request.requestId });

  let search: ComplaintSearch;
  if (query.kind === 'reference') {
    const complaintId = await findVisibleComplaintByReference(deps.db, { reference: query.reference, scopes });
    if (complaintId !== null) return { kind: 'found', complaintId };
    if (query.alsoName === null) return results(deps, 'reference', [], 0, 1);
    search = { kind: 'name', words: query.alsoName.words };
  } else {
    search = query;
  }
  const size = SEARCH_LIMITS.pageSize;
  const first = await searchVisibleComplaints(deps.db, { search, scopes, limit: size, offset: (input.page - 1) * size });
  const pages = searchPageCount(first.total);
  // A page past the end shows the last page rather than nothing.
  const page = Math.min(input.page, pages);
  const ids = page === input.page ? first.ids : (await searchVisibleComplaints(deps.db, { search, scopes, limit: size, offset: (page - 1) * size })).ids;
  return results(deps, query.kind, ids, first.total, page);
}

async function results(deps: ServiceDependencies, searchedAs: SearchKind, ids: string[], total: number, page: number): Promise<SearchOutcome> {
  const { today, boundaries } = await warningBoundariesToday(deps);
  const rows = await queueRowsByIds(deps.db, ids, boundaries);
  return { kind: 'results', searchedAs, rows, total, page, pages: searchPageCount(total), today };
}
