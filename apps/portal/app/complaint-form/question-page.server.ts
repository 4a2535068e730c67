import { formPictures } from '@complaints/content';
import { picturePath } from '@complaints/documents';
import { REFUSED_BODY_HEADERS } from '@complaints/http/bounded-body';
import {
  COMPLAINT_FLOWS,
  COMPLAINT_LIMITS,
  type FieldDefinition,
  findPage,
  type FlowId,
  type Step,
  type TypedPoint,
  type TypedValues,
} from '@complaints/domain';
import type { PageIntent, PageView } from '@complaints/services';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { detectLanguage } from '../i18n.server';
import { draftCookieHeader, draftToken } from './form-cookie.server';
import { pageDecidedByPost, showAfterPost } from './form-outcome.server';
import { readForm } from './form-request.server';
import { formSettings } from './form-settings.server';
import { audienceOf, type FormWords, formWords, ignoredNotice, type Language, rateLimitedNotice, tooLargeNotice } from './form-text.server';
import { type ErrorLink, type FieldView, HONEYPOT_FIELD, type NoticePageData, type QuestionPageData, type QuestionPicture } from './form-view';

const numberFormat = new Intl.NumberFormat('en-GB');

function elementId(field: string): string {
  return field === 'points' ? 'points-0-text' : field.replace(/\./g, '-');
}

export function stepHref(flowId: FlowId, step: Step, returningToCheck: boolean): string {
  const base = COMPLAINT_FLOWS[flowId].basePath;
  if ('check' in step) return `${base}/check`;
  return `${base}/${step.page.id}${returningToCheck ? '?return=check' : ''}`;
}

function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The picture beside a question of the children's form (chosen in content/form-pictures.json),
 * with its alternative text in the page's language, or none for a decorative one.
 */
function questionPicture(flowId: FlowId, pageId: string, w: FormWords): { picture?: QuestionPicture } {
  const picture = flowId === 'child' ? formPictures.child[pageId] : undefined;
  if (!picture) return {};
  return { picture: { src: picturePath(picture.name), alt: picture.decorative ? '' : w.words(`pictures.${pageId}`) } };
}

/** A question page ready to render, from its definition, what is in its fields and its problems. */
export function questionPageData(flowId: FlowId, view: PageView, w: FormWords, options: { language: Language; returningToCheck: boolean }): QuestionPageData {
  const flow = COMPLAINT_FLOWS[flowId];
  const { page } = view;
  const heading = w.words(page.heading);
  const single = view.fields.length === 1 && !page.intro && view.fields[0]!.kind !== 'points' && view.fields[0]!.kind !== 'attachments';
  const errorsById = new Map<string, string[]>();
  const errors: ErrorLink[] = view.problems.map((p) => {
    const id = elementId(p.field);
    const text = w.problem(p);
    errorsById.set(id, [...(errorsById.get(id) ?? []), text]);
    return { href: `#${id}`, text };
  });
  const errorFor = (id: string) => errorsById.get(id)?.join('. ');
  const optional = (text: string, field: FieldDefinition) => (field.optional ? `${text} ${w.words('form.optional')}` : text);
  const typed: TypedValues = view.typed;

  const fieldView = (field: FieldDefinition, asHeading: boolean): FieldView => {
    switch (field.kind) {
      case 'text':
      case 'email':
      case 'tel':
      case 'textarea': {
        const value = typed[field.name];
        return {
          kind: field.kind,
          id: field.name,
          name: field.name,
          label: asHeading ? heading : optional(w.words(field.label), field),
          isPageHeading: asHeading,
          ...(field.hint ? { hint: w.words(field.hint, { max: numberFormat.format(field.max) }) } : {}),
          ...(errorFor(field.name) ? { error: errorFor(field.name)! } : {}),
          value: typeof value === 'string' ? value : '',
          ...(field.autocomplete ? { autoComplete: field.autocomplete } : {}),
          ...(field.width ? { widthClass: `govuk-input--width-${field.width}` } : {}),
          ...(field.rows ? { rows: field.rows } : {}),
        };
      }
      case 'radios':
      case 'checkboxes': {
        const value = typed[field.name];
        const areas = field.optionsFrom === 'serviceAreas' ? view.areas.map((a) => ({ value: a.id, label: a.name[options.language], reveals: [] })) : [];
        return {
          kind: field.kind,
          id: field.name,
          name: field.name,
          legend: asHeading ? heading : w.words(field.label),
          isPageHeading: asHeading,
          ...(field.hint ? { hint: w.words(field.hint) } : {}),
          ...(errorFor(field.name) ? { error: errorFor(field.name)! } : {}),
          choices: [
            ...areas,
            ...field.options.map((o) => ({
              value: o.value,
              label: w.words(o.label),
              ...(o.hint ? { hint: w.words(o.hint) } : {}),
              reveals: (o.reveals ?? []).map((r) => fieldView(r, false)),
            })),
          ],
          selected: Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' && value ? [value] : [],
          inline: field.inline ?? false,
        };
      }
      case 'points': {
        const given = Array.isArray(typed[field.name]) ? (typed[field.name] as TypedPoint[]) : [];
        const points = (given.length > 0 ? given : [{ text: '', day: '', month: '', year: '' }]).slice(0, COMPLAINT_LIMITS.points + 1);
        return {
          kind: 'points',
          id: 'points',
          ...(errorFor('points-0-text') && view.problems.some((p) => p.field === 'points') ? { error: errorFor('points-0-text')! } : {}),
          points: points.map((p, i) => ({
            number: i + 1,
            legend: w.words('fields.points.label', { number: i + 1 }),
            text: {
              id: `points-${i}-text`,
              name: `points.${i}.text`,
              label: w.words('fields.points.textLabel'),
              hint: w.words('fields.points.textHint', { max: numberFormat.format(COMPLAINT_LIMITS.pointText) }),
              value: p.text,
              ...(errorFor(`points-${i}-text`) && !view.problems.some((q) => q.field === 'points') ? { error: errorFor(`points-${i}-text`)! } : {}),
            },
            ...(field.withDates
              ? {
                  date: {
                    id: `points-${i}-happenedOn`,
                    name: `points.${i}`,
                    legend: `${w.words('fields.points.dateLegend')} ${w.words('form.optional')}`,
                    hint: w.words('fields.points.dateHint'),
                    value: { day: p.day, month: p.month, year: p.year },
                    ...(errorFor(`points-${i}-happenedOn`) ? { error: errorFor(`points-${i}-happenedOn`)! } : {}),
                    labels: { day: w.words('fields.points.day'), month: w.words('fields.points.month'), year: w.words('fields.points.year') },
                  },
                }
              : {}),
            ...(points.length > 1 ? { remove: { value: `remove-point:${i}`, text: w.words('fields.points.remove', { number: i + 1 }) } } : {}),
          })),
          ...(points.length < COMPLAINT_LIMITS.points
            ? { add: { value: 'add-point', text: w.words('fields.points.add') } }
            : { limitReached: w.words('fields.points.limit', { max: COMPLAINT_LIMITS.points }) }),
        };
      }
      case 'consent':
        return {
          kind: 'consent',
          id: field.name,
          name: field.name,
          label: w.words(field.label),
          ...(errorFor(field.name) ? { error: errorFor(field.name)! } : {}),
          checked: typed[field.name] === true,
        };
      case 'attachments':
        return {
          kind: 'attachments',
          id: 'attachments',
          name: 'files',
          label: w.words(field.label),
          hint: w.words(field.hint ?? 'fields.attachments.hint'),
          ...(errorFor('attachments') ? { error: errorFor('attachments')! } : {}),
          listHeading: w.words('fields.attachments.listHeading'),
          files: view.files.map((f) => ({
            id: f.id,
            name: f.name,
            size: sizeInWords(f.sizeBytes),
            remove: { value: `remove-file:${f.id}`, text: w.words('fields.attachments.remove') },
          })),
          upload: { value: 'upload', text: w.words('fields.attachments.upload') },
        };
    }
  };

  const back = options.returningToCheck
    ? `${flow.basePath}/check`
    : view.previousPageId
      ? `${flow.basePath}/${view.previousPageId}`
      : flow.basePath;
  return {
    view: 'question',
    title: w.title(heading, errors.length > 0),
    heading,
    headingInField: single,
    intro: (page.intro ?? []).map((k) => w.words(k)),
    links: (page.links ?? []).map((l) => ({ href: l.href, text: w.words(l.text) })),
    ...questionPicture(flowId, page.id, w),
    fields: view.fields.map((f) => fieldView(f, single)),
    errors,
    multipart: page.fields.some((f) => f.kind === 'attachments'),
    defaultContinue: page.fields.some((f) => f.kind === 'points' || f.kind === 'attachments'),
    chrome: {
      back: { href: back, text: w.common('backLink') },
      continueText: w.common('continue'),
      errorSummaryTitle: w.common('errorSummaryTitle'),
      errorPrefix: w.common('errorTitlePrefix'),
      honeypotLabel: w.words('form.honeypot'),
    },
  };
}

type PageData = QuestionPageData | NoticePageData;

/** Opens a question page of a form, with the answers already given. */
export function questionPageLoader(flowId: FlowId) {
  return async ({ request, params, context }: LoaderFunctionArgs) => {
    const decided = pageDecidedByPost<PageData>(context);
    if (decided) return data(decided);
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const returningToCheck = new URL(request.url).searchParams.get('return') === 'check';
    const opened = await context.services.complaintForm.openPage({ flow: flowId, token: await draftToken(request, flowId), pageId: params.page ?? '' });
    switch (opened.kind) {
      case 'not-found':
        throw new Response('Not found', { status: 404 });
      case 'sent':
        throw redirect(`${COMPLAINT_FLOWS[flowId].basePath}/confirmation`);
      case 'skip':
        throw redirect(stepHref(flowId, opened.to, returningToCheck));
      case 'page':
        return data<PageData>(questionPageData(flowId, opened, w, { language, returningToCheck }));
    }
  };
}

function intentOf(value: string | undefined): PageIntent | { action: 'remove-file'; id: string } {
  if (value === 'add-point') return { action: 'add-point' };
  const point = /^remove-point:(\d{1,3})$/.exec(value ?? '');
  if (point) return { action: 'remove-point', index: Number(point[1]) };
  const file = /^remove-file:([0-9a-f-]{36})$/.exec(value ?? '');
  if (file) return { action: 'remove-file', id: file[1]! };
  return { action: 'continue' };
}

/** Saves a question page: the page again with its errors, or on to the next step. */
export function questionPageAction(flowId: FlowId) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    const flow = COMPLAINT_FLOWS[flowId];
    const page = findPage(flow, params.page ?? '');
    if (!page) throw new Response('Not found', { status: 404 });
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const url = new URL(request.url);
    const returningToCheck = url.searchParams.get('return') === 'check';
    const takesFiles = page.fields.some((f) => f.kind === 'attachments');

    const read = await readForm(request, { files: takesFiles });
    if (!read.ok) return showAfterPost<PageData>(context, tooLargeNotice(w, `${url.pathname}${url.search}`), { status: 413, headers: REFUSED_BODY_HEADERS });
    const intent = intentOf(read.form.getAll('intent')[0]);
    const token = await draftToken(request, flowId);
    const settings = formSettings(context);
    const post = { clientIp: context.clientIp, honeypot: read.form.getAll(HONEYPOT_FIELD)[0], limits: settings.limits };
    const forms = context.services.complaintForm;
    const base = { flow: flowId, token, pageId: page.id, post };
    const result =
      intent.action === 'remove-file'
        ? await forms.removeFile(settings.storage, { ...base, attachmentId: intent.id })
        : takesFiles
          ? await forms.attachFiles(settings.storage, { ...base, files: read.files, continueAfter: intent.action === 'continue', returningToCheck })
          : await forms.savePage({ ...base, form: read.form, intent, returningToCheck });

    const cookie = 'token' in result && result.token ? { 'Set-Cookie': await draftCookieHeader(flowId, result.token, settings.secureCookies) } : undefined;
    switch (result.kind) {
      case 'rate-limited':
        return showAfterPost<PageData>(context, rateLimitedNotice(w, result.retryAfterSeconds), {
          status: 429,
          headers: { 'Retry-After': String(result.retryAfterSeconds) },
        });
      case 'ignored':
        return showAfterPost<PageData>(context, ignoredNotice(w), { status: 200 });
      case 'not-found':
        throw new Response('Not found', { status: 404 });
      case 'sent':
        throw redirect(`${flow.basePath}/confirmation`, 303);
      case 'saved':
        throw redirect(stepHref(flowId, result.next, returningToCheck), { status: 303, ...(cookie ? { headers: cookie } : {}) });
      case 'page':
        return showAfterPost<PageData>(context, questionPageData(flowId, result, w, { language, returningToCheck }), {
          status: result.problems.length > 0 ? 400 : 200,
          ...(cookie ? { headers: cookie } : {}),
        });
    }
  };
}
