import { InsetText, Table, Tag, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { attempt, caseworkDates, caseworkPage, failureProblems, formOutcome, orRefuse, refusalText } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'validation'] };

const hidden = { hidden: <span className="govuk-visually-hidden" /> };

/**
 * The response at this stage: every point with its answer or plainly "not answered yet", each a
 * link to answer it; then the letter as it will be drafted from the answers, an opening of the
 * manager's own, and the button that drafts it (again, after a change).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.previewResponse(page.caseworkRequest, params.id ?? '', null), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('response.titleStage', { stage: view.stage })),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    points: view.answers.map((p) => ({ id: p.id, position: p.position, text: p.text, decision: p.answer?.decision ?? null, answeredAt: dates.moment(p.answer?.answeredAt) })),
    blocked: view.blocked ? refusalText(page.t, view.blocked) : null,
    draft: view.draft,
    letter: view.letter
      ? view.letter.ok
        ? { ok: true as const, subject: view.letter.subject, html: letterMarkup(view.letter.document.blocks) }
        : { ok: false as const, text: refusalText(page.t, view.letter.reason) }
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const message = String(form.get('message') ?? '');
  const result = await attempt(context.services.casework.draftResponse(page.caseworkRequest, params.id ?? '', { message }), page.t);
  return formOutcome(context, result, (letter) => `/complaints/${params.id}/letters/${letter.letterId}?done=drafted`, (failure) => ({ message, problems: failureProblems(page.t, failure) }));
}

export default function Response() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('response.titleStage', { stage: page.stage })} problems={result?.problems}>
      <p className="govuk-body">{t('response.lead')}</p>
      <Table
        caption={t('response.pointsCaption')}
        captionSize="s"
        columns={[
          { key: 'point', header: t('response.columns.point') },
          { key: 'decision', header: t('response.columns.decision') },
          { key: 'link', header: <span className="govuk-visually-hidden">{t('response.columns.answered')}</span> },
        ]}
        rows={page.points.map((p) => ({
          _key: p.id,
          point: (
            <>
              <span className="govuk-!-font-weight-bold">{t('case.point', { number: p.position })}</span>
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{p.text.length > 160 ? `${p.text.slice(0, 157)}…` : p.text}</span>
            </>
          ),
          decision: p.decision ? t(`decisions.${p.decision}`) : <Tag colour="amber">{t('response.notAnswered')}</Tag>,
          link: (
            <a className="govuk-link" href={`/complaints/${page.id}/points/${p.id}/answer`}>
              <Trans t={t} i18nKey={p.decision ? 'response.changeAnswer' : 'response.answer'} values={{ number: p.position }} components={hidden} />
            </a>
          ),
        }))}
      />
      {page.blocked ? (
        <InsetText>{page.blocked}</InsetText>
      ) : (
        <>
          {page.draft ? (
            <p className="govuk-body">
              {t('response.draftExists')}{' '}
              <a className="govuk-link" href={`/complaints/${page.id}/letters/${page.draft.letterId}`}>
                {t('response.viewDraft')}
              </a>
            </p>
          ) : null}
          <CaseworkForm submit={page.draft ? t('response.redraft') : t('response.draft')}>
            <Textarea
              id="message"
              name="message"
              label={t('response.message')}
              hint={t('response.messageHint')}
              defaultValue={result?.message ?? page.draft?.message ?? ''}
              error={error('message')}
              errorPrefix={errorPrefix}
              rows={4}
            />
          </CaseworkForm>
          {page.letter?.ok ? (
            <>
              <h2 className="govuk-heading-m">{t('response.letterHeading')}</h2>
              <p className="govuk-body govuk-!-font-weight-bold">{page.letter.subject}</p>
              <LetterMarkup html={page.letter.html} label={t('response.letterHeading')} />
            </>
          ) : page.letter ? (
            <InsetText>{page.letter.text}</InsetText>
          ) : null}
        </>
      )}
    </CaseworkFormPage>
  );
}
