import { BackLink, ErrorSummary, InsetText, NotificationBanner, Select, SummaryList, Table, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SubmitButton, useFieldErrors } from '../components/casework-form-page';
import { HeldBackMoves } from '../components/casework-held-back';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { attempt, backOnComplaint, caseworkDates, caseworkPage, failureProblems, formOutcome, orRefuse, refusalText } from '../components/casework-page.server';
import { Paragraphs } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework'] };

const DONE = ['submitted', 'approved', 'returned', 'sent', 'drafted', 'written'] as const;
const compareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/**
 * A letter of a complaint: the current version, where it is in quality assurance, every version
 * with the reviews and their comments, two versions compared, and what this person may do with it
 * now (send it for quality assurance, approve or return it, send it), as the lifecycle allows.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const search = new URL(request.url).searchParams;
  const compare = compareQuery.safeParse({ from: search.get('from'), to: search.get('to') });
  const view = await orRefuse(
    context.services.casework.viewLetter(page.caseworkRequest, { complaintId: params.id ?? '', letterId: params.letterId ?? '' }, compare.success ? compare.data : null),
    page.t,
  );
  const dates = caseworkDates(page.language);
  const done = search.get('done');
  return data({
    title: page.title(view.letter.subject),
    done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
    id: view.complaintId,
    reference: view.reference,
    letterId: view.letter.id,
    subject: view.letter.subject,
    kind: view.letter.kind,
    stage: view.letter.stage,
    state: view.letter.state,
    version: view.letter.version,
    approvedAutomatically: view.letter.approvedAutomatically,
    delivery: view.letter.delivery,
    recipient: view.letter.recipient,
    language: view.letter.language,
    sent: dates.moment(view.letter.sentAt),
    html: view.document ? letterMarkup(view.document.blocks) : null,
    versions: view.versions.map((v) => ({ version: v.version, by: v.authorName, when: dates.moment(v.createdAt) })),
    reviews: view.reviews.map((r) => ({ id: r.id, outcome: r.outcome, comments: r.comments, by: r.reviewerName, when: dates.moment(r.reviewedAt), version: r.letterVersion })),
    moves: view.moves.map((m) => ({ move: m.move, heldBack: m.ok ? null : refusalText(page.t, m.reason) })),
    comparison: view.comparison,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const intent = z.enum(['submit', 'approve', 'return', 'send']);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const chosen = intent.safeParse(form.get('intent'));
  if (!chosen.success) throw new Response('Unknown action', { status: 400 });
  const letter = { complaintId: params.id ?? '', letterId: params.letterId ?? '' };
  const comments = String(form.get('comments') ?? '');
  const casework = context.services.casework;
  const work = {
    submit: () => casework.submitLetter(page.caseworkRequest, letter),
    approve: () => casework.approveLetter(page.caseworkRequest, letter, { comments }),
    return: () => casework.returnLetter(page.caseworkRequest, letter, { comments }),
    send: () => casework.sendLetter(page.caseworkRequest, letter),
  }[chosen.data];
  const result = await attempt<unknown>(work(), page.t);
  const done = { submit: 'submitted', approve: 'approved', return: 'returned', send: 'sent' }[chosen.data];
  return formOutcome(
    context,
    result,
    chosen.data === 'send' ? backOnComplaint(letter.complaintId) : `/complaints/${letter.complaintId}/letters/${letter.letterId}?done=${done}`,
    (failure) => ({ intent: chosen.data, comments, problems: failureProblems(page.t, failure, (f) => (f === 'comments' ? 'comments' : f)) }),
  );
}

export default function LetterPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const may = (move: string) => page.moves.some((m) => m.move === move && m.heldBack === null);
  const heldBack = page.moves.filter((m) => m.heldBack !== null);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const versionChoices = page.versions.map((v) => ({ value: String(v.version), label: t('letters.versionNumber', { version: v.version }) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`/complaints/${page.id}`}>{t('backToComplaint')}</BackLink>
        {page.done ? (
          <NotificationBanner title={t('case.doneTitle')} success>
            <p className="govuk-notification-banner__heading">{t(`letters.done.${page.done}`)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{page.subject}</h1>
        <SummaryList
          rows={[
            { key: t('letters.kind'), value: t(`letters.kinds.${page.kind}`) },
            { key: t('case.stage'), value: t('stage', { stage: page.stage }) },
            { key: t('letters.state'), value: t(`letters.states.${page.state}`) + (page.approvedAutomatically ? ` (${t('letters.approvedAutomatically')})` : '') },
            { key: t('letters.version'), value: String(page.version) },
            { key: t('letters.delivery'), value: page.delivery === 'email' && page.recipient ? `${t('case.delivery.email')}: ${page.recipient}` : t(`case.delivery.${page.delivery}`) },
            { key: t('letters.sent'), value: page.sent ?? (page.state === 'sent' ? t('case.notPrinted') : t('case.notSentYet')) },
            { key: t('letters.language'), value: t(`languages.${page.language}`) },
          ]}
        />

        <h2 className="govuk-heading-m">{t('letters.actionsHeading')}</h2>
        {may('submit_letter') ? (
          <form method="post">
            <input type="hidden" name="intent" value="submit" />
            <SubmitButton>{t('letters.submit')}</SubmitButton>
          </form>
        ) : null}
        {may('approve_letter') || may('return_letter') ? (
          <form method="post" noValidate>
            <Textarea id="comments" name="comments" label={t('letters.comments')} hint={t('letters.commentsHint')} defaultValue={result?.comments ?? ''} error={error('comments')} errorPrefix={errorPrefix} rows={4} />
            <div className="govuk-button-group">
              {may('approve_letter') ? (
                <SubmitButton name="intent" value="approve">
                  {t('letters.approve')}
                </SubmitButton>
              ) : null}
              {may('return_letter') ? (
                <button type="submit" name="intent" value="return" className="govuk-button govuk-button--warning" data-module="govuk-button" data-prevent-double-click="true">
                  {t('letters.return')}
                </button>
              ) : null}
            </div>
          </form>
        ) : null}
        {may('send_letter') ? (
          <form method="post">
            <input type="hidden" name="intent" value="send" />
            <InsetText>{page.delivery === 'email' && page.recipient ? t('letters.sendByEmail', { to: page.recipient }) : t('letters.sendByPost')}</InsetText>
            <SubmitButton>{t('letters.send')}</SubmitButton>
          </form>
        ) : null}
        {page.state === 'returned' && (page.kind === 'stage_1_response' || page.kind === 'stage_2_response') ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`/complaints/${page.id}/response`}>
              {t('letters.redraft')}
            </a>
          </p>
        ) : null}
        {heldBack.length > 0 ? <HeldBackMoves moves={heldBack} /> : null}
        {page.moves.length === 0 ? <p className="govuk-body">{t('letters.noMoves')}</p> : null}

        <h2 className="govuk-heading-m">{t('letters.reviewsHeading')}</h2>
        {page.reviews.length === 0 ? (
          <p className="govuk-body">{t('letters.noReviews')}</p>
        ) : (
          <ol className="govuk-list">
            {page.reviews.map((r) => (
              <li key={r.id} className="govuk-!-margin-bottom-4">
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  {t('letters.review', { outcome: t(`letters.reviewOutcomes.${r.outcome}`), name: r.by, when: r.when, version: r.version })}
                </p>
                {r.comments ? <Paragraphs text={r.comments} /> : null}
              </li>
            ))}
          </ol>
        )}

        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              <a className="govuk-link" href={`/complaints/${page.id}/letters/${page.letterId}/pdf`} download>
                {t('letters.download')}
              </a>
            </p>
            {page.html ? <LetterMarkup html={page.html} label={t('letters.title')} /> : <p className="govuk-body">{t('letters.noDocument')}</p>}
          </div>
        </div>

        <h2 className="govuk-heading-m govuk-!-margin-top-6">{t('letters.versionsHeading')}</h2>
        <Table
          caption={t('letters.versionsCaption')}
          captionSize="s"
          columns={[
            { key: 'version', header: t('letters.versionColumns.version'), numeric: true },
            { key: 'by', header: t('letters.versionColumns.by') },
            { key: 'when', header: t('letters.versionColumns.when') },
          ]}
          rows={page.versions.map((v) => ({ _key: String(v.version), version: String(v.version), by: v.by ?? '–', when: v.when ?? '–' }))}
        />
        {page.versions.length > 1 ? (
          <form method="get" className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">{t('letters.compareHeading')}</h3>
            <div className="app-inline-fields">
              <Select id="from" name="from" label={t('letters.compareFrom')} value={String(page.comparison?.from ?? page.versions[page.versions.length - 2]!.version)} groups={[{ label: t('letters.versionsHeading'), options: versionChoices }]} />
              <Select id="to" name="to" label={t('letters.compareTo')} value={String(page.comparison?.to ?? page.version)} groups={[{ label: t('letters.versionsHeading'), options: versionChoices }]} />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('letters.compareSubmit')}
            </button>
          </form>
        ) : null}
        {page.comparison ? (
          <section aria-labelledby="comparison-heading">
            <h3 className="govuk-heading-s" id="comparison-heading">
              {t('letters.comparisonHeading', { from: page.comparison.from, to: page.comparison.to })}
            </h3>
            <p className="govuk-body-s">{t('letters.comparisonLead')}</p>
            <p className="govuk-body app-comparison">
              {page.comparison.changes.map((c, i) =>
                c.change === 'same' ? (
                  <span key={i}>{c.text}</span>
                ) : c.change === 'added' ? (
                  <ins key={i}>
                    <span className="govuk-visually-hidden">[{t('letters.added')}: </span>
                    {c.text}
                    <span className="govuk-visually-hidden">]</span>
                  </ins>
                ) : (
                  <del key={i}>
                    <span className="govuk-visually-hidden">[{t('letters.removed')}: </span>
                    {c.text}
                    <span className="govuk-visually-hidden">]</span>
                  </del>
                ),
              )}
            </p>
          </section>
        ) : null}
      </div>
    </div>
  );
}
