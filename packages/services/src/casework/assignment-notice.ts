import type { IsoDate, Stage } from '@complaints/domain';
import { bilingualStaffEmail, type WrittenEmail } from '../emails/staff-email';
import { dateInWords } from '../letters/letter-dates';

/**
 * The email that passes a complaint to its manager at once (the electronic transmission): the
 * reference, the stage, the dates that matter and a link to the case. Never the complainant's name
 * or what they said: email leaves our systems, the back office does not. In English and Welsh,
 * since we do not know which the manager reads.
 */
export function assignmentNotice(facts: {
  reference: string;
  stage: Stage;
  acknowledgeDueOn: IsoDate | null;
  responseDueOn: IsoDate | null;
  assignedBy: string;
  caseUrl: string;
}): WrittenEmail {
  return bilingualStaffEmail('casework', { key: 'notice.subject', values: { reference: facts.reference } }, (t, language, level) => {
    const rows = [
      { label: t('notice.reference'), value: facts.reference },
      { label: t('notice.stage'), value: t('notice.stageNumber', { stage: facts.stage }) },
      ...(facts.acknowledgeDueOn ? [{ label: t('notice.acknowledgeDue'), value: dateInWords(facts.acknowledgeDueOn, language, { weekday: true }) }] : []),
      ...(facts.responseDueOn ? [{ label: t('notice.responseDue'), value: dateInWords(facts.responseDueOn, language, { weekday: true }) }] : []),
      { label: t('notice.assignedBy'), value: facts.assignedBy },
    ];
    return [
      { kind: 'heading', level, text: t('notice.heading') },
      { kind: 'paragraph', text: t('notice.intro', { reference: facts.reference }) },
      { kind: 'facts', rows },
      { kind: 'paragraph', text: t('notice.link', { url: facts.caseUrl }) },
      { kind: 'paragraph', text: t('notice.privacy'), style: 'small' },
    ];
  });
}
