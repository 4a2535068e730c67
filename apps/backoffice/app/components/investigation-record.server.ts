import type { ComplaintPage } from '@complaints/services';
import type { TFunction } from 'i18next';
import { movePlace } from './casework-moves';

/**
 * The case page's investigation record in the page's language: notes and evidence, the
 * correspondence log and corrections to their details. What a correction replaced comes only as
 * the use case gave it: to those who may read it, and to no one else.
 */
export function investigationSections(
  view: Pick<ComplaintPage, 'investigation' | 'moves'> & { summary: { id: string } },
  t: TFunction,
  dates: { day: (iso: string) => string | null; moment: (at: Date) => string | null },
) {
  const record = view.investigation;
  const id = view.summary.id;
  const link = (move: 'add_case_note' | 'record_correspondence' | 'correct_complainant_details') => {
    if (!view.moves.complaint.some((m) => m.move === move && m.ok)) return null;
    const place = movePlace(move, { id, firstUntriagedPointId: null });
    return 'page' in place ? place.page : null;
  };
  const fieldName = (field: string) => t(`investigation:record.fields.${field}`, { defaultValue: field });
  const shown = (field: string, value: string | null): string => {
    if (value === null) return t('investigation:record.notRecorded');
    switch (field) {
      case 'safeToLeaveVoicemail':
      case 'safeToSendPost':
        return t(`casework:${value === 'yes' ? 'yes' : 'no'}`);
      case 'preferredContact':
        return t(`casework:contactMethods.${value}`);
      case 'language':
        return t(`casework:languages.${value}`);
      case 'supportNeeds':
        return value
          .split(',')
          .map((n) => t(`casework:supportNeeds.${n}`))
          .join(', ');
      default:
        return value;
    }
  };
  return {
    complaintId: id,
    notes: record.notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, by: t('investigation:record.by', { name: n.authorName, when: dates.moment(n.createdAt) }), file: n.file })),
    correspondence: record.correspondence.map((c) => ({
      id: c.id,
      date: dates.day(c.occurredOn) ?? c.occurredOn,
      way: t(`investigation:record.way.${c.direction}`, { method: t(`investigation:methods.${c.method}`) }),
      summary: c.summary,
      addsInformation: c.addsInformation,
      by: c.recordedByName ?? t('investigation:byComplainant'),
      file: c.file,
    })),
    corrections: record.corrections.map((c) => ({
      id: c.id,
      by: t('investigation:record.correctedBy', { name: c.correctedByName, when: dates.moment(c.createdAt) }),
      fields: c.changes.map((change) => fieldName(change.field)).join(', '),
      reason: c.reason,
      values: record.readsReplacedDetails
        ? c.changes.map((change) => ({ field: fieldName(change.field), was: shown(change.field, change.values?.from ?? null), now: shown(change.field, change.values?.to ?? null) }))
        : null,
    })),
    readsReplacedDetails: record.readsReplacedDetails,
    links: { note: link('add_case_note'), correspondence: link('record_correspondence'), correction: link('correct_complainant_details') },
  };
}

export type InvestigationSections = ReturnType<typeof investigationSections>;

/** When a file was added, and by whom when staff added it (files sent with the complaint say only when). */
export function fileAdded(record: Pick<ComplaintPage['investigation'], 'staffFiles'>, file: { id: string; createdAt: Date }, t: TFunction, moment: (at: Date) => string | null): string | null {
  const by = record.staffFiles[file.id];
  return by ? t('investigation:files.addedByStaff', { when: moment(file.createdAt), name: by }) : moment(file.createdAt);
}
