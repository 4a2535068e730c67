import { organisation } from '@complaints/content';
import type { SentComplaintRecord } from '@complaints/db';
import type { DocumentBlock, DocumentSource } from '@complaints/documents';
import { complaintFormWords, dateInWords } from './complaint-wording';

/**
 * The receipt a complainant can download after sending the form: the reference, the date, every
 * point as they wrote it, what they would like to happen, the files they sent, and when to expect
 * to hear from us. Written in the language of the page it was asked for from.
 */
export function complaintReceiptDocument(
  complaint: SentComplaintRecord,
  options: { language: 'en' | 'cy'; fileNames: string[]; trackUrl?: string | undefined },
): DocumentSource {
  const { language } = options;
  const w = complaintFormWords(language, complaint.audience);
  const date = (d: string) => dateInWords(d, language);
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: w('receipt.heading') },
    { kind: 'paragraph', text: w('receipt.lead') },
    { kind: 'reference', label: w('confirmation.referenceLabel'), value: complaint.reference },
    {
      kind: 'facts',
      rows: [
        { label: w('receipt.sentOn'), value: date(complaint.receivedOn) },
        { label: w('receipt.name'), value: complaint.fullName },
        ...(complaint.courtCaseNumber ? [{ label: w('receipt.courtCaseNumber'), value: complaint.courtCaseNumber }] : []),
        { label: w('receipt.acknowledgeBy'), value: date(complaint.acknowledgeDueOn) },
        { label: w('receipt.answerBy'), value: date(complaint.responseDueOn) },
      ],
    },
    { kind: 'heading', level: 2, text: w('receipt.pointsHeading') },
    {
      kind: 'list',
      ordered: true,
      items: complaint.points.map((p) => (p.happenedOn ? `${p.text} (${w('receipt.happenedOn', { date: date(p.happenedOn) })})` : p.text)),
    },
  ];
  if (complaint.desiredOutcome) {
    blocks.push({ kind: 'heading', level: 2, text: w('receipt.outcomeHeading') }, { kind: 'paragraph', text: complaint.desiredOutcome });
  }
  if (options.fileNames.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: w('receipt.filesHeading') }, { kind: 'list', items: options.fileNames });
  }
  blocks.push(
    { kind: 'heading', level: 2, text: w('confirmation.nextHeading') },
    {
      kind: 'list',
      items: [
        w('confirmation.nextAcknowledge', { date: date(complaint.acknowledgeDueOn) }),
        w('confirmation.nextAnswer', { date: date(complaint.responseDueOn) }),
        w('confirmation.nextLonger'),
      ],
    },
    { kind: 'paragraph', text: options.trackUrl ? w('confirmation.trackOnline', { url: options.trackUrl }) : w('confirmation.trackByContact') },
    { kind: 'paragraph', text: w('confirmation.contact') },
  );
  return {
    title: w('receipt.title', { reference: complaint.reference }),
    language,
    audience: complaint.audience,
    organisationName: organisation.name[language],
    blocks,
    footer: complaint.reference,
    webVersionNote: w('receipt.keepSafe'),
  };
}
