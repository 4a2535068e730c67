import type { Answers, FieldDefinition, FlowDefinition, WordingKey } from './form-definition';
import { effectiveAnswers } from './answers-to-complaint';
import { shownPages } from './navigation';
import { isShown } from './page-answers';

/** How an answer reads on "check your answers"; the portal puts it into words. */
export type SummaryValue =
  | { kind: 'text'; text: string }
  | { kind: 'choices'; labels: WordingKey[] }
  | { kind: 'area'; areaId: string }
  | { kind: 'point'; text: string; happenedOn?: string }
  | { kind: 'attachments' }
  /** An optional question left unanswered: "None", as GOV.UK check-answers pages say. */
  | { kind: 'none' };

export type SummaryRow = {
  pageId: string;
  /** The field the Change link goes back to (its element id on the page). */
  fieldId: string;
  /** `fields.<name>.summary`: the short label of the answer. */
  label: WordingKey;
  /** Values for the label's placeholders, e.g. the number of a point. */
  labelValues?: Record<string, number>;
  value: SummaryValue;
};

export function summaryLabel(field: FieldDefinition): WordingKey {
  return `fields.${field.name}.summary`;
}

/**
 * "Check your answers", row by row, from the flow's own pages and fields: every question asked,
 * with the follow-up of each choice made, each linked back to the field it came from. The privacy
 * consent is not repeated: it is given on its own page and sending the complaint relies on it.
 */
export function checkAnswersRows(flow: FlowDefinition, answers: Answers): SummaryRow[] {
  const counted = effectiveAnswers(flow, answers);
  const rows: SummaryRow[] = [];
  const add = (pageId: string, field: FieldDefinition) => {
    if (!isShown(field, answers)) return;
    const value = counted[field.name];
    const row = (v: SummaryValue, extra: Partial<SummaryRow> = {}): SummaryRow => ({
      pageId,
      fieldId: field.name,
      label: summaryLabel(field),
      value: v,
      ...extra,
    });
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'tel':
      case 'textarea':
        rows.push(row(typeof value === 'string' && value !== '' ? { kind: 'text', text: value } : { kind: 'none' }));
        return;
      case 'radios':
      case 'checkboxes': {
        const chosen = ([] as unknown[]).concat(value ?? []).filter((v): v is string => typeof v === 'string');
        const labels = chosen.flatMap((v) => field.options.filter((o) => o.value === v).map((o) => o.label));
        if (field.optionsFrom === 'serviceAreas' && chosen[0] && labels.length === 0) rows.push(row({ kind: 'area', areaId: chosen[0] }));
        else rows.push(row(labels.length > 0 ? { kind: 'choices', labels } : { kind: 'none' }));
        for (const option of field.options) if (chosen.includes(option.value)) option.reveals?.forEach((r) => add(pageId, r));
        return;
      }
      case 'points': {
        const points = Array.isArray(value) ? (value as Array<{ text: string; happenedOn?: string }>) : [];
        points.forEach((p, i) =>
          rows.push(
            row(p.happenedOn ? { kind: 'point', text: p.text, happenedOn: p.happenedOn } : { kind: 'point', text: p.text }, {
              fieldId: `${field.name}-${i}-text`,
              labelValues: { number: i + 1 },
            }),
          ),
        );
        return;
      }
      case 'attachments':
        rows.push(row({ kind: 'attachments' }));
        return;
      case 'consent':
        return;
    }
  };
  for (const page of shownPages(flow, answers)) page.fields.forEach((f) => add(page.id, f));
  return rows;
}
