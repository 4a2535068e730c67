import { findLetter, listLetterVersions, listQualityReviews, recordAudit, type StoredLetter, type StoredQualityReview } from '@complaints/db';
import type { DocumentSource } from '@complaints/documents';
import { renderPlainText } from '@complaints/documents';
import { diffWordsWithSpace } from 'diff';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, hasTrackingCodeSlot } from '../letters/letter-document';
import { type MoveOffer, offeredMoves } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import { type CaseworkRequest, isUuid, visibleComplaint } from './casework-context';

export type LetterComparison = {
  from: number;
  to: number;
  /** The words of the later version against the earlier: kept, added or taken out. */
  changes: Array<{ change: 'same' | 'added' | 'removed'; text: string }>;
};

export type LetterPage = {
  complaintId: string;
  reference: string;
  letter: Omit<StoredLetter, 'document' | 'html'>;
  /** Null for a letter kept only as HTML. */
  document: DocumentSource | null;
  html: string;
  /** A posted letter that carries a tracking code, issued afresh each time it is printed. */
  printsTrackingCode: boolean;
  /** Every version, oldest first, and every quality review with the version it was of. */
  versions: Array<{ version: number; subject: string; authorName: string | null; createdAt: Date }>;
  reviews: StoredQualityReview[];
  /** What this person may do to this letter now, as the lifecycle says. */
  moves: MoveOffer[];
  comparison: LetterComparison | null;
};

/** A version's words as they read: from its document, or from its HTML when it was kept only as HTML. */
function plainText(version: { document: Record<string, unknown> | null; html: string }): string {
  const source = fromStoredDocument(version.document);
  return source ? renderPlainText(fillTrackingCode(source, null)) : version.html.replace(/<[^>]+>/g, ' ');
}

/**
 * A letter of a complaint, on screen, for someone who may see the complaint: the current version,
 * every earlier one, the quality reviews with their comments, the moves open on it now, and, when
 * asked, two versions compared word by word.
 */
export async function viewLetter(
  deps: ServiceDependencies,
  request: CaseworkRequest,
  complaintId: string,
  letterId: string,
  options: { compare?: { from: number; to: number } | null } = {},
): Promise<LetterPage> {
  const access = await visibleComplaint(deps.db, request.actor, complaintId);
  if (!isUuid(letterId)) throw new Refusal('not_found');
  const stored = await findLetter(deps.db, complaintId, letterId);
  if (!stored) throw new Refusal('not_found');
  const [versions, reviews, offered] = await Promise.all([
    listLetterVersions(deps.db, letterId),
    listQualityReviews(deps.db, { letterId }),
    offeredMoves(deps.db, request, access),
  ]);
  let comparison: LetterComparison | null = null;
  const compare = options.compare;
  if (compare) {
    const from = versions.find((v) => v.version === compare.from);
    const to = versions.find((v) => v.version === compare.to);
    if (!from || !to) throw new Refusal('not_found');
    comparison = {
      from: from.version,
      to: to.version,
      changes: diffWordsWithSpace(plainText(from), plainText(to)).map((c) => ({ change: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })),
    };
  }
  const source = fromStoredDocument(stored.document);
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'letter.viewed', complaintId, subject: `letter:${letterId}`, requestId: request.requestId });
  const { document: _document, html, ...letter } = stored;
  return {
    complaintId,
    reference: access.reference,
    letter,
    document: source ? fillTrackingCode(source, null) : null,
    html,
    printsTrackingCode: stored.delivery === 'post' && source !== null && hasTrackingCodeSlot(source),
    versions: versions.map(({ version, subject, authorName, createdAt }) => ({ version, subject, authorName, createdAt })),
    reviews,
    moves: offered.letters[letterId] ?? [],
    comparison,
  };
}
