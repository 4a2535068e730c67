import { randomBytes } from 'node:crypto';
import { type Database, insertFormDraft } from '@complaints/db';
import { adultFlow, complaintFromAnswers, firstUnansweredPage, type FormDraftData, newComplaintSchema, shownPages } from '@complaints/domain';
import { draftIdOf } from '../drafts/form-draft-token';

/** A complete adult form, as a draft holds it just before "Send complaint". */
export function completeAdultAnswers(i: number): FormDraftData['answers'] {
  return {
    role: 'parent_or_carer',
    fullName: `Test Complainant ${i}`,
    serviceAreaId: 'unknown',
    areaGiven: 'Swansea',
    points: [{ text: `Nobody called me back (${i}).`, happenedOn: '2026-02-03' }, { text: 'The report named the wrong school.' }],
    desiredOutcome: 'An apology.',
    preferredContact: 'email',
    email: `complainant${i}@example.com`,
    language: i % 2 === 0 ? 'en' : 'cy',
    supportNeeds: [],
    privacyAccepted: true,
  };
}

export type CompleteDraft = {
  /** The draft's id (the hash of its token). */
  id: string;
  /** What the browser's form cookie holds. */
  token: string;
  /** The form instance key the final "Send complaint" carries. */
  formKey: string;
};

/**
 * Complete adult drafts made straight in the database, ready for the final "Send complaint" POST:
 * for tests and benchmarks of sending thousands of forms, where driving every question page over
 * HTTP would measure the pages rather than the sending. Refuses to make a draft the form itself
 * would not accept, so a change to the form's questions shows here first.
 */
export async function insertCompleteAdultDrafts(db: Database, count: number, options: { from?: number; now?: Date } = {}): Promise<CompleteDraft[]> {
  const from = options.from ?? 0;
  const completed = shownPages(adultFlow, completeAdultAnswers(from)).map((p) => p.id);
  const probe: FormDraftData = { answers: completeAdultAnswers(from), completed, formKey: 'probe' };
  if (firstUnansweredPage(adultFlow, probe) || !newComplaintSchema.safeParse(complaintFromAnswers(adultFlow, probe.answers, { pageLanguage: 'en', helpingNote: () => '' })).success) {
    throw new Error('The prepared draft is not a complete form: the form has changed, so change completeAdultAnswers to match.');
  }
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  const drafts: CompleteDraft[] = [];
  for (let i = from; i < from + count; i += 1) {
    const token = randomBytes(32).toString('base64url');
    const formKey = randomBytes(18).toString('base64url');
    const id = draftIdOf(token)!;
    await insertFormDraft(db, { id, flow: 'adult', data: { answers: completeAdultAnswers(i), completed, formKey }, now, expiresAt });
    drafts.push({ id, token, formKey });
  }
  return drafts;
}
