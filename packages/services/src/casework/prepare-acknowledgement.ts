import {
  type ComplaintAccessFacts,
  type Executor,
  findActiveTemplate,
  findCaseComplainant,
  findCaseSummary,
  findManagerContact,
  findStageDates,
  listCasePoints,
} from '@complaints/db';
import {
  type AcknowledgementRefusal,
  type WrittenDelivery,
  acknowledgementDelivery,
  acknowledgementLetterKind,
  checkAcknowledgement,
  londonDateOf,
} from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { composeAcknowledgement } from '../letters/compose-acknowledgement';

/**
 * Why an acknowledgement cannot go. A request for a stage 2 review is acknowledged with its own
 * letter, which is not written yet, so it is refused here rather than sent in stage 1 words.
 */
export type AcknowledgementRefusalReason = AcknowledgementRefusal | 'no_safe_written_contact' | 'no_template' | 'no_manager_contact' | 'stage_two';

export type PreparedAcknowledgement =
  | {
      ok: true;
      templateId: string;
      templateVersion: number;
      kind: ReturnType<typeof acknowledgementLetterKind>;
      subject: string;
      document: DocumentSource;
      delivery: WrittenDelivery;
      /** The email address, or the postal address lines. */
      sendTo: string;
      responseDueOn: string;
    }
  | { ok: false; reason: AcknowledgementRefusalReason };

/**
 * The acknowledgement as it would go now: who it names, when, how it is sent. Used for the preview
 * and again, inside the transaction, for the letter itself, so what staff checked is what goes.
 */
export async function prepareAcknowledgement(db: Executor, facts: ComplaintAccessFacts, now: Date): Promise<PreparedAcknowledgement> {
  const allowed = checkAcknowledgement({ kind: facts.kind, responderId: facts.responderId });
  if (!allowed.ok) return allowed;
  if (facts.stage !== 1) return { ok: false, reason: 'stage_two' };
  const complainant = await findCaseComplainant(db, facts.id);
  if (!complainant) return { ok: false, reason: 'no_safe_written_contact' };
  const delivery = acknowledgementDelivery(complainant);
  if (!delivery.ok) return delivery;
  const kind = acknowledgementLetterKind(facts.kind);
  const template = await findActiveTemplate(db, { kind, audience: facts.audience, language: facts.language });
  if (!template) return { ok: false, reason: 'no_template' };
  const manager = await findManagerContact(db, facts.responderId!);
  if (!manager || !manager.active) return { ok: false, reason: 'no_manager_contact' };
  const [stage, points] = await Promise.all([findStageDates(db, facts.id, facts.stage), listCasePoints(db, facts.id)]);
  if (!stage) return { ok: false, reason: 'no_template' };
  const summary = await findCaseSummary(db, facts.id);
  if (!summary) return { ok: false, reason: 'no_template' };
  const { subject, document } = composeAcknowledgement(template, {
    reference: facts.reference,
    language: facts.language,
    audience: facts.audience,
    writtenOn: londonDateOf(now),
    receivedOn: summary.receivedOn,
    responseDueOn: stage.responseDueOn,
    complainant,
    manager,
    courtMatters: points
      .filter((p) => p.triage === 'court')
      .map((p) => ({ position: p.position, text: p.text, reason: p.triageReason ?? '', courtRoute: p.courtRoute ?? '' })),
    delivery: delivery.delivery,
  });
  const sendTo =
    delivery.delivery === 'email'
      ? complainant.email!
      : [complainant.fullName, complainant.postalAddress ?? '', complainant.postcode ?? ''].filter((l) => l.trim() !== '').join(', ');
  return {
    ok: true,
    templateId: template.id,
    templateVersion: template.version,
    kind,
    subject,
    document,
    delivery: delivery.delivery,
    sendTo,
    responseDueOn: stage.responseDueOn,
  };
}
