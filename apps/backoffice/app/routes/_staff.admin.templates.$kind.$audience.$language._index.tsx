import type { FieldProblem } from '@complaints/domain';
import { BackLink, Details, ErrorSummary, NotificationBanner, Tag, Textarea, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { LetterMarkup } from '../components/casework-letter';
import { letterMarkup } from '../components/casework-letter.server';
import { attempt, caseworkDates, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'templates'] };

type Problem = FieldProblem & { name?: string };

/** How the page names what the parser stumbled on: as it is written in a template. */
function written(message: string, name: string): string {
  switch (message) {
    case 'template.unknownValue':
      return `{{${name}}}`;
    case 'template.unknownList':
      return `[[each ${name}]]`;
    case 'template.unknownSection':
      return `[[if ${name}]]`;
    case 'template.needsName':
    case 'template.needsLabel':
    case 'template.unknownDirective':
      return `[[${name}]]`;
    case 'template.notClosed':
      return `“${name}”`;
    default:
      return name;
  }
}

/** A problem in the page's words: each reason the parser gives has its own, with the name it is about. */
function problemText(t: TFunction, problem: Problem): string {
  const name = problem.name === undefined ? undefined : written(problem.message, problem.name);
  return t(`errors.${problem.message}`, { name, defaultValue: t('errors.template.invalid') });
}

async function templatePage(request: Request, context: LoaderFunctionArgs['context'], params: LoaderFunctionArgs['params']) {
  const user = await requireStaff(request, context, { capability: 'manage_templates' });
  const page = await accessPage(request, context, 'templates');
  return { ...page, adminRequest: { actor: user, requestId: context.requestId }, key: { kind: params.kind, audience: params.audience, language: params.language } };
}

/**
 * One letter template: its current words to change (saving makes a new version), the letter it
 * makes from sample facts on screen beside the same letter as a PDF, and every version before.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await templatePage(request, context, params);
  const { t, language } = page;
  const view = await orRefuse(context.services.letterTemplates.view(page.adminRequest, page.key), t);
  const dates = caseworkDates(language);
  const { kind, audience, language: letterLanguage } = view.key;
  const path = `/admin/templates/${kind}/${audience}/${letterLanguage}`;
  const current = view.versions.find((v) => v.active) ?? null;
  const heading = t('edit.title', { kind: t(`kinds.${kind}`), audience: t(`audiences.${audience}`), language: t(`languages.${letterLanguage}`) });
  const saved = Number(new URL(request.url).searchParams.get('saved'));
  return data({
    title: page.title(heading),
    heading,
    path,
    saved: Number.isSafeInteger(saved) && saved > 0 ? saved : null,
    current: current ? { version: current.version, date: dates.moment(current.createdAt), by: current.authorName } : null,
    values: { subject: current?.subject ?? '', body: current?.body ?? '', baseVersion: String(current?.version ?? 0) },
    preview: !view.preview
      ? null
      : view.preview.ok
        ? { ok: true as const, html: letterMarkup(view.preview.document.blocks), subject: view.preview.subject }
        : { ok: false as const, reason: view.preview.problems.map((p) => problemText(t, p)).join(' ') },
    versions: view.versions.map((v) => ({
      version: v.version,
      current: v.id === current?.id,
      date: dates.moment(v.createdAt),
      by: v.authorName,
      subject: v.subject,
      body: v.body,
      letters: v.letterCount,
    })),
    names: view.names,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await templatePage(request, context, params);
  const form = await request.formData();
  const values = { subject: String(form.get('subject') ?? ''), body: String(form.get('body') ?? ''), baseVersion: String(form.get('baseVersion') ?? '') };
  const services = context.services.letterTemplates;
  if (form.get('intent') === 'preview') {
    const result = await attempt(services.previewDraft(page.adminRequest, page.key, values), page.t);
    if (result.ok) return data({ values, problems: [], draft: { subject: result.value.subject, html: letterMarkup(result.value.document.blocks) } });
    markFormErrors(context);
    return data({ values, problems: problemsOf(page.t, result), draft: null }, { status: result.status });
  }
  const result = await attempt(services.save(page.adminRequest, page.key, values), page.t);
  if (result.ok) return redirect(`/admin/templates/${params.kind}/${params.audience}/${params.language}?saved=${result.value.version}`);
  markFormErrors(context);
  return data({ values, problems: problemsOf(page.t, result), draft: null }, { status: result.status });
}

function problemsOf(t: TFunction, failure: { code: string; problems: FieldProblem[] }): Array<{ field: string; text: string }> {
  if (failure.code === 'invalid_input' && failure.problems.length > 0) {
    const seen = new Set<string>();
    return failure.problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true))).map((p) => ({ field: p.field, text: problemText(t, p) }));
  }
  return [{ field: SUBMIT_ID, text: t(`refusals.${failure.code}`, { defaultValue: t(`casework:refusals.${failure.code}`) }) }];
}

export default function LetterTemplate() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['templates', 'common']);
  const values = result?.values ?? page.values;
  const problems = result?.problems ?? [];
  const error = (field: string) => problems.find((p) => p.field === field)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const pdf = (version: number) => `${page.path}/preview.pdf?version=${version}`;
  return (
    <>
      <BackLink href="/admin/templates">{t('edit.back')}</BackLink>
      <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
      {page.saved !== null && !result ? (
        <NotificationBanner title={t('edit.savedTitle')} success>
          <p className="govuk-notification-banner__heading">{t('edit.saved', { version: page.saved })}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{t('edit.caption')}</span>
      <h1 className="govuk-heading-l">{page.heading}</h1>
      <p className="govuk-body">
        {page.current
          ? page.current.by
            ? t('edit.currentBy', { version: page.current.version, date: page.current.date, name: page.current.by })
            : t('edit.current', { version: page.current.version, date: page.current.date })
          : t('edit.none')}
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('edit.formHeading')}</h2>
          <p className="govuk-body">{t('edit.formLead')}</p>
          <form method="post" noValidate>
            <input type="hidden" name="baseVersion" value={page.values.baseVersion} />
            <TextInput id="subject" name="subject" label={t('edit.subject')} hint={t('edit.subjectHint', { reference: '{{reference}}' })} defaultValue={values.subject} error={error('subject')} errorPrefix={errorPrefix} spellCheck />
            <Textarea id="body" name="body" label={t('edit.body')} hint={t('edit.bodyHint')} rows={30} defaultValue={values.body} error={error('body')} errorPrefix={errorPrefix} spellCheck />
            <Details summary={t('edit.helpSummary')}>
              <p className="govuk-body">{t('edit.helpValues')}</p>
              <ul className="govuk-list govuk-list--bullet">
                {page.names.values.map((name) => (
                  <li key={name}>
                    <code>{`{{${name}}}`}</code>
                  </li>
                ))}
              </ul>
              <p className="govuk-body">{t('edit.helpSections')}</p>
              <ul className="govuk-list govuk-list--bullet">
                {page.names.sections.map((name) => (
                  <li key={name}>
                    <code>{`[[if ${name}]]`}</code>
                  </li>
                ))}
              </ul>
              <p className="govuk-body">{t('edit.helpLists')}</p>
              <ul className="govuk-list govuk-list--bullet">
                {Object.entries(page.names.lists).map(([name, items]) => (
                  <li key={name}>
                    <code>{`[[each ${name}]]`}</code>: {items.map((item) => `{{${item}}}`).join(', ')}
                  </li>
                ))}
              </ul>
              <p className="govuk-body">{t('edit.helpDirectives')}</p>
            </Details>
            <div className="govuk-button-group">
              <button type="submit" id={SUBMIT_ID} name="intent" value="save" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                {t('edit.save')}
              </button>
              <button type="submit" name="intent" value="preview" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('edit.preview')}
              </button>
            </div>
          </form>
        </div>
      </div>

      {result?.draft ? (
        <section aria-labelledby="draft-heading">
          <h2 className="govuk-heading-m" id="draft-heading">
            {t('edit.draftHeading')}
          </h2>
          <p className="govuk-body">{t('edit.draftLead')}</p>
          <p className="govuk-body govuk-!-font-weight-bold">{result.draft.subject}</p>
          <LetterMarkup html={result.draft.html} label={t('edit.draftHeading')} />
        </section>
      ) : null}

      {page.current && page.preview ? (
        <section aria-labelledby="preview-heading">
          <h2 className="govuk-heading-m" id="preview-heading">
            {t('edit.previewHeading', { version: page.current.version })}
          </h2>
          {page.preview.ok ? (
            <>
              <p className="govuk-body">{t('edit.previewLead')}</p>
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-one-half">
                  <h3 className="govuk-heading-s">{t('edit.htmlHeading')}</h3>
                  <p className="govuk-body govuk-!-font-weight-bold">{page.preview.subject}</p>
                  <LetterMarkup html={page.preview.html} label={t('edit.previewHeading', { version: page.current.version })} />
                </div>
                <div className="govuk-grid-column-one-half">
                  <h3 className="govuk-heading-s">{t('edit.pdfHeading')}</h3>
                  <p className="govuk-body">
                    <a className="govuk-link" href={pdf(page.current.version)} target="_blank" rel="noopener">
                      {t('edit.openPdf', { version: page.current.version })}
                    </a>
                  </p>
                  <iframe src={pdf(page.current.version)} title={t('edit.pdfFrameTitle', { version: page.current.version })} width="100%" height="900" loading="lazy" />
                </div>
              </div>
            </>
          ) : (
            <p className="govuk-body">{t('edit.cannotCompose', { version: page.current.version, reason: page.preview.reason })}</p>
          )}
        </section>
      ) : null}

      {page.versions.length > 0 ? (
        <section aria-labelledby="versions-heading">
          <h2 className="govuk-heading-m" id="versions-heading">
            {t('edit.versionsHeading')}
          </h2>
          {page.versions.map((version) => (
            <Details
              key={version.version}
              summary={
                <>
                  {t('edit.versionSummary', { version: version.version, date: version.date })}
                  {version.current ? (
                    <>
                      {' '}
                      <Tag colour="green">{t('edit.currentTag')}</Tag>
                    </>
                  ) : null}
                </>
              }
            >
              <p className="govuk-body">
                {version.by ? t('edit.versionBy', { name: version.by }) : t('edit.versionShipped')} {t('edit.lettersUsing', { count: version.letters })}
              </p>
              <h3 className="govuk-heading-s">{t('edit.subject')}</h3>
              <p className="govuk-body">{version.subject}</p>
              <h3 className="govuk-heading-s">{t('edit.body')}</h3>
              <div className="govuk-body app-comparison">{version.body}</div>
              <p className="govuk-body">
                <a className="govuk-link" href={pdf(version.version)} target="_blank" rel="noopener">
                  {t('edit.openPdf', { version: version.version })}
                </a>
              </p>
            </Details>
          ))}
        </section>
      ) : null}
    </>
  );
}
