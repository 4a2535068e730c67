import { insertQualityReview, markLetterApproved } from '@complaints/db';
import { optionalText, requiredText } from '@complaints/domain';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { type MoveContext, type MoveUseCase, runMove } from '../lifecycle/run-move';

/**
 * A CSQ manager's quality assurance of a letter: approved, or returned with comments for the
 * writer to act on. Each review is kept against the version it was of, so every comment can be
 * read beside the letter it was about. Nobody reviews a letter they wrote or last changed, and a
 * response with a point unanswered cannot be approved (the lifecycle's guards).
 */

export const QUALITY_REVIEW_LIMITS = { comments: 5000 } as const;

const approveInput = z.object({ comments: optionalText('comments', QUALITY_REVIEW_LIMITS.comments) });
const returnInput = z.object({ comments: requiredText('comments', QUALITY_REVIEW_LIMITS.comments) });

/** Keeps the review against the version it was of; an approval also marks the letter approved. */
async function recordReview(
  { tx, complaint, letter, staff, stage, now }: MoveContext,
  outcome: 'approved' | 'returned',
  comments: string | null,
) {
  const l = letter!;
  const reviewId = await insertQualityReview(tx, {
    complaintId: complaint.id,
    letterId: l.id,
    kind: 'letter',
    letterVersion: l.version,
    stage,
    outcome,
    comments,
    reviewerId: staff!.id,
    at: now,
  });
  if (outcome === 'approved') await markLetterApproved(tx, l.id, { staffId: staff!.id, at: now, automatically: false });
  return { payload: { letterId: l.id, kind: l.kind, version: l.version, reviewId }, result: { reviewId } };
}

export const approveLetterMove: MoveUseCase<'approve_letter', z.output<typeof approveInput>, { reviewId: string }> = {
  move: 'approve_letter',
  input: approveInput,
  apply: (context, input) => recordReview(context, 'approved', input.comments ?? null),
};

export const returnLetterMove: MoveUseCase<'return_letter', z.output<typeof returnInput>, { reviewId: string }> = {
  move: 'return_letter',
  input: returnInput,
  apply: (context, input) => recordReview(context, 'returned', input.comments),
};

export function approveLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string, input: unknown) {
  return runMove(deps, request, approveLetterMove, { complaintId, letterId }, input);
}

export function returnLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string, input: unknown) {
  return runMove(deps, request, returnLetterMove, { complaintId, letterId }, input);
}
