import { REFUSED_BODY_HEADERS } from '@complaints/http/bounded-body';
import { DocumentBlocks } from '@complaints/documents';
import { type Audience, type FieldProblem, type IsoDate, londonDateOf, SURVEY_LIMITS, SURVEY_QUESTIONS, SURVEY_SCALE, TRACKING_LIMITS } from '@complaints/domain';
import { dateInWords, INFORMATION_LIMITS, isRefusal, type TrackingPage, type TrackingSession, WITHDRAWAL_LIMITS } from '@complaints/services';
import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { randomUUID } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { formSettings } from '../complaint-form/form-settings.server';
import { readForm } from '../complaint-form/form-request.server';
import { detectLanguage } from '../i18n.server';
import { challengeToken, clearCookie, sessionToken, setCookie } from './tracking-cookies.server';
import { type TrackingText, trackingText } from './tracking-text.server';
import type { FormPageView, Link, NoticeView, StatusView, TrackingField, TrackingView } from './tracking-view';

/**
 * The tracking pages: the reference, the code, the complaint, its letters, and the moves its
 * complainant makes. Each loader and action reads what was sent, calls one tracking service and
 * turns the answer into a page; the rules live in the services.
 */

export const TRACK = {
  start: '/track',
  code: '/track/code',
  complaint: '/track/complaint',
  information: '/track/information',
  review: '/track/review',
  withdraw: '/track/withdraw',
  survey: '/track/survey',
  signOut: '/track/sign-out',
  letter: (id: string) => `/track/letters/${encodeURIComponent(id)}`,
  letterPdf: (id: string) => `/track/letters/${encodeURIComponent(id)}/pdf`,
} as const;

type Args = LoaderFunctionArgs | ActionFunctionArgs;

const NO_STORE = { 'Cache-Control': 'no-store' };

async function textFor(request: Request, audience: Audience = 'adult'): Promise<TrackingText> {
  return trackingText(await detectLanguage(request), audience);
}

/**
 * Requests whose form came back with problems. The page's title is read from its loader's data,
 * and a form posts as a whole page, so the loader runs after the action in the same request: an
 * action that answers with problems marks the request, and the loader titles its page "Error: …"
 * (WCAG 2.4.2, the GOV.UK pattern), as the back office does.
 */
const withProblems = new WeakSet<object>();

function page(view: TrackingView, init: { status?: number; headers?: HeadersInit } = {}, context?: object) {
  if (context && view.view === 'form' && view.errors.length > 0) withProblems.add(context);
  return data(view, { status: init.status ?? 200, headers: { ...NO_STORE, ...(init.headers ?? {}) } });
}

/** A form's page as its loader shows it: titled as having problems when this request's action found some. */
function formPage(context: object, text: TrackingText, view: FormPageView) {
  return page(withProblems.has(context) ? { ...view, title: text.title(view.heading, true) } : view);
}

function blankForm(text: TrackingText, title: string, heading: string): FormPageView {
  return { view: 'form', title: text.title(heading), heading, errorSummaryTitle: text.errorSummaryTitle, errorPrefix: text.errorPrefix, errors: [], paragraphs: [], sections: [] };
}

function withErrors(view: FormPageView, text: TrackingText, errors: Array<{ field: string; message: string }>): FormPageView {
  return { ...view, title: text.title(view.heading, errors.length > 0), errors: errors.map((e) => ({ href: `#${e.field}`, text: e.message })) };
}

function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

// ─── The reference ──────────────────────────────────────────────────────────────────────────────

function startView(text: TrackingText, typed = '', error?: string): FormPageView {
  const heading = text.words('title');
  const view: FormPageView = {
    ...blankForm(text, heading, heading),
    paragraphs: [text.words('start.lead')],
    form: {
      fields: [{ kind: 'text', id: 'reference', name: 'reference', label: text.words('start.referenceLabel'), hint: text.words('start.referenceHint'), value: typed, autoComplete: 'off', width: 'govuk-input--width-20', ...(error ? { error } : {}) }],
      submit: { text: text.words('start.continue') },
    },
    sections: [{ paragraphs: [text.words('start.howWeCheck'), text.words('start.noReference'), text.words('start.privacy')] }],
  };
  return withErrors(view, text, error ? [{ field: 'reference', message: error }] : []);
}

export async function referenceLoader({ request, context }: LoaderFunctionArgs) {
  const session = await context.services.tracking.resume({ token: await sessionToken(request), requestId: context.requestId });
  if (session) throw redirect(TRACK.complaint, { headers: NO_STORE });
  const text = await textFor(request);
  return formPage(context, text, startView(text));
}

export async function referenceAction({ request, context }: ActionFunctionArgs) {
  const text = await textFor(request);
  const read = await readForm(request, { files: false });
  const typed = read.ok ? (read.form.getAll('reference')[0] ?? '') : '';
  const started = await context.services.tracking.start({ typed, clientIp: context.clientIp });
  switch (started.outcome) {
    case 'invalid':
      return page(startView(text, typed, text.words(`problems.${started.problem}`)), { status: 400 }, context);
    case 'rate-limited':
      return page(startView(text, typed, text.words('problems.rateLimited', { minutes: minutes(started.retryAfterSeconds) })), {
        status: 429,
        headers: { 'Retry-After': String(started.retryAfterSeconds) },
      }, context);
    case 'asked-for-code':
      throw redirect(TRACK.code, { headers: { ...NO_STORE, 'Set-Cookie': await setCookie(context, 'challenge', started.token) } });
  }
}

// ─── The code ───────────────────────────────────────────────────────────────────────────────────

function codeView(text: TrackingText, error?: string): FormPageView {
  const heading = text.words('code.title');
  const view: FormPageView = {
    ...blankForm(text, heading, heading),
    back: { href: TRACK.start, text: text.words('code.startAgain') },
    paragraphs: [text.words('code.lead', { minutes: TRACKING_LIMITS.codeMinutes }), text.words('code.post')],
    form: {
      fields: [
        {
          kind: 'text',
          id: 'code',
          name: 'code',
          label: text.words('code.label'),
          hint: text.words('code.hint'),
          autoComplete: 'one-time-code',
          width: 'govuk-input--width-10',
          ...(error ? { error } : {}),
        },
      ],
      submit: { text: text.words('code.continue'), name: 'intent', value: 'confirm' },
    },
    sections: [
      {
        heading: text.words('code.newCodeHeading'),
        paragraphs: [text.words('code.newCodeBody')],
        form: { fields: [], submit: { text: text.words('code.newCode'), name: 'intent', value: 'resend' } },
        links: [{ href: TRACK.start, text: text.words('code.startAgain') }],
      },
    ],
  };
  return withErrors(view, text, error ? [{ field: 'code', message: error }] : []);
}

export async function codeLoader({ request, context }: LoaderFunctionArgs) {
  if (!(await challengeToken(request))) throw redirect(TRACK.start, { headers: NO_STORE });
  const text = await textFor(request);
  return formPage(context, text, codeView(text));
}

export async function codeAction({ request, context }: ActionFunctionArgs) {
  const text = await textFor(request);
  const token = await challengeToken(request);
  const read = await readForm(request, { files: false });
  const form = read.ok ? read.form : null;
  const limited = (seconds: number) =>
    page(codeView(text, text.words('problems.rateLimited', { minutes: minutes(seconds) })), { status: 429, headers: { 'Retry-After': String(seconds) } }, context);

  if (form?.getAll('intent')[0] === 'resend') {
    const again = await context.services.tracking.askForNewCode({ token, clientIp: context.clientIp });
    if (again.outcome === 'rate-limited') return limited(again.retryAfterSeconds);
    if (again.outcome !== 'asked-for-code') throw redirect(TRACK.start, { headers: NO_STORE });
    throw redirect(TRACK.code, { headers: { ...NO_STORE, 'Set-Cookie': await setCookie(context, 'challenge', again.token) } });
  }

  const typed = form?.getAll('code')[0] ?? '';
  const confirmed = await context.services.tracking.confirmCode({ token, typed, clientIp: context.clientIp });
  switch (confirmed.outcome) {
    case 'invalid':
      return page(codeView(text, text.words(`problems.${confirmed.problem}`)), { status: 400 }, context);
    case 'wrong':
      return page(codeView(text, text.words('problems.code.wrong', { count: confirmed.triesLeft })), { status: 400 }, context);
    case 'spent':
      return page(codeView(text, text.words('problems.code.spent')), { status: 400 }, context);
    case 'rate-limited':
      return limited(confirmed.retryAfterSeconds);
    case 'opened': {
      const headers = new Headers(NO_STORE);
      headers.append('Set-Cookie', await setCookie(context, 'session', confirmed.sessionToken));
      headers.append('Set-Cookie', await clearCookie(context, 'challenge'));
      throw redirect(TRACK.complaint, { headers });
    }
  }
}

// ─── The session ────────────────────────────────────────────────────────────────────────────────

/** The open tracking session, or back to the start (with the lapsed cookie cleared). */
async function requireSession({ request, context }: Args): Promise<TrackingSession> {
  const session = await context.services.tracking.resume({ token: await sessionToken(request), requestId: context.requestId });
  if (!session) throw redirect(TRACK.start, { headers: { ...NO_STORE, 'Set-Cookie': await clearCookie(context, 'session') } });
  return session;
}

/** The complaint as its complainant sees it, and the words in its wording (a child's complaint in a child's words). */
async function openComplaint(args: Args): Promise<{ session: TrackingSession; tracked: TrackingPage; text: TrackingText; language: 'en' | 'cy' }> {
  const session = await requireSession(args);
  const tracked = await args.context.services.tracking.view(session);
  const language = await detectLanguage(args.request);
  return { session, tracked, text: trackingText(language, tracked.audience), language };
}

function dateOf(date: IsoDate | Date, language: 'en' | 'cy'): string {
  return dateInWords(date instanceof Date ? londonDateOf(date) : date, language);
}

const DONE = ['information', 'review', 'withdrawn', 'survey'] as const;

function statusView(text: TrackingText, tracked: TrackingPage, language: 'en' | 'cy', done: string | null): StatusView {
  const heading = text.words('title');
  const date = (d: IsoDate | Date) => dateOf(d, language);
  const progress = [text.words(`status.progress.${tracked.progress}.stage${tracked.stage}`)];
  if (tracked.stage === 2) progress.push(text.words('status.stage2'));
  progress.push(text.words('status.receivedOn', { date: date(tracked.receivedOn) }));
  if (tracked.dueOn) progress.push(text.words('status.dueOn', { date: date(tracked.dueOn) }));
  if (tracked.extension) {
    progress.push(text.words('status.extended', { date: date(tracked.extension.responseDueOn), original: date(tracked.extension.originalResponseDueOn) }));
    if (tracked.extension.reason) progress.push(text.words('status.extendedReason', { reason: tracked.extension.reason }));
  }
  if (tracked.pause) {
    progress.push(text.words('status.paused', { date: date(tracked.pause.since) }));
    if (tracked.pause.reason) progress.push(text.words('status.extendedReason', { reason: tracked.pause.reason }));
  }
  const m = tracked.manager;
  const manager = m
    ? [
        m.jobTitle ? text.words('status.managerTitled', { name: m.name, title: m.jobTitle }) : text.words('status.manager', { name: m.name }),
        text.words('status.managerContact', { email: m.email }),
        ...(m.phone ? [text.words('status.managerPhone', { phone: m.phone })] : []),
      ]
    : [text.words('status.noManager')];
  const actions: Link[] = [];
  if (tracked.moves.add_information) actions.push({ href: TRACK.information, text: text.words('status.addInformation') });
  if (tracked.moves.request_stage_two) actions.push({ href: TRACK.review, text: text.words('status.askForReview') });
  if (tracked.moves.answer_survey) actions.push({ href: TRACK.survey, text: text.words('status.survey') });
  if (tracked.moves.withdraw) actions.push({ href: TRACK.withdraw, text: text.words('status.withdraw') });
  const shownDone = DONE.find((d) => d === done);
  return {
    view: 'status',
    title: text.title(heading),
    heading,
    ...(shownDone ? { banner: { title: text.words('banner.done'), text: text.words(`status.done.${shownDone}`) } } : {}),
    reference: { label: text.words('status.referenceLabel'), value: tracked.reference },
    progress: { heading: text.words('status.progressHeading'), paragraphs: progress },
    manager: { heading: text.words('status.managerHeading'), paragraphs: manager },
    points: {
      heading: text.words('status.pointsHeading'),
      items: tracked.points.map((p) => ({
        heading: text.words('status.point', { number: p.position }),
        text: p.text,
        notAnswered: text.words('status.notAnswered'),
        answer: p.answer
          ? {
              decision: text.other('letters', `decisions.${p.answer.decision}`),
              rows: [
                { key: text.words('status.reasons'), value: p.answer.reasons },
                ...(p.answer.whatShouldHaveHappened ? [{ key: text.words('status.whatShouldHaveHappened'), value: p.answer.whatShouldHaveHappened }] : []),
                ...(p.answer.whatHappened ? [{ key: text.words('status.whatHappened'), value: p.answer.whatHappened }] : []),
                ...(p.answer.remedy ? [{ key: text.words('status.remedy'), value: p.answer.remedy }] : []),
              ],
              actions: p.answer.actions.length > 0 ? { heading: text.words('status.actions'), items: p.answer.actions } : null,
            }
          : null,
      })),
    },
    letters: {
      heading: text.words('status.lettersHeading'),
      none: text.words('status.lettersNone'),
      items: tracked.letters.map((l) => ({
        text: text.words(`letterKinds.${l.kind}`),
        href: TRACK.letter(l.id),
        sent: l.sentAt ? text.words('status.letterSent', { date: date(l.sentAt) }) : '',
        pdf: { href: TRACK.letterPdf(l.id), text: text.words('status.letterPdf') },
      })),
    },
    timeline: {
      heading: text.words('status.timelineHeading'),
      items: tracked.timeline.map((e) => {
        const [group = '', name = ''] = e.type.split('.');
        const values = { letter: e.letterKind ? text.words(`letterKinds.${e.letterKind}`) : '', date: e.dueOn ? date(e.dueOn) : '' };
        const words = text.words(`timeline.${group}.${name}`, { ...values, defaultValue: text.words('timeline.other') });
        return { date: date(e.occurredAt), dateTime: e.occurredAt.toISOString(), text: words, ...(e.reason ? { detail: text.words('status.extendedReason', { reason: e.reason }) } : {}) };
      }),
    },
    actions: { heading: text.words('status.whatNextHeading'), links: actions },
    signOut: { action: TRACK.signOut, text: text.words('status.signOut') },
  };
}

export async function complaintLoader(args: LoaderFunctionArgs) {
  const { tracked, text, language } = await openComplaint(args);
  return page(statusView(text, tracked, language, new URL(args.request.url).searchParams.get('done')));
}

export async function signOutAction({ request, context }: ActionFunctionArgs) {
  await context.services.tracking.end(await sessionToken(request));
  const text = await textFor(request);
  return page(signedOutView(text), { headers: { 'Set-Cookie': await clearCookie(context, 'session') } });
}

export async function signOutLoader({ request }: LoaderFunctionArgs) {
  return page(signedOutView(await textFor(request)));
}

function signedOutView(text: TrackingText): NoticeView {
  const heading = text.words('status.signedOutTitle');
  return { view: 'notice', title: text.title(heading), heading, paragraphs: [text.words('status.signedOutBody')], link: { href: TRACK.start, text: text.words('status.again') } };
}

// ─── Letters ────────────────────────────────────────────────────────────────────────────────────

function notFoundView(text: TrackingText): NoticeView {
  const heading = text.words('status.notFound');
  return { view: 'notice', title: text.title(heading), heading, paragraphs: [], link: { href: TRACK.complaint, text: text.words('title') } };
}

export async function letterLoader(args: LoaderFunctionArgs) {
  const session = await requireSession(args);
  const text = await textFor(args.request);
  try {
    const source = await args.context.services.tracking.viewLetter(session, args.params.letterId ?? '');
    const html = renderToStaticMarkup(<DocumentBlocks blocks={source.blocks} headingOffset={1} />);
    return page({
      view: 'letter',
      title: text.title(source.title),
      heading: source.title,
      back: { href: TRACK.complaint, text: text.words('title') },
      pdf: { href: TRACK.letterPdf(args.params.letterId ?? ''), text: text.words('status.letterPdf') },
      html,
    });
  } catch (error) {
    if (isRefusal(error)) return page(notFoundView(text), { status: 404 });
    throw error;
  }
}

export async function letterPdfLoader(args: LoaderFunctionArgs) {
  const session = await requireSession(args);
  try {
    const file = await args.context.services.tracking.downloadLetter(session, args.params.letterId ?? '');
    return new Response(Buffer.from(file.bytes), {
      headers: {
        ...NO_STORE,
        'Content-Type': file.contentType,
        // Opened in the browser, not saved to a shared device's downloads folder.
        'Content-Disposition': `inline; filename="${file.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isRefusal(error)) return new Response('Not found', { status: 404, headers: NO_STORE });
    throw error;
  }
}

// ─── Moves ──────────────────────────────────────────────────────────────────────────────────────

type MovePage = 'information' | 'review' | 'withdraw' | 'survey';
const MOVE_OF = { information: 'add_information', review: 'request_stage_two', withdraw: 'withdraw', survey: 'answer_survey' } as const;
const DONE_OF = { information: 'information', review: 'review', withdraw: 'withdrawn', survey: 'survey' } as const;

function notNowView(text: TrackingText): NoticeView {
  const heading = text.words('fieldProblems.notNow');
  return { view: 'notice', title: text.title(heading), heading, paragraphs: [], link: { href: TRACK.complaint, text: text.words('title') } };
}

type Values = Record<string, string>;
type Errors = Record<string, string>;

function key(values: Values): TrackingField {
  // A fresh key for each form shown; sent back with it, so a second click finds the first one's result.
  return { kind: 'hidden', name: 'submissionKey', value: values.submissionKey ?? randomUUID() };
}

function moveForm(text: TrackingText, which: MovePage, values: Values, errors: Errors, confirming = false): FormPageView {
  const back = { href: TRACK.complaint, text: text.words('title') };
  const err = (field: string) => (errors[field] ? { error: errors[field] } : {});
  let view: FormPageView;
  switch (which) {
    case 'information': {
      const heading = text.words('information.title');
      view = {
        ...blankForm(text, heading, heading),
        back,
        paragraphs: [text.words('information.lead')],
        form: {
          multipart: true,
          fields: [
            key(values),
            { kind: 'textarea', id: 'summary', name: 'summary', label: text.words('information.summaryLabel'), hint: text.words('information.summaryHint'), value: values.summary ?? '', ...err('summary') },
            { kind: 'files', id: 'file', name: 'files', label: text.words('information.filesLabel'), hint: text.words('information.filesHint'), ...err('file') },
          ],
          submit: { text: text.words('information.submit') },
        },
      };
      break;
    }
    case 'review': {
      const heading = text.words('review.title');
      view = {
        ...blankForm(text, heading, heading),
        back,
        paragraphs: [text.words('review.lead')],
        form: {
          fields: [key(values), { kind: 'textarea', id: 'reason', name: 'reason', label: text.words('review.reasonLabel'), hint: text.words('review.reasonHint'), value: values.reason ?? '', ...err('reason') }],
          submit: { text: text.words('review.submit') },
        },
      };
      break;
    }
    case 'withdraw': {
      if (confirming) {
        const heading = text.words('withdraw.confirmTitle');
        view = {
          ...blankForm(text, heading, heading),
          back,
          paragraphs: [text.words('withdraw.confirmBody')],
          form: {
            fields: [key(values), { kind: 'hidden', name: 'reason', value: values.reason ?? '' }],
            submit: { text: text.words('withdraw.confirm'), name: 'intent', value: 'confirm', warning: true },
            cancel: { href: TRACK.complaint, text: text.words('withdraw.cancel') },
          },
        };
        break;
      }
      const heading = text.words('withdraw.title');
      view = {
        ...blankForm(text, heading, heading),
        back,
        paragraphs: [text.words('withdraw.lead')],
        form: {
          fields: [key(values), { kind: 'textarea', id: 'reason', name: 'reason', label: text.words('withdraw.reasonLabel'), value: values.reason ?? '', ...err('reason') }],
          submit: { text: text.words('withdraw.continue'), name: 'intent', value: 'check' },
        },
      };
      break;
    }
    case 'survey': {
      const heading = text.words('survey.title');
      const scale = SURVEY_SCALE.map((value) => ({ value, label: text.words(`survey.scale.${value}`) }));
      view = {
        ...blankForm(text, heading, heading),
        back,
        paragraphs: [text.words('survey.lead')],
        form: {
          fields: [
            key(values),
            ...SURVEY_QUESTIONS.map(
              (q): TrackingField => ({ kind: 'radios', id: q, name: q, legend: text.words(`survey.questions.${q}`), choices: scale, ...(values[q] ? { value: values[q] } : {}), ...err(q) }),
            ),
            { kind: 'textarea', id: 'comments', name: 'comments', label: text.words('survey.commentsLabel'), value: values.comments ?? '', ...err('comments') },
          ],
          submit: { text: text.words('survey.submit') },
        },
      };
      break;
    }
  }
  const order = ['summary', 'reason', ...SURVEY_QUESTIONS, 'comments', 'file'];
  return withErrors(
    view,
    text,
    order.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f]! })),
  );
}

const LIMITS: Record<string, number> = { summary: INFORMATION_LIMITS.summary, reason: WITHDRAWAL_LIMITS.reason, comments: SURVEY_LIMITS.comments };

export function moveLoader(which: MovePage) {
  return async (args: LoaderFunctionArgs) => {
    const { tracked, text } = await openComplaint(args);
    if (!tracked.moves[MOVE_OF[which]]) return page(notNowView(text), { status: 409 });
    return formPage(args.context, text, moveForm(text, which, {}, {}));
  };
}

export function moveAction(which: MovePage) {
  return async (args: ActionFunctionArgs) => {
    const { session, tracked, text } = await openComplaint(args);
    const read = await readForm(args.request, { files: which === 'information' });
    if (!read.ok) return page(moveForm(text, which, {}, { [which === 'information' ? 'file' : 'summary']: text.words('fieldProblems.file.tooBig') }), { status: 413, headers: REFUSED_BODY_HEADERS }, args.context);
    const values: Values = {};
    for (const name of read.form.names()) values[name] = read.form.getAll(name)[0] ?? '';
    const request = { ...session, submissionKey: values.submissionKey || undefined };
    const services = args.context.services.tracking;
    if (which === 'withdraw' && values.intent !== 'confirm') {
      if (!tracked.moves.withdraw) return page(notNowView(text), { status: 409 });
      if ((values.reason ?? '').length > WITHDRAWAL_LIMITS.reason) return page(moveForm(text, which, values, { reason: text.problem({ field: 'reason', message: 'reason.tooLong' }, LIMITS) }), { status: 400 }, args.context);
      return page(moveForm(text, which, values, {}, true));
    }
    try {
      if (which === 'information') await services.addInformation(request, values, read.files, formSettings(args.context).storage);
      else if (which === 'review') await services.askForReview(request, values);
      else if (which === 'withdraw') await services.withdraw(request, { reason: values.reason });
      else {
        const answers: Record<string, string> = { comments: values.comments ?? '' };
        for (const q of SURVEY_QUESTIONS) if (values[q]) answers[q] = values[q];
        await services.answerSurvey(request, answers);
      }
    } catch (error) {
      if (!isRefusal(error)) throw error;
      if (error.code !== 'invalid_input') return page(notNowView(text), { status: 409 });
      const errors: Errors = {};
      for (const p of error.problems as FieldProblem[]) errors[p.field] ??= text.problem(p, LIMITS);
      // Chosen files are not sent back by a browser: they must be chosen again, and the page says so.
      return page(moveForm(text, which, values, errors), { status: 400 }, args.context);
    }
    throw redirect(`${TRACK.complaint}?done=${DONE_OF[which]}`, { headers: NO_STORE });
  };
}

export type { AppLoadContext };
