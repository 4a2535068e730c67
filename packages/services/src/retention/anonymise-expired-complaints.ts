import {
  anonymiseComplaintRecords,
  isComplaintAnonymised,
  listComplaintsDueForAnonymising,
  readRetentionYears,
  rewriteExpiredHistory,
  storedFilesOfComplaint,
} from '@complaints/db';
import { DEFAULT_RETENTION_YEARS, isRetentionYears, retentionCutoff } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import { z } from 'zod';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove, type SystemRequest } from '../lifecycle/run-move';
import { Refusal } from '../refusal';

type RetentionDependencies = Pick<ServiceDependencies, 'db' | 'clock'> & { storage: AttachmentStorage };

/** What a run did, by count and id only: the worker logs it. */
export type RetentionRun = {
  years: number;
  cutoff: string;
  anonymised: string[];
  /** Complaints left for the next run, each with what refused it: a refusal's code or the database's SQLSTATE, never a message. */
  failed: Array<{ complaintId: string; code: string }>;
  files: number;
  letters: number;
  emails: number;
  reasons: number;
};

/**
 * The `anonymise` move: everything the complaint holds about its complainant is cleared in place,
 * its files removed from storage, and its history's reasons cleared and signed again through the
 * database's own function. The executor records the event (counts only) and the audit entry
 * (ids only) in the same transaction.
 */
const ANONYMISE: MoveUseCase<'anonymise', Record<string, never>, { files: number; letters: number; emails: number; reasons: number }, RetentionDependencies> = {
  move: 'anonymise',
  input: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  async apply({ tx, deps, complaint, now }) {
    if (await isComplaintAnonymised(tx, complaint.id)) throw new Refusal('not_allowed');
    const stored = await storedFilesOfComplaint(tx, complaint.id);
    const counts = await anonymiseComplaintRecords(tx, complaint.id, now);
    // The files go before the commit: were it to fail, the next run finds the complaint again
    // and removes whatever is left; a file removed twice is no error.
    for (const key of [...stored.attachments, ...stored.letterPdfs]) await deps.storage.delete(key);
    const reasons = await rewriteExpiredHistory(tx, complaint.id, now);
    const payload = { files: counts.files, letters: counts.letters, emails: counts.emails, reasons };
    return { payload, result: payload };
  },
};

/** The schedule in force: what national office set, or six years. */
export async function retentionYears(deps: Pick<ServiceDependencies, 'db'>): Promise<number> {
  const years = await readRetentionYears(deps.db);
  return isRetentionYears(years) ? years : DEFAULT_RETENTION_YEARS;
}

/**
 * The daily retention job: anonymises every closed or withdrawn complaint that ended longer ago
 * than the schedule, each in its own transaction, by the clock it is given. A complaint that fails
 * is named (by id) and left for the next run; the others go on.
 */
export async function anonymiseExpiredComplaints(deps: RetentionDependencies, options: { batch?: number } = {}): Promise<RetentionRun> {
  const now = deps.clock.now();
  const years = await retentionYears(deps);
  const cutoff = retentionCutoff(now, years);
  const run: RetentionRun = { years, cutoff: cutoff.toISOString(), anonymised: [], failed: [], files: 0, letters: 0, emails: 0, reasons: 0 };
  for (;;) {
    const due = await listComplaintsDueForAnonymising(deps.db, cutoff, options.batch ?? 100, run.failed.map((f) => f.complaintId));
    if (due.length === 0) break;
    for (const complaintId of due) {
      const request: SystemRequest = { system: true, requestId: `retention:${run.cutoff}` };
      try {
        const counts = await runMove(deps, request, ANONYMISE, { complaintId }, {});
        run.anonymised.push(complaintId);
        run.files += counts.files;
        run.letters += counts.letters;
        run.emails += counts.emails;
        run.reasons += counts.reasons;
      } catch (error) {
        run.failed.push({ complaintId, code: failureCode(error) });
      }
    }
  }
  return run;
}

/** What refused a complaint, without the words of any message (a database's may quote its values). */
function failureCode(error: unknown): string {
  if (error instanceof Refusal) return error.code;
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'string') return code;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown';
}

