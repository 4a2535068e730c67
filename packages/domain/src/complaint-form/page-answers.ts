import { isoDateFromParts } from '../calendar/iso-date';
import { COMPLAINT_LIMITS, complaintPointInputSchema, type FieldProblem } from '../complaint/complaint-input';
import type {
  Answers,
  ChoiceFieldDefinition,
  FieldDefinition,
  PageContext,
  PageDefinition,
  PointsFieldDefinition,
  TextFieldDefinition,
} from './form-definition';

/**
 * Reading and checking what was sent for one page. What was typed is kept exactly as typed, to be
 * shown again with the errors; only what passes its check becomes an answer.
 */

export type TypedPoint = { text: string; day: string; month: string; year: string };
export type TypedValue = string | string[] | TypedPoint[] | boolean;
/** What was typed on a page, by field name: for showing the page again. */
export type TypedValues = Record<string, TypedValue>;

/** The values of a submitted form by name (text values only: files are not answers). */
export type SubmittedForm = { names(): Iterable<string>; getAll(name: string): string[] };

export type PageCheck =
  | { ok: true; values: Answers; typed: TypedValues }
  | { ok: false; problems: FieldProblem[]; typed: TypedValues };

/** More slots than a complaint may hold are read only so far: enough to say there are too many. */
const POINT_SLOTS_READ = COMPLAINT_LIMITS.points + 1;
const POINT_NAME = /^points\.(\d{1,6})\.(text|day|month|year)$/;

export function isShown(field: FieldDefinition, answers: Answers): boolean {
  return field.when ? field.when(answers) : true;
}

export function isPageShown(page: PageDefinition, answers: Answers): boolean {
  return page.when ? page.when(answers) : true;
}

/** The fields of a page asked now, given the answers so far (revealed fields stay with their choice). */
export function shownFields(page: PageDefinition, answers: Answers): FieldDefinition[] {
  return page.fields.filter((f) => isShown(f, answers));
}

/** Reads what was sent for a page's fields, and nothing else. */
export function readPage(page: PageDefinition, answers: Answers, form: SubmittedForm): TypedValues {
  const typed: TypedValues = {};
  const first = (name: string) => form.getAll(name)[0] ?? '';
  const read = (field: FieldDefinition) => {
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'tel':
      case 'textarea':
        typed[field.name] = first(field.name);
        break;
      case 'radios':
        typed[field.name] = first(field.name);
        field.options.forEach((o) => o.reveals?.forEach(read));
        break;
      case 'checkboxes':
        typed[field.name] = [...new Set(form.getAll(field.name))].slice(0, field.options.length + 1);
        field.options.forEach((o) => o.reveals?.forEach(read));
        break;
      case 'points':
        typed[field.name] = readPoints(form, field.name);
        break;
      case 'consent':
        typed[field.name] = form.getAll(field.name).includes('yes');
        break;
      case 'attachments':
        break;
    }
  };
  shownFields(page, answers).forEach(read);
  return typed;
}

function readPoints(form: SubmittedForm, name: string): TypedPoint[] {
  const slots = new Set<number>();
  for (const n of form.names()) {
    const match = POINT_NAME.exec(n);
    if (match && n.startsWith(`${name}.`)) slots.add(Number(match[1]));
    if (slots.size >= POINT_SLOTS_READ) break;
  }
  return [...slots]
    .sort((a, b) => a - b)
    .map((slot) => {
      const part = (p: string) => form.getAll(`${name}.${slot}.${p}`)[0] ?? '';
      return { text: part('text'), day: part('day'), month: part('month'), year: part('year') };
    });
}

/** What a page shows when nothing has been typed on it yet: the answers already given. */
export function typedFromAnswers(page: PageDefinition, answers: Answers): TypedValues {
  const typed: TypedValues = {};
  const fill = (field: FieldDefinition) => {
    const value = answers[field.name];
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'tel':
      case 'textarea':
      case 'radios':
        typed[field.name] = typeof value === 'string' ? value : '';
        if (field.kind === 'radios') field.options.forEach((o) => o.reveals?.forEach(fill));
        break;
      case 'checkboxes':
        typed[field.name] = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        field.options.forEach((o) => o.reveals?.forEach(fill));
        break;
      case 'points': {
        const points = Array.isArray(value) ? (value as Array<{ text?: unknown; happenedOn?: unknown }>) : [];
        typed[field.name] = points.map((p) => {
          const [year = '', month = '', day = ''] = typeof p.happenedOn === 'string' ? p.happenedOn.split('-') : [];
          return { text: typeof p.text === 'string' ? p.text : '', day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
        });
        break;
      }
      case 'consent':
        typed[field.name] = value === true;
        break;
      case 'attachments':
        break;
    }
  };
  page.fields.forEach(fill);
  return typed;
}

/**
 * Checks what was typed on a page. On success, the answers to store: every field of the page is
 * set, and fields not asked now (a hidden field, the follow-up of a choice not made) are cleared,
 * so a changed answer never leaves a stale one behind.
 */
export function checkPage(page: PageDefinition, typed: TypedValues, answers: Answers, context: PageContext): PageCheck {
  const problems: FieldProblem[] = [];
  const values: Answers = {};
  const kept: TypedValues = { ...typed };

  const clear = (field: FieldDefinition) => {
    values[field.name] = undefined;
    if (field.kind === 'radios' || field.kind === 'checkboxes') field.options.forEach((o) => o.reveals?.forEach(clear));
  };

  const check = (field: FieldDefinition) => {
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'tel':
      case 'textarea':
        return checkText(field, typed[field.name]);
      case 'radios':
        return checkRadios(field, typed[field.name]);
      case 'checkboxes':
        return checkCheckboxes(field, typed[field.name]);
      case 'points':
        return checkPoints(field, typed[field.name]);
      case 'consent':
        if (typed[field.name] === true) values[field.name] = true;
        else problems.push({ field: field.name, message: field.requiredMessage });
        return;
      case 'attachments':
        return;
    }
  };

  const checkText = (field: TextFieldDefinition, value: TypedValue | undefined) => {
    const result = field.schema.safeParse(typeof value === 'string' ? value : '');
    if (result.success) values[field.name] = result.data;
    else problems.push({ field: field.name, message: messageOf(result.error.issues[0]?.message, field.name) });
  };

  const allowedValues = (field: ChoiceFieldDefinition) => [
    ...(field.optionsFrom === 'serviceAreas' ? context.areas.map((a) => a.id) : []),
    ...field.options.map((o) => o.value),
  ];

  const checkRadios = (field: ChoiceFieldDefinition, value: TypedValue | undefined) => {
    const chosen = typeof value === 'string' && allowedValues(field).includes(value) ? value : undefined;
    if (!chosen) {
      problems.push({ field: field.name, message: field.requiredMessage ?? `${field.name}.required` });
      return;
    }
    values[field.name] = chosen;
    for (const option of field.options) {
      for (const revealed of option.reveals ?? []) (option.value === chosen ? check(revealed) : clear(revealed));
    }
  };

  const checkCheckboxes = (field: ChoiceFieldDefinition, value: TypedValue | undefined) => {
    const chosen = Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    const allowed = allowedValues(field);
    if (chosen.some((v) => !allowed.includes(v)) || (chosen.length === 0 && !field.optional)) {
      problems.push({ field: field.name, message: field.requiredMessage ?? `${field.name}.required` });
      return;
    }
    // Kept in the order the form lists them, whatever order they were sent in.
    values[field.name] = allowed.filter((v) => chosen.includes(v));
    for (const option of field.options) {
      for (const revealed of option.reveals ?? []) (chosen.includes(option.value) ? check(revealed) : clear(revealed));
    }
  };

  const checkPoints = (field: PointsFieldDefinition, value: TypedValue | undefined) => {
    const typedPoints = (Array.isArray(value) ? (value as TypedPoint[]) : []).filter((p) => typeof p === 'object' && p !== null);
    // Empty boxes (an "add another" not used) are left out rather than refused.
    const given = typedPoints.filter((p) => [p.text, p.day, p.month, p.year].some((v) => typeof v === 'string' && v.trim() !== ''));
    kept[field.name] = given.length > 0 ? given.slice(0, COMPLAINT_LIMITS.points) : [{ text: '', day: '', month: '', year: '' }];
    if (given.length === 0) {
      problems.push({ field: `${field.name}.0.text`, message: 'pointText.required' });
      return;
    }
    if (given.length > COMPLAINT_LIMITS.points) {
      problems.push({ field: field.name, message: 'points.tooMany' });
      return;
    }
    const points: Array<{ text: string; happenedOn?: string }> = [];
    given.forEach((p, i) => {
      const text = complaintPointInputSchema.shape.text.safeParse(typeof p.text === 'string' ? p.text : '');
      if (!text.success) problems.push({ field: `${field.name}.${i}.text`, message: messageOf(text.error.issues[0]?.message, 'pointText') });
      const date = field.withDates ? happenedOnFromParts(p, context.today) : { ok: true as const, date: undefined };
      if (!date.ok) problems.push({ field: `${field.name}.${i}.happenedOn`, message: date.message });
      if (text.success && date.ok) points.push(date.date ? { text: text.data, happenedOn: date.date } : { text: text.data });
    });
    values[field.name] = points;
  };

  for (const field of page.fields) (isShown(field, answers) ? check(field) : clear(field));
  return problems.length > 0 ? { ok: false, problems, typed: kept } : { ok: true, values, typed: kept };
}

function messageOf(message: string | undefined, field: string): string {
  return message && /^[a-zA-Z]+\.[a-zA-Z]+$/.test(message) ? message : `${field}.invalid`;
}

const DIGITS = /^\d{1,4}$/;

/**
 * The date a point happened, from the three boxes people type it in: all empty means not given;
 * otherwise it must be a real date, with a four-digit year, and not in the future.
 */
export function happenedOnFromParts(
  parts: { day?: unknown; month?: unknown; year?: unknown },
  today: string,
): { ok: true; date: string | undefined } | { ok: false; message: string } {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((v) => (typeof v === 'string' ? v.trim() : ''));
  if (!day && !month && !year) return { ok: true, date: undefined };
  if (!day || !month || !year) return { ok: false, message: 'happenedOn.incomplete' };
  if (!DIGITS.test(day!) || !DIGITS.test(month!) || !/^\d{4}$/.test(year!)) return { ok: false, message: 'happenedOn.invalid' };
  let date: string;
  try {
    date = isoDateFromParts(Number(year), Number(month), Number(day));
  } catch {
    return { ok: false, message: 'happenedOn.invalid' };
  }
  if (date > today) return { ok: false, message: 'happenedOn.future' };
  return { ok: true, date };
}
