import type { StaffActor } from '@complaints/auth';
import {
  findCaseComplainant,
  findCaseSummary,
  findComplaintIdByReference,
  findComplaintsOfSameComplainant,
  findLetter,
  listCaseEvents,
  listCaseLetters,
  listCaseNotes,
  listCasePoints,
  listComplainantCorrections,
  listComplaintAttachments,
  listCorrespondence,
  listPointAnswersOfComplaint,
  recordAudit,
} from '@complaints/db';
import type { AttachmentStorage } from '@complaints/storage';
import { zipSync } from 'fflate';
import { isUuid } from '../casework/casework-context';
import { ensureCapability } from '../access/access-denied';
import { ensureRecentlyAuthenticated } from '../access/recent-authentication';
import type { ServiceDependencies } from '../dependencies';
import { fillTrackingCode, fromStoredDocument, renderLetterPdf } from '../letters/letter-document';
import { Refusal } from '../refusal';

export type SubjectAccessExport = { fileName: string; contentType: 'application/zip'; bytes: Uint8Array; complaintIds: string[] };

/**
 * Which complaints count as one complainant's: every complaint whose complainant has the same email
 * address (ignoring case and surrounding spaces); a complaint with no email address stands alone.
 */
export const SUBJECT_ACCESS_MATCHING_RULE = 'same_email_or_only_this_complaint';

/**
 * Everything held about the complainant of one complaint (found by its reference or id), as a ZIP for a
 * subject access request: per complaint a JSON file of the complaint, complainant, points and their
 * answers, history, notes, correspondence and corrections; each letter's PDF; each file sent. For
 * national office only, with a password typed in the last 10 minutes; recorded in the audit log by
 * complaint ids only.
 */
export async function exportSubjectAccess(
  deps: ServiceDependencies & { storage: AttachmentStorage },
  actor: StaffActor & { sessionId: string },
  from: { reference: string } | { complaintId: string },
  requestId?: string,
): Promise<SubjectAccessExport> {
  ensureCapability(actor, 'export_subject_access');
  await ensureRecentlyAuthenticated(deps, actor);
  const startId = 'reference' in from ? await findComplaintIdByReference(deps.db, from.reference) : isUuid(from.complaintId) ? from.complaintId : null;
  if (!startId) throw new Refusal('not_found');
  const found = await findComplaintsOfSameComplainant(deps.db, startId);
  if (found.length === 0) throw new Refusal('not_found');

  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  const manifest: Array<{ reference: string; complaintId: string; files: string[] }> = [];
  for (const { id, reference: ref } of found) {
    const folder = safeName(ref);
    const listed: string[] = [];
    const [summary, complainant, points, answers, events, notes, correspondence, corrections, caseLetters, attachments] = await Promise.all([
      findCaseSummary(deps.db, id),
      findCaseComplainant(deps.db, id),
      listCasePoints(deps.db, id),
      listPointAnswersOfComplaint(deps.db, id),
      listCaseEvents(deps.db, id),
      listCaseNotes(deps.db, id),
      listCorrespondence(deps.db, id),
      listComplainantCorrections(deps.db, id),
      listCaseLetters(deps.db, id),
      listComplaintAttachments(deps.db, id),
    ]);
    const record = {
      complaint: summary,
      complainant,
      points: points.map((p) => ({ ...p, answers: answers.filter((a) => a.pointId === p.id) })),
      history: [...events].reverse(),
      caseNotes: notes,
      correspondence,
      complainantCorrections: corrections,
      letters: caseLetters,
      attachments: attachments.map(({ storageKey: _key, ...rest }) => rest),
    };
    const jsonName = `${folder}/complaint.json`;
    files[jsonName] = encoder.encode(JSON.stringify(record, null, 2));
    listed.push(jsonName);

    for (const letter of [...caseLetters].reverse()) {
      const stored = await findLetter(deps.db, id, letter.id);
      const source = stored ? fromStoredDocument(stored.document) : null;
      if (!source) continue;
      const name = `${folder}/letters/${safeName(`${letter.kind}-${letter.id}`)}.pdf`;
      files[name] = await renderLetterPdf(fillTrackingCode(source, null));
      listed.push(name);
    }
    for (const attachment of attachments) {
      const bytes = await deps.storage.get(attachment.storageKey);
      if (!bytes) continue;
      const name = `${folder}/files/${attachment.id.slice(0, 8)}-${safeName(attachment.originalName)}`;
      files[name] = bytes;
      listed.push(name);
    }
    manifest.push({ reference: ref, complaintId: id, files: listed });
  }

  const exportedAt = deps.clock.now();
  files['manifest.json'] = encoder.encode(JSON.stringify({ exportedAt: exportedAt.toISOString(), matchingRule: SUBJECT_ACCESS_MATCHING_RULE, complaints: manifest }, null, 2));
  files['README.txt'] = encoder.encode(
    [
      'Subject access export',
      `Made ${exportedAt.toISOString()}.`,
      'Complaints are matched on the complainant\'s email address, ignoring case; a complaint without an email address is exported on its own.',
      'Each folder is one complaint, named by its reference: complaint.json holds the complaint, the complainant\'s details, the points with',
      'their answers, the history, case notes, correspondence and corrections; letters/ holds each letter as a PDF; files/ holds each file sent.',
      'manifest.json lists every file.',
      '',
      ...manifest.flatMap((m) => [`${m.reference}:`, ...m.files.map((f) => `  ${f}`)]),
      '',
    ].join('\r\n'),
  );

  const bytes = zipSync(files, { level: 6, mtime: exportedAt });
  const complaintIds = found.map((c) => c.id);
  await recordAudit(
    deps.db,
    { staffId: actor.id, action: 'subject_access.exported', complaintId: startId, subject: `complaints:${complaintIds.join(',')}`, requestId: requestId ?? null },
    exportedAt,
  );
  return { fileName: `subject-access-${safeName(found[0]?.reference ?? 'export')}.zip`, contentType: 'application/zip', bytes, complaintIds };
}

/** A name safe in a ZIP on any system: letters, digits, dot, dash and underscore only, never "..". */
export function safeName(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/\.{2,}/g, '.').replace(/^[._]+/, '');
  return (cleaned || 'file').slice(0, 100);
}
