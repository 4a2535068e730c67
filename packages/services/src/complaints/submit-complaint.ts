import {
  enqueueOutboxMessages,
  hitRateLimit,
  findComplaintByIdempotencyKey,
  lockFormDraft,
  markFormDraftSent,
  type Transaction,
} from '@complaints/db';
import {
  COMPLAINT_FLOWS,
  complaintFromAnswers,
  fieldProblems,
  type FlowDefinition,
  type FlowId,
  firstUnansweredPage,
  flattenFields,
  MOVES,
  newComplaintSchema,
  readDraftData,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import type { FormPost } from '../drafts/save-form-page';
import { draftExpiry, draftIdOf } from '../drafts/form-draft-token';
import { screenFormPost } from '../protection/screen-form-post';
import { addressBucket } from '../protection/secrets';
import { loadProcessSettings } from '../settings/process-settings';
import { complaintReceivedEmail } from './complaint-received-email';
import { complaintFormWords } from './complaint-wording';
import { recordNewComplaint } from './record-new-complaint';

export type SubmittedComplaint =
  /** Too many posts from this address (`posts`), or too many complaints sent from it (`sends`): the draft is kept. */
  | { kind: 'rate-limited'; retryAfterSeconds: number; limit: 'posts' | 'sends' }
  | { kind: 'ignored' }
  /** No draft behind the cookie: it expired, or the cookie is gone. */
  | { kind: 'no-draft' }
  /** The page sent was not the latest "check your answers" of this draft. */
  | { kind: 'stale' }
  /** Something still needs an answer: that page comes first. */
  | { kind: 'unanswered'; pageId: string }
  /** The complaint is recorded. `repeated` when this was a second send of the same form. */
  | { kind: 'sent'; reference: string; complaintId: string; repeated: boolean };

/**
 * Sends a complaint form. In one transaction: the draft is locked (so a double click or a repeated
 * POST waits for the first and then finds its complaint), the answers become the complaint, which
 * is recorded with its points, due dates and first event under the form instance key, the draft's
 * files move to it, "we have your complaint" is queued by email when there is an address to send
 * it to, and the draft remembers the complaint. The unique form instance key is the last guard: a
 * send that loses a race on it is answered with the complaint that won.
 */
export async function submitComplaint(
  deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>,
  input: { flow: FlowId; token: string | null; formKey: string; pageLanguage: 'en' | 'cy'; trackUrl?: string | undefined; post: FormPost },
): Promise<SubmittedComplaint> {
  const screening = await screenFormPost(deps, input.post);
  if (screening.outcome !== 'allowed') return screening.outcome === 'ignored' ? { kind: 'ignored' } : { kind: 'rate-limited', retryAfterSeconds: screening.retryAfterSeconds, limit: 'posts' };
  const draftId = draftIdOf(input.token);
  if (!draftId) return { kind: 'no-draft' };
  const flow = COMPLAINT_FLOWS[input.flow];
  const settings = await loadProcessSettings(deps.db);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction((tx) => sendDraft(tx, deps, flow, { ...input, draftId, now, settings, clientIp: input.post.clientIp, sends: input.post.limits.sends }));
  } catch (error) {
    const winner = input.formKey ? await findComplaintByIdempotencyKey(deps.db, input.formKey) : null;
    if (winner) return { kind: 'sent', reference: winner.reference, complaintId: winner.id, repeated: true };
    throw error;
  }
}

async function sendDraft(
  tx: Transaction,
  deps: Pick<ServiceDependencies, 'randomBytes'>,
  flow: FlowDefinition,
  input: {
    draftId: string;
    formKey: string;
    pageLanguage: 'en' | 'cy';
    trackUrl?: string | undefined;
    now: Date;
    settings: Awaited<ReturnType<typeof loadProcessSettings>>;
    clientIp: string;
    sends: { limit: number; windowSeconds: number };
  },
): Promise<SubmittedComplaint> {
  const draft = await lockFormDraft(tx, input.draftId, input.now);
  if (!draft || draft.flow !== flow.id) return { kind: 'no-draft' };
  const data = readDraftData(draft.data);
  if (draft.complaintId) {
    const sent = await findComplaintByIdempotencyKey(tx, input.formKey);
    return sent && sent.id === draft.complaintId ? { kind: 'sent', reference: sent.reference, complaintId: sent.id, repeated: true } : { kind: 'stale' };
  }
  if (!data.formKey || data.formKey !== input.formKey) return { kind: 'stale' };

  const unanswered = firstUnansweredPage(flow, data);
  if (unanswered) return { kind: 'unanswered', pageId: unanswered.id };
  const complainantLanguage = data.answers.language === 'cy' ? 'cy' : input.pageLanguage;
  const helpingNote = complaintFormWords(complainantLanguage, 'adult');
  const parsed = newComplaintSchema.safeParse(
    complaintFromAnswers(flow, data.answers, { pageLanguage: input.pageLanguage, helpingNote: (name) => (name ? helpingNote('helpingNote', { name }) : helpingNote('helpingNoteUnnamed')) }),
  );
  if (!parsed.success) return { kind: 'unanswered', pageId: pageOfProblem(flow, fieldProblems(parsed.error)[0]?.field) };
  const complaint = parsed.data;

  // Complaints sent from one address are counted here, in the sending transaction, once the form
  // is known to be complete: a second press of the button (above) is not another complaint, and a
  // refusal changes nothing but the count, so the draft is kept to send later.
  const sends = await hitRateLimit(tx, addressBucket('complaint-send', input.clientIp), { ...input.sends, now: input.now });
  if (!sends.allowed) return { kind: 'rate-limited', retryAfterSeconds: sends.retryAfterSeconds, limit: 'sends' };

  // A new complaint enters the lifecycle by its "submit" move, made by the complainant.
  const recorded = await recordNewComplaint(tx, deps, input.settings, complaint, {
    receivedAt: input.now,
    state: MOVES.submit.to,
    idempotencyKey: input.formKey,
    actor: { type: 'complainant' },
  });
  const email = complaint.complainant.email;
  const queued: Array<Promise<unknown>> = [];
  if (email) {
    const message = complaintReceivedEmail({
      reference: recorded.reference,
      language: complaint.language,
      audience: complaint.audience,
      fullName: complaint.complainant.fullName,
      receivedOn: recorded.receivedOn,
      acknowledgeDueOn: recorded.dueDates.acknowledgeDueOn,
      responseDueOn: recorded.dueDates.responseDueOn,
      trackUrl: input.trackUrl,
    });
    queued.push(enqueueOutboxMessages(tx, [
      {
        complaintId: recorded.id,
        channel: 'email',
        template: 'complaint_received',
        recipient: email,
        language: complaint.language,
        audience: complaint.audience,
        payload: message,
        dedupeKey: `complaint_received:${recorded.id}`,
      },
    ]));
  }
  // The draft's files go with it, and the draft remembers the complaint for the confirmation page;
  // sent with the email's row, in one round trip.
  queued.push(markFormDraftSent(tx, draft.id, recorded.id, { now: input.now, expiresAt: draftExpiry(input.now) }));
  await Promise.all(queued);
  return { kind: 'sent', reference: recorded.reference, complaintId: recorded.id, repeated: false };
}

/** The page that asks the field a problem is about (e.g. `complainant.email` → the contact page). */
function pageOfProblem(flow: FlowDefinition, field: string | undefined): string {
  const parts = (field ?? '').split('.');
  const page = flow.pages.find((p) => flattenFields(p.fields).some((f) => parts.includes(f.name)));
  return (page ?? flow.pages[0]!).id;
}
