import { organisation } from '@complaints/content';
import { type DocumentSource, renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { complaintFormWords, dateInWords } from './complaint-wording';

export type ComplaintReceivedFacts = {
  reference: string;
  language: 'en' | 'cy';
  audience: 'adult' | 'child';
  fullName: string;
  receivedOn: string;
  acknowledgeDueOn: string;
  responseDueOn: string;
  /** Where the complainant can check on the complaint online, when the portal offers that. */
  trackUrl?: string | undefined;
};

/** "We have your complaint" as a document: the reference, what happens next and by when, how to check on it. */
export function complaintReceivedDocument(facts: ComplaintReceivedFacts): DocumentSource {
  const w = complaintFormWords(facts.language, facts.audience);
  const date = (d: string) => dateInWords(d, facts.language);
  return {
    title: w('email.subject', { reference: facts.reference }),
    language: facts.language,
    audience: facts.audience,
    organisationName: organisation.name[facts.language],
    blocks: [
      { kind: 'heading', level: 1, text: w('email.heading') },
      { kind: 'paragraph', text: w('email.greeting', { name: facts.fullName }) },
      { kind: 'paragraph', text: w('email.received', { date: date(facts.receivedOn) }) },
      { kind: 'reference', label: w('confirmation.referenceLabel'), value: facts.reference },
      { kind: 'paragraph', text: w('confirmation.keepReference') },
      { kind: 'heading', level: 2, text: w('confirmation.nextHeading') },
      {
        kind: 'list',
        items: [
          w('confirmation.nextAcknowledge', { date: date(facts.acknowledgeDueOn) }),
          w('confirmation.nextAnswer', { date: date(facts.responseDueOn) }),
          w('confirmation.nextLonger'),
        ],
      },
      { kind: 'heading', level: 2, text: w('confirmation.trackHeading') },
      { kind: 'paragraph', text: facts.trackUrl ? w('confirmation.trackOnline', { url: facts.trackUrl }) : w('confirmation.trackByContact') },
      { kind: 'paragraph', text: w('confirmation.contact') },
      { kind: 'paragraph', style: 'small', text: w('email.safety') },
    ],
  };
}

/** The email as the outbox carries it: fully written at the moment the complaint is recorded. */
export function complaintReceivedEmail(facts: ComplaintReceivedFacts): { subject: string; text: string; html: string } {
  const source = complaintReceivedDocument(facts);
  return { subject: source.title, text: renderPlainText(source), html: renderHtmlDocument(source) };
}
