import { organisation } from '@complaints/content';
import type { Audience, IsoDate, Language } from '@complaints/domain';
import type { DocumentSource } from '@complaints/documents';
import type { ManagerContact } from '@complaints/db';
import { dateInWords } from './letter-dates';
import { composeLetter } from './letter-template';

/**
 * The acknowledgement by return, from the organisation's current template in the complainant's
 * language and wording: which manager will give the next response, when, and how to reach them;
 * which points are for the court and how to raise them; and, on a posted letter, the place for
 * the tracking code.
 */

export type AcknowledgementFacts = {
  reference: string;
  language: Language;
  audience: Audience;
  /** The day the letter is written. */
  writtenOn: IsoDate;
  receivedOn: IsoDate;
  /** The date of the next response (or reply) owed. */
  responseDueOn: IsoDate;
  complainant: { fullName: string; postalAddress: string | null; postcode: string | null };
  manager: Pick<ManagerContact, 'fullName' | 'email' | 'phone' | 'postalAddress'>;
  courtMatters: ReadonlyArray<{ position: number; text: string; reason: string; courtRoute: string }>;
  delivery: 'email' | 'post';
};

/** The start of a point, for a letter to name it by: whole words, about 100 characters. */
export function pointExcerpt(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function composeAcknowledgement(template: { subject: string; body: string }, facts: AcknowledgementFacts): { subject: string; document: DocumentSource } {
  const language = facts.language;
  const address =
    facts.delivery === 'post'
      ? [facts.complainant.fullName, ...(facts.complainant.postalAddress ?? '').split(/\r?\n/), facts.complainant.postcode ?? '']
          .map((l) => l.trim())
          .filter((l) => l !== '')
      : null;
  const { subject, blocks } = composeLetter(template, {
    values: {
      reference: facts.reference,
      letterDate: dateInWords(facts.writtenOn, language),
      complainantName: facts.complainant.fullName,
      receivedDate: dateInWords(facts.receivedOn, language),
      responseDueDate: dateInWords(facts.responseDueOn, language, { weekday: true }),
      managerName: facts.manager.fullName,
      managerPhone: facts.manager.phone,
      managerEmail: facts.manager.email,
      managerAddress: facts.manager.postalAddress,
      organisationPhone: organisation.contact.phone,
    },
    sections: [...(facts.courtMatters.length > 0 ? ['courtMatters'] : []), ...(facts.delivery === 'post' ? ['trackingCode'] : [])],
    lists: {
      courtMatters: facts.courtMatters.map((p) => ({
        number: String(p.position),
        excerpt: pointExcerpt(p.text),
        reason: p.reason,
        courtRoute: p.courtRoute,
      })),
    },
    address,
  });
  return {
    subject,
    document: {
      title: subject,
      language,
      audience: facts.audience,
      organisationName: organisation.name[language],
      blocks,
      footer: facts.reference,
    },
  };
}
