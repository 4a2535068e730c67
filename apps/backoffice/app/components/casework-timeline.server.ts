import type { LetterKind } from '@complaints/domain';
import type { ComplaintPage, TimelineEntry } from '@complaints/services';
import type { TFunction } from 'i18next';
import type { TimelineItem } from './casework-timeline';

/**
 * The words of each event in a complaint's history, from its typed payload: what happened, to
 * which point or letter, with who, when and why. Made on the server in the page's language.
 */
export function timelineItems(
  page: Pick<ComplaintPage, 'timeline' | 'names' | 'points'>,
  t: TFunction,
  dates: { day: (iso: string) => string | null; moment: (at: Date) => string | null },
): TimelineItem[] {
  const pointNumber = (id: string) => String(page.points.find((p) => p.id === id)?.position ?? '?');
  const letter = (kind: LetterKind) => t(`letters.kinds.${kind}`);
  const name = (id: string | undefined) => (id ? (page.names[id] ?? t('timeline.someone')) : t('timeline.someone'));
  const describe = (entry: TimelineEntry): string => {
    const { event } = entry;
    const key = `timeline.events.${event.type.replace(/\./g, '_')}`;
    switch (event.move) {
      case 'triage_point':
        return t(key, { number: pointNumber(event.payload.pointId), outcome: t(`triageOutcomes.${event.payload.outcome}`) });
      case 'assign_responder':
        return t(key, { name: name(event.payload.responderId) });
      case 'assign_csq_manager':
        return t(key, { name: name(event.payload.csqManagerId) });
      case 'prepare_acknowledgement':
        return t(event.payload.approvedAutomatically ? `${key}_automatic` : key, { letter: letter(event.payload.kind) });
      case 'answer_point':
        return t(key, { number: pointNumber(event.payload.pointId), decision: t(`decisions.${event.payload.decision}`) });
      case 'draft_response':
      case 'write_letter':
      case 'submit_letter':
      case 'approve_letter':
      case 'return_letter':
        return t(key, { letter: letter(event.payload.kind), version: event.payload.version });
      case 'send_letter':
        return t(key, { letter: letter(event.payload.kind), delivery: t(`case.delivery.${event.payload.delivery}`).toLowerCase() });
      case 'print_letter':
        return t(key, { letter: letter(event.payload.kind) });
      case 'correct_complainant_details':
        return t(key, { count: event.payload.fields.length });
      case 'quality_assure_closure':
        return t(key, { outcome: t(`closure.outcomes.${event.payload.complete ? 'approved' : 'returned'}`) });
      case 'extend':
        return t(key, { date: dates.day(event.payload.newDueOn) });
      case 'resume_clock':
        return t(key, { date: dates.day(event.payload.newDueOn) });
      case 'raise_learning':
        return t(key, { level: t(`learning:levels.${event.payload.level}`).toLowerCase() });
      case 'record_ombudsman_enquiry':
        return t(key, { date: dates.day(event.payload.dueOn) });
      case 'reply_to_ombudsman':
        return t(event.payload.onTime ? key : `${key}_late`, { date: dates.day(event.payload.sentOn) });
      case 'record_ombudsman_outcome':
        return t(key, { finding: t(`ombudsman:findings.${event.payload.finding}`), count: event.payload.recommendations ?? 0 });
      case null:
        if (event.type === 'complaint.acknowledged' && event.payload) return t(key, { delivery: event.payload.delivery ? t(`case.delivery.${event.payload.delivery}`).toLowerCase() : '' });
        return t('timeline.events.other', { type: event.type });
      default:
        return t(key);
    }
  };
  return page.timeline.map((entry) => ({
    sequence: entry.sequence,
    text: describe(entry),
    reason: entry.reason,
    at: dates.moment(entry.occurredAt),
    actorType: entry.actorType,
    actorName: entry.actorName,
    visibility: entry.visibility,
  }));
}
