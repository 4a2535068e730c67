import { markLetterPrinted, replaceTrackingCode } from '@complaints/db';
import { generateTrackingCode } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { z } from 'zod';
import type { CaseworkRequest } from '../casework/casework-context';
import { trackingCodeHash } from '../casework/tracking-code-hash';
import type { LetterFile } from '../casework/download-letter';
import type { ServiceDependencies } from '../dependencies';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { fillTrackingCode, fromStoredDocument, hasTrackingCodeSlot, letterFileName, renderLetterPdf } from './letter-document';

/**
 * The PDF of a posted letter, to print and post now; printing is recorded in the complaint's
 * history. A letter that carries a tracking code gets a new one each time it is printed: only its
 * hash is kept, and the codes on earlier copies stop working, so the one in the envelope is the
 * only one that opens the tracking page.
 */
export type PrintedLetter = { document: DocumentSource; kind: string; reference: string; trackingCode: string | null };

/**
 * The print move, with the codes already made for complaints printed in the same run: a
 * complaint has one working code, so two of its letters printed together carry the same one.
 */
export function printLetterMoveSharing(codes: Map<string, string>): MoveUseCase<'print_letter', Record<string, never>, PrintedLetter> {
  return {
    move: 'print_letter',
    input: z.object({}) as z.ZodType<Record<string, never>>,
    async apply({ tx, deps, complaint, letter, now }) {
      const l = letter!;
      const document = fromStoredDocument(l.document);
      if (!document) throw new Refusal('not_found');
      let code: string | null = null;
      if (hasTrackingCodeSlot(document)) {
        code = codes.get(complaint.id) ?? null;
        if (code === null) {
          code = generateTrackingCode(deps.randomBytes);
          await replaceTrackingCode(tx, complaint.id, trackingCodeHash(code)!, now);
          codes.set(complaint.id, code);
        }
      }
      await markLetterPrinted(tx, l.id, now);
      return {
        payload: { letterId: l.id, kind: l.kind, version: l.version, trackingCode: code !== null },
        result: { document: fillTrackingCode(document, code), kind: l.kind, reference: complaint.reference, trackingCode: code },
      };
    },
  };
}

/** Printing one letter: a new code of its own. */
export const printLetterMove: MoveUseCase<'print_letter', Record<string, never>, PrintedLetter> = {
  move: 'print_letter',
  input: z.object({}) as z.ZodType<Record<string, never>>,
  apply: (context, input) => printLetterMoveSharing(new Map()).apply(context, input),
};

export async function printLetter(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, letterId: string): Promise<LetterFile> {
  const printed = await runMove(deps, request, printLetterMove, { complaintId, letterId }, {});
  return { fileName: letterFileName(printed.reference, printed.kind), contentType: 'application/pdf', bytes: await renderLetterPdf(printed.document) };
}
