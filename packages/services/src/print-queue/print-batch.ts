import { can } from '@complaints/auth';
import { findLetterComplaints } from '@complaints/db';
import { PRINT_BATCH_LIMITS, fieldProblems, londonTimeOf } from '@complaints/domain';
import { organisation } from '@complaints/content';
import { renderPrintRun } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import type { LetterFile } from '../casework/download-letter';
import type { ServiceDependencies } from '../dependencies';
import { printLetterMoveSharing, type PrintedLetter } from '../letters/print-letter';
import { checkMoveSight, runMoveIn } from '../lifecycle/run-move';
import { dateInWords } from '../letters/letter-dates';
import { Refusal } from '../refusal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const printBatchInput = z.object({
  letterIds: z
    .array(z.string().regex(UUID, 'letterIds.invalid'), { error: 'letterIds.empty' })
    .min(1, 'letterIds.empty')
    .max(PRINT_BATCH_LIMITS.max, 'letterIds.tooMany'),
});

export type PrintBatchFile = LetterFile & { letters: number; pages: number };

/**
 * Prints letters from the print queue as one PDF: each letter as it prints on its own (its
 * address in the envelope window, a new tracking code where it carries one), each starting on a
 * new sheet, in the order given.
 *
 * Every letter's print is the lifecycle's own `print_letter` move, made by the one executor, and
 * all of them in one transaction: either every letter is marked printed, with its event, audit
 * entry and new code, or (when any one is refused) none is, and nothing is written. The moves are
 * made in the order of their complaints' ids, so two batches sharing complaints lock them in the
 * same order and never deadlock. Two letters of one complaint share the code made for the first:
 * a complaint has one working code, and both copies must open its tracking page.
 *
 * The PDF is made after the transaction, so no complaint stays locked while it renders (seconds,
 * for a full batch). Were rendering to fail, the letters would show as printed; printing them
 * again from the list of letters printed lately makes new codes.
 */
export async function printBatch(deps: ServiceDependencies, request: CaseworkRequest, raw: unknown, options: { language: 'en' | 'cy' }): Promise<PrintBatchFile> {
  if (!can(request.actor, 'print_letters')) throw new Refusal('not_allowed');
  const parsed = printBatchInput.safeParse(raw);
  if (!parsed.success) {
    // Every problem is about the one list of letters chosen.
    const problems = fieldProblems(parsed.error).map((p) => ({ field: 'letterIds', message: p.message.startsWith('letterIds.') ? p.message : 'letterIds.invalid' }));
    throw Refusal.invalid(problems.slice(0, 1));
  }
  const letterIds = [...new Set(parsed.data.letterIds.map((id) => id.toLowerCase()))];
  const complaintOf = await findLetterComplaints(deps.db, letterIds);
  const targets = letterIds.map((letterId) => {
    const complaintId = complaintOf.get(letterId);
    if (!complaintId) throw new Refusal('not_found');
    return { complaintId, letterId };
  });
  // A letter of a complaint the person may not see is not found, as on its own page.
  for (const target of targets) await checkMoveSight(deps.db, request, target);

  const lockOrder = [...targets].sort((a, b) => a.complaintId.localeCompare(b.complaintId) || a.letterId.localeCompare(b.letterId));
  const printed = await deps.db.transaction(async (tx) => {
    const codes = new Map<string, string>();
    const byLetter = new Map<string, PrintedLetter>();
    for (const target of lockOrder) {
      const { result } = await runMoveIn(tx, deps, request, printLetterMoveSharing(codes), target, {});
      byLetter.set(target.letterId, result);
    }
    return byLetter;
  });

  const now = londonTimeOf(deps.clock.now());
  const t = translator(options.language, 'print-queue');
  const run = await renderPrintRun(
    targets.map((target) => printed.get(target.letterId)!.document),
    { title: t('file.title', { date: dateInWords(now.date, options.language) }), language: options.language, author: organisation.name[options.language] },
  );
  const time = `${String(now.hour).padStart(2, '0')}${String(now.minute).padStart(2, '0')}`;
  return { fileName: `letters-to-post-${now.date}-${time}.pdf`, contentType: 'application/pdf', bytes: run.bytes, letters: targets.length, pages: run.pages };
}
