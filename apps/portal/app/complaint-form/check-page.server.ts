import { REFUSED_BODY_HEADERS } from '@complaints/http/bounded-body';
import { COMPLAINT_FLOWS, type FlowId, type SummaryRow } from '@complaints/domain';
import { complaintDateInWords, type DraftFile } from '@complaints/services';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import type { AreaChoice } from '@complaints/domain';
import { detectLanguage } from '../i18n.server';
import { draftToken } from './form-cookie.server';
import { pageDecidedByPost, showAfterPost } from './form-outcome.server';
import { readForm } from './form-request.server';
import { formSettings, trackUrl } from './form-settings.server';
import { audienceOf, expiredNotice, type FormWords, formWords, ignoredNotice, type Language, rateLimitedNotice, tooLargeNotice } from './form-text.server';
import { type CheckPageData, type CheckRowView, HONEYPOT_FIELD, type NoticePageData } from './form-view';

type PageData = CheckPageData | NoticePageData;

function rowView(flowId: FlowId, row: SummaryRow, w: FormWords, language: Language, areas: AreaChoice[], files: DraftFile[]): CheckRowView {
  const key = w.words(row.label, row.labelValues ?? {});
  const value = row.value;
  const lines = (() => {
    switch (value.kind) {
      case 'text':
        return value.text.split(/\r?\n/);
      case 'choices':
        return value.labels.map((l) => w.words(l));
      case 'area':
        return [areas.find((a) => a.id === value.areaId)?.name[language] ?? w.words('check.none')];
      case 'point':
        return [
          ...value.text.split(/\r?\n/),
          ...(value.happenedOn ? [w.words('fields.points.happenedOn', { date: complaintDateInWords(value.happenedOn, language) })] : []),
        ];
      case 'attachments':
        return files.length > 0 ? files.map((f) => f.name) : [w.words('fields.attachments.none')];
      case 'none':
        return [w.words('check.none')];
    }
  })();
  return {
    key,
    lines,
    change: { href: `${COMPLAINT_FLOWS[flowId].basePath}/${row.pageId}?return=check#${row.fieldId}`, text: w.words('check.change'), hidden: key.toLowerCase() },
  };
}

/** "Check your answers": every answer, each with a Change link back to its question. */
export function checkPageLoader(flowId: FlowId) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    const decided = pageDecidedByPost<PageData>(context);
    if (decided) return data(decided);
    const base = COMPLAINT_FLOWS[flowId].basePath;
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const check = await context.services.complaintForm.openCheckAnswers({ flow: flowId, token: await draftToken(request, flowId) });
    switch (check.kind) {
      case 'no-draft':
        throw redirect(base);
      case 'sent':
        throw redirect(`${base}/confirmation`);
      case 'unanswered':
        throw redirect(`${base}/${check.pageId}?return=check`);
      case 'check': {
        const heading = w.words('check.heading');
        return data<PageData>({
          view: 'check',
          title: w.title(heading),
          heading,
          rows: check.rows.map((r) => rowView(flowId, r, w, language, check.areas, check.files)),
          sendHeading: w.words('check.sendHeading'),
          sendBody: w.words('check.sendBody'),
          sendText: w.words('check.send'),
          formKey: check.formKey,
          back: { href: `${base}/${check.lastPageId}`, text: w.common('backLink') },
          honeypotLabel: w.words('form.honeypot'),
        });
      }
    }
  };
}

/**
 * Sends the complaint. A repeated or double-clicked send carries the same form instance key and
 * lands on the same confirmation: the service finds the complaint the first send made.
 */
export function checkPageAction(flowId: FlowId) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const base = COMPLAINT_FLOWS[flowId].basePath;
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const read = await readForm(request, { files: false });
    if (!read.ok) return showAfterPost<PageData>(context, tooLargeNotice(w, `${base}/check`), { status: 413, headers: REFUSED_BODY_HEADERS });
    const settings = formSettings(context);
    const result = await context.services.complaintForm.submit({
      flow: flowId,
      token: await draftToken(request, flowId),
      formKey: read.form.getAll('formKey')[0] ?? '',
      pageLanguage: language,
      trackUrl: trackUrl(context),
      post: { clientIp: context.clientIp, honeypot: read.form.getAll(HONEYPOT_FIELD)[0], limits: settings.limits },
    });
    switch (result.kind) {
      case 'rate-limited':
        return showAfterPost<PageData>(context, rateLimitedNotice(w, result.retryAfterSeconds, result.limit === 'sends' ? { checkHref: `${base}/check` } : undefined), {
          status: 429,
          headers: { 'Retry-After': String(result.retryAfterSeconds) },
        });
      case 'ignored':
        return showAfterPost<PageData>(context, ignoredNotice(w), { status: 200 });
      case 'no-draft':
        return showAfterPost<PageData>(context, expiredNotice(w, base), { status: 400 });
      case 'stale':
        throw redirect(`${base}/check`, 303);
      case 'unanswered':
        throw redirect(`${base}/${result.pageId}?return=check`, 303);
      case 'sent':
        throw redirect(`${base}/confirmation`, 303);
    }
  };
}
