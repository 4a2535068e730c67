import { canViewComplaint, type StaffActor } from '@complaints/auth';
import { findComplaintCaseFacts, findPractitionerContact, recordAudit } from '@complaints/db';
import { buildPublicDocument, type DocumentLanguage, pdfFileName, renderPdf } from '@complaints/documents';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { loadProcessSettings } from '../settings/process-settings';

const requestSchema = z.union([
  z.object({
    complaintId: z.uuid(),
    /** Defaults to the complaint's own language and version. */
    language: z.enum(['en', 'cy']).optional(),
    audience: z.enum(['adult', 'child']).optional(),
    /** Defaults to the portal's public address. */
    portalUrl: z.url().optional(),
    requestId: z.string().optional(),
  }),
  z.object({
    practitionerId: z.uuid(),
    caseReference: z.string().trim().min(1).max(40),
    language: z.enum(['en', 'cy']),
    audience: z.enum(['adult', 'child']),
    portalUrl: z.url().optional(),
    requestId: z.string().optional(),
  }),
]);
export type PersonalisedWelcomePackRequest = z.input<typeof requestSchema>;

export type PersonalisedWelcomePack =
  | { status: 'rendered'; pdf: Buffer; fileName: string; title: string }
  /** No such case, or one this person may not see: the answer is the same, so nothing is revealed. */
  | { status: 'not_found' }
  /** The complaint has no practitioner recorded yet, so there is no one to name. */
  | { status: 'no_practitioner' };

/**
 * The welcome pack printed for one family: the case's practitioner, their team's phone, email and
 * address, and the case's reference filled in, in the family's language and version. The back
 * office calls this for a complaint (its practitioner, and its court case number or else its own
 * reference) or for a practitioner and a case reference it names.
 *
 * Who may print one: whoever may see the complaint; for a practitioner's case, whoever could see
 * a complaint about that practitioner's team. It is not cached (it carries a family's details),
 * and each printing is written to the audit log.
 */
export async function renderPersonalisedWelcomePack(
  deps: Pick<ServiceDependencies, 'db' | 'clock' | 'addresses'>,
  actor: StaffActor,
  input: PersonalisedWelcomePackRequest,
): Promise<PersonalisedWelcomePack> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { status: 'not_found' };
  const request = parsed.data;
  const portalUrl = request.portalUrl ?? deps.addresses?.portal;
  if (!portalUrl) throw new Error('The welcome pack needs the portal\'s address: pass portalUrl, or start the services with their addresses.');

  let complaintId: string | null = null;
  let practitionerId: string;
  let caseReference: string;
  let language: DocumentLanguage;
  let audience: 'adult' | 'child';
  if ('complaintId' in request) {
    const complaint = await findComplaintCaseFacts(deps.db, request.complaintId);
    if (!complaint || !canViewComplaint(actor, complaint)) return { status: 'not_found' };
    if (!complaint.practitionerId) return { status: 'no_practitioner' };
    complaintId = complaint.id;
    practitionerId = complaint.practitionerId;
    caseReference = complaint.courtCaseNumber ?? complaint.reference;
    language = request.language ?? complaint.language;
    audience = request.audience ?? complaint.audience;
  } else {
    ({ practitionerId, caseReference, language, audience } = request);
  }

  const practitioner = await findPractitionerContact(deps.db, practitionerId);
  if (!practitioner) return { status: 'not_found' };
  const teamScope = { businessAreaId: practitioner.businessAreaId, serviceAreaId: practitioner.serviceAreaId, responderId: null, csqManagerId: null };
  if (!complaintId && !canViewComplaint(actor, teamScope)) return { status: 'not_found' };

  const { timescales } = await loadProcessSettings(deps.db);
  const document = audience === 'child' ? 'welcome-pack-child' : 'welcome-pack-adult';
  const { source } = buildPublicDocument(document, language, {
    timescales,
    portalUrl,
    personal: {
      practitionerName: practitioner.fullName,
      teamName: practitioner.teamName[language],
      teamPhone: practitioner.teamPhone,
      teamEmail: practitioner.teamEmail,
      teamAddress: practitioner.teamAddress,
      caseReference,
    },
  });
  const pdf = await renderPdf(source);
  await recordAudit(
    deps.db,
    { staffId: actor.id, action: 'welcome_pack.printed', complaintId, subject: `practitioner:${practitioner.practitionerId}`, requestId: request.requestId ?? null },
    deps.clock.now(),
  );
  return { status: 'rendered', pdf, fileName: pdfFileName(document, language, caseReference), title: source.title };
}
