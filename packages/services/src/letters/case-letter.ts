import {
  type Executor,
  findActiveTemplate,
  findCaseComplainant,
  findCaseSummary,
  findManagerContact,
  listAnsweredPoints,
  listCaseStages,
} from '@complaints/db';
import { type IsoDate, type LetterKind, londonDateOf, type Stage, writtenDelivery } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { isRefusal, Refusal, type RefusalCode } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';
import { type CaseLetterFacts, composeCaseLetter } from './compose-case-letter';
import { fillTrackingCode } from './letter-document';

/**
 * A letter about one complaint, written now from the current template of its kind with the
 * complaint's facts as they stand: the words it will go with, how it will go and to whom. Used to
 * show a letter before it is made and again, under the complaint's lock, to make it, so what staff
 * checked is what goes.
 */

export type WrittenCaseLetter = {
  kind: LetterKind;
  stage: Stage;
  templateId: string;
  templateVersion: number;
  subject: string;
  document: DocumentSource;
  delivery: 'email' | 'post';
  /** The email address, or the postal address on one line (for staff to check). */
  sendTo: string;
  /** The email address a letter by email goes to. */
  recipient: string | null;
  responseDueOn: IsoDate | null;
  message: string | null;
};

/**
 * Every letter about a complaint names the manager who will answer (or answered) it, so cannot be
 * written until one is assigned; only the letter at closure, when nothing more is owed, need not.
 */
const namesManager = (kind: LetterKind) => kind !== 'closure';

export async function writeCaseLetter(
  db: Executor,
  args: {
    complaintId: string;
    kind: LetterKind;
    now: Date;
    message?: string | null;
    /** For an extension letter: the dates and the reason. */
    extension?: CaseLetterFacts['extension'];
  },
): Promise<WrittenCaseLetter> {
  const summary = await findCaseSummary(db, args.complaintId);
  if (!summary) throw new Refusal('not_found');
  const [complainant, stages, points, settings] = await Promise.all([
    findCaseComplainant(db, args.complaintId),
    listCaseStages(db, args.complaintId),
    listAnsweredPoints(db, args.complaintId, summary.stage),
    loadProcessSettings(db),
  ]);
  if (!complainant || complainant.anonymisedAt) throw new Refusal('no_safe_written_contact');
  const delivery = writtenDelivery(complainant);
  if (!delivery.ok) throw new Refusal(delivery.reason);
  const template = await findActiveTemplate(db, { kind: args.kind, audience: summary.audience, language: summary.language });
  if (!template) throw new Refusal('no_template');
  const manager = summary.responderId ? await findManagerContact(db, summary.responderId) : null;
  if (namesManager(args.kind) && (!manager || !manager.active)) throw new Refusal('no_manager_contact');
  const stage = stages.find((s) => s.stage === summary.stage);
  const responseDueOn = args.extension?.newDueOn ?? stage?.responseDueOn ?? null;
  const message = args.message?.trim() ? args.message.trim() : null;
  const { subject, document } = composeCaseLetter(template, {
    kind: args.kind,
    reference: summary.reference,
    language: summary.language,
    audience: summary.audience,
    stage: summary.stage,
    writtenOn: londonDateOf(args.now),
    receivedOn: stage?.startedOn ?? summary.receivedOn,
    responseDueOn,
    complainant,
    manager,
    points: points.map((p) => ({ ...p, answer: p.answer })),
    actions: points.flatMap((p) => p.actions),
    message,
    extension: args.extension ?? null,
    nation: summary.nation ?? 'england',
    stageTwoResponseDays: settings.timescales.stage_2_response,
    delivery: delivery.delivery,
  });
  const postal = [complainant.fullName, complainant.postalAddress ?? '', complainant.postcode ?? ''].filter((l) => l.trim() !== '').join(', ');
  return {
    kind: args.kind,
    stage: summary.stage,
    templateId: template.id,
    templateVersion: template.version,
    subject,
    document,
    delivery: delivery.delivery,
    sendTo: delivery.delivery === 'email' ? complainant.email! : postal,
    recipient: delivery.delivery === 'email' ? complainant.email : null,
    responseDueOn,
    message,
  };
}

export type CaseLetterPreview =
  | { ok: true; subject: string; document: DocumentSource; delivery: 'email' | 'post'; sendTo: string; responseDueOn: IsoDate | null }
  | { ok: false; reason: RefusalCode };

/**
 * A letter as it would be written now, for staff to read before they make it (the tracking code's
 * place saying it is on the paper copy only), or the reason it cannot be written yet.
 */
export async function previewCaseLetter(db: Executor, args: Parameters<typeof writeCaseLetter>[1]): Promise<CaseLetterPreview> {
  try {
    const written = await writeCaseLetter(db, args);
    return {
      ok: true,
      subject: written.subject,
      document: fillTrackingCode(written.document, null),
      delivery: written.delivery,
      sendTo: written.sendTo,
      responseDueOn: written.responseDueOn,
    };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { ok: false, reason: error.code };
  }
}
