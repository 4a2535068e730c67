import type { StaffActor } from '@complaints/auth';
import {
  type CaseNoteEntry,
  type ComplainantCorrectionEntry,
  type CorrespondenceEntry,
  type Executor,
  findCorrectableComplainant,
  listCaseNotes,
  listComplainantCorrections,
  listCorrespondence,
  listStaffAddedFiles,
} from '@complaints/db';
import type { RoleKey } from '@complaints/domain';

/**
 * Who may read what a correction replaced: the CSQ manager, who oversees the complaint and its
 * record, and national office. An old address or number can be the very thing a complainant had
 * to move away from, so everyone else who may see the complaint sees that a correction was made,
 * when, by whom, which fields and why, and never the values.
 */
const READ_REPLACED_DETAILS: readonly RoleKey[] = ['csq_manager', 'national_office'];

export function mayReadReplacedDetails(actor: Pick<StaffActor, 'role'>): boolean {
  return READ_REPLACED_DETAILS.includes(actor.role);
}

export type CorrectionRecord = Omit<ComplainantCorrectionEntry, 'changes'> & {
  /** Each field changed; its values only for those who may read them (else null). */
  changes: Array<{ field: string; values: { from: string | null; to: string | null } | null }>;
};

export type InvestigationRecord = {
  /** Internal notes and evidence, newest first: staff only, never shown to the complainant. */
  notes: CaseNoteEntry[];
  /** Letters, emails and calls in and out, the latest first. */
  correspondence: CorrespondenceEntry[];
  /** Corrections to their details, newest first. */
  corrections: CorrectionRecord[];
  /** Whether this person sees the values in `corrections`. */
  readsReplacedDetails: boolean;
  /** The files staff added to the case, by id: who added each. */
  staffFiles: Record<string, string>;
};

/** The investigation record of a complaint as this person may see it (the caller has checked they may see the complaint). */
export async function loadInvestigationRecord(db: Executor, actor: Pick<StaffActor, 'role'>, complaintId: string): Promise<InvestigationRecord> {
  const [notes, correspondence, corrections, files, complainant] = await Promise.all([
    listCaseNotes(db, complaintId),
    listCorrespondence(db, complaintId),
    listComplainantCorrections(db, complaintId),
    listStaffAddedFiles(db, complaintId),
    findCorrectableComplainant(db, complaintId),
  ]);
  // Once their details are removed under retention, what they were is gone for everyone.
  const reads = mayReadReplacedDetails(actor) && !complainant?.anonymisedAt;
  return {
    notes,
    correspondence,
    corrections: corrections.map(({ changes, ...c }) => ({
      ...c,
      changes: changes.map((change) => ({ field: change.field, values: reads ? { from: change.from, to: change.to } : null })),
    })),
    readsReplacedDetails: reads,
    staffFiles: Object.fromEntries(files.map((f) => [f.id, f.addedByName])),
  };
}
