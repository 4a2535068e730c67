import { findCaseSummary, findLetter } from '@complaints/db';
import type { DocumentSource } from '@complaints/documents';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, letterFileName, renderLetterPdf } from '../letters/letter-document';
import { isUuid } from '../casework/casework-context';
import { Refusal } from '../refusal';
import type { TrackingSession } from './tracking-session';

/**
 * A letter we sent, as its complainant reads it on the tracking page: only a letter of the
 * session's own complaint, and only once sent (drafts and letters in quality assurance are ours).
 * A posted letter's tracking code is not repeated here.
 */
async function sentLetter(deps: Pick<ServiceDependencies, 'db'>, session: TrackingSession, letterId: string): Promise<{ source: DocumentSource; kind: string }> {
  if (!isUuid(letterId)) throw new Refusal('not_found');
  const stored = await findLetter(deps.db, session.complaintId, letterId);
  const source = stored && stored.state === 'sent' ? fromStoredDocument(stored.document) : null;
  if (!stored || !source) throw new Refusal('not_found');
  return { source: fillTrackingCode(source, null), kind: stored.kind };
}

export async function viewTrackedLetter(deps: Pick<ServiceDependencies, 'db'>, session: TrackingSession, letterId: string): Promise<DocumentSource> {
  return (await sentLetter(deps, session, letterId)).source;
}

export async function downloadTrackedLetter(deps: Pick<ServiceDependencies, 'db'>, session: TrackingSession, letterId: string) {
  const { source, kind } = await sentLetter(deps, session, letterId);
  const summary = await findCaseSummary(deps.db, session.complaintId);
  if (!summary) throw new Refusal('not_found');
  return { fileName: letterFileName(summary.reference, kind), contentType: 'application/pdf' as const, bytes: await renderLetterPdf(source) };
}
