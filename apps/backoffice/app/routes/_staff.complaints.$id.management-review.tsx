import { MANAGEMENT_REVIEW_LIMITS } from '@complaints/domain';
import { Radios, Select, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, formOutcome, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'management-review', 'validation'] };

type ReviewValues = {
  items: Record<string, { grade: string; evidence: string }>;
  overallGrade: string;
  goodPractice: string;
  failings: string;
  teamId: string;
  practitionerId: string;
  pointId: string;
};

/** Where each problem is shown: a framework item's grade and evidence have their own fields. */
function fieldId(field: string): string {
  const [, key, part] = /^items\.(.+)\.(grade|evidence)$/.exec(field) ?? [];
  return key && part ? `${part}-${key}` : field;
}

const numbers = new Intl.NumberFormat('en-GB');

/**
 * A management review of the case against the quality framework: each part graded with its
 * evidence, good practice and failings, an overall grade, and whose work it was.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.managementReview.view(page.caseworkRequest, params.id ?? '', new URL(request.url).searchParams.get('point')), page.t);
  const local = (en: string, cy: string) => (page.language === 'cy' ? cy : en);
  return data({
    title: page.title(page.t('management-review:title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    frameworkVersion: view.frameworkVersion,
    points: view.points.map((p) => ({
      value: p.id,
      label: page.t('management-review:pointChoice', { number: p.position, text: p.text.length > 80 ? `${p.text.slice(0, 80)}…` : p.text }),
    })),
    items: view.items.map((i) => ({ key: i.key, dimension: i.dimension, label: local(i.labelEn, i.labelCy), description: local(i.descriptionEn, i.descriptionCy) })),
    grades: view.grades.map((g) => ({ value: g.key, label: local(g.labelEn, g.labelCy) })),
    teams: view.places.teams.map((team) => ({ value: team.id, label: local(team.nameEn, team.nameCy) })),
    practitioners: view.places.teams
      .map((team) => ({
        label: local(team.nameEn, team.nameCy),
        options: view.places.practitioners.filter((p) => p.teamId === team.id).map((p) => ({ value: p.id, label: p.fullName })),
      }))
      .filter((group) => group.options.length > 0),
    values: { items: {}, overallGrade: '', goodPractice: '', failings: '', teamId: view.teamId ?? '', practitionerId: view.practitionerId ?? '', pointId: view.pointId ?? '' } as ReviewValues,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const items: ReviewValues['items'] = {};
  for (const [name, value] of form.entries()) {
    const [, part, key] = /^(grade|evidence)\.(.+)$/.exec(name) ?? [];
    if (!part || !key) continue;
    items[key] = { grade: items[key]?.grade ?? '', evidence: items[key]?.evidence ?? '', [part]: String(value) };
  }
  const text = (name: string) => String(form.get(name) ?? '');
  const values: ReviewValues = {
    items,
    overallGrade: text('overallGrade'),
    goodPractice: text('goodPractice'),
    failings: text('failings'),
    teamId: text('teamId'),
    practitionerId: text('practitionerId'),
    pointId: text('pointId'),
  };
  const result = await attempt(context.services.managementReview.record(page.caseworkRequest, params.id ?? '', values), page.t);
  const limits = (problem: { field: string }): Record<string, string> => {
    const field = /\.evidence$/.test(problem.field) ? 'evidence' : problem.field;
    const max = (MANAGEMENT_REVIEW_LIMITS as Record<string, number>)[field];
    return max === undefined ? {} : { max: numbers.format(max) };
  };
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: formProblems(page.t, failure, 'management-review:validation', limits, fieldId) }));
}

export default function ManagementReview() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['management-review', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? page.values;
  const dimensions = [...new Set(page.items.map((i) => i.dimension))];
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('title')} problems={result?.problems}>
      <p className="govuk-body">{t('lead')}</p>
      <p className="govuk-body-s" data-framework-version={page.frameworkVersion}>
        {t('frameworkVersion', { version: page.frameworkVersion })}
      </p>
      <CaseworkForm submit={t('submit')}>
        <Radios
          id="pointId"
          name="pointId"
          legend={t('point')}
          hint={t('pointHint')}
          value={values.pointId}
          error={error('pointId')}
          errorPrefix={errorPrefix}
          choices={[...page.points, { value: '', label: t('wholeCase') }]}
          small
        />
        {dimensions.map((dimension) => (
          <section key={dimension} aria-labelledby={`dimension-${dimension}`}>
            <h2 className="govuk-heading-l govuk-!-margin-top-6" id={`dimension-${dimension}`}>
              {t(`dimensions.${dimension}`)}
            </h2>
            {page.items
              .filter((i) => i.dimension === dimension)
              .map((item) => (
                <div key={item.key} className="govuk-!-margin-bottom-8">
                  <Radios
                    id={`grade-${item.key}`}
                    name={`grade.${item.key}`}
                    legend={t('grade', { item: item.label })}
                    hint={item.description}
                    value={values.items[item.key]?.grade}
                    error={error(`grade-${item.key}`)}
                    errorPrefix={errorPrefix}
                    choices={page.grades}
                    small
                  />
                  <Textarea
                    id={`evidence-${item.key}`}
                    name={`evidence.${item.key}`}
                    label={t('evidence')}
                    hint={t('evidenceHint')}
                    defaultValue={values.items[item.key]?.evidence ?? ''}
                    error={error(`evidence-${item.key}`)}
                    errorPrefix={errorPrefix}
                    rows={3}
                  />
                </div>
              ))}
          </section>
        ))}
        <h2 className="govuk-heading-l govuk-!-margin-top-6">{t('overallHeading')}</h2>
        <Radios id="overallGrade" name="overallGrade" legend={t('overallGrade')} value={values.overallGrade} error={error('overallGrade')} errorPrefix={errorPrefix} choices={page.grades} />
        <Textarea id="goodPractice" name="goodPractice" label={t('goodPractice')} hint={t('goodPracticeHint')} defaultValue={values.goodPractice} error={error('goodPractice')} errorPrefix={errorPrefix} rows={4} />
        <Textarea id="failings" name="failings" label={t('failings')} hint={t('failingsHint')} defaultValue={values.failings} error={error('failings')} errorPrefix={errorPrefix} rows={4} />
        <h2 className="govuk-heading-l govuk-!-margin-top-6">{t('whoseWorkHeading')}</h2>
        <Select id="teamId" name="teamId" label={t('team')} hint={t('teamHint')} value={values.teamId} error={error('teamId')} errorPrefix={errorPrefix} options={page.teams} emptyOption={t('chooseTeam')} />
        <Select
          id="practitionerId"
          name="practitionerId"
          label={t('practitioner')}
          hint={t('practitionerHint')}
          value={values.practitionerId}
          error={error('practitionerId')}
          errorPrefix={errorPrefix}
          groups={page.practitioners}
          emptyOption={t('noPractitioner')}
        />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
