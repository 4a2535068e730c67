import type { LetterTemplateKey } from '@complaints/content/letters';
import type { IsoDate } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import { composeCaseLetter, sampleLetterFacts } from '../letters/compose-case-letter';
import { fillTrackingCode } from '../letters/letter-document';

/** A code in the shape printing makes, so the preview shows the paper copy as it will look. */
export const SAMPLE_TRACKING_CODE = 'K7P3QD9XMW';

/** A template filled in with the sample facts of its kind, as the posted letter would be printed. */
export function sampleLetter(template: { subject: string; body: string }, key: LetterTemplateKey, today: IsoDate): { subject: string; document: DocumentSource } {
  const { subject, document } = composeCaseLetter(template, sampleLetterFacts(key.kind, key.language, key.audience, today));
  return { subject, document: fillTrackingCode(document, SAMPLE_TRACKING_CODE) };
}
