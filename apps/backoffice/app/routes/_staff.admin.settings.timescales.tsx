import { TIMESCALE_KEYS, type TimescaleKey, type TimescaleProblem } from '@complaints/domain';
import type { TimescaleSetting } from '@complaints/services';
import { TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { attempt, caseworkDates, orRefuse, refusalText } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { SettingsPageTop } from '../components/settings-page';

export const handle = { i18n: ['common', 'settings', 'casework'] };

async function timescalesPage(request: Request, context: LoaderFunctionArgs['context']) {
  const user = await requireStaff(request, context, { capability: 'manage_settings' });
  return { ...(await accessPage(request, context, 'settings')), adminRequest: { actor: user, requestId: context.requestId } };
}

/** Each timescale's box as the page shows it: label, hint (extra words, default and bounds, last change). */
function fieldsOf(t: TFunction, settings: TimescaleSetting[], language: 'en' | 'cy') {
  const dates = caseworkDates(language);
  return settings.map((s) => {
    const extra = t(`timescales.fields.${s.key}.extra`);
    const bounds = t('timescales.bounds', { default: s.defaultWorkingDays, min: s.min, max: s.max });
    const changed = s.changedBy && s.changedAt ? t('timescales.changed', { name: s.changedBy, when: dates.moment(s.changedAt) }) : '';
    return { key: s.key, value: String(s.workingDays), label: t(`timescales.fields.${s.key}.label`), hint: [extra, bounds, changed].filter(Boolean).join(' ') };
  });
}

/** The procedure's timescales, one box each, for national office to change. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await timescalesPage(request, context);
  const settings = await orRefuse(context.services.timescaleSettings.view(page.adminRequest), page.t);
  const done = new URL(request.url).searchParams.get('done');
  return data({
    title: page.title(page.t('timescales.title')),
    fields: fieldsOf(page.t, settings, page.language),
    done: done === 'saved' || done === 'unchanged' ? done : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** A problem in words, naming the timescale (and the one it may not exceed) with its bounds. */
function problemText(t: TFunction, problem: TimescaleProblem, settings: TimescaleSetting[], typed: Record<string, string>): string {
  const setting = settings.find((s) => s.key === problem.field);
  const than = problem.than;
  return t(`timescales.errors.${problem.message}`, {
    name: t(`timescales.fields.${problem.field}.name`),
    example: setting?.defaultWorkingDays,
    min: setting?.min,
    max: setting?.max,
    otherName: than ? t(`timescales.fields.${than}.name`) : undefined,
    other: than ? typed[than]?.trim() : undefined,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const page = await timescalesPage(request, context);
  const form = await request.formData();
  const values = Object.fromEntries(TIMESCALE_KEYS.map((key) => [key, String(form.get(key) ?? '')])) as Record<TimescaleKey, string>;
  const result = await attempt(context.services.timescaleSettings.change(page.adminRequest, values), page.t);
  if (result.ok) return redirect(`/admin/settings/timescales?done=${result.value.changes.length > 0 ? 'saved' : 'unchanged'}`);
  markFormErrors(context);
  const settings = await orRefuse(context.services.timescaleSettings.view(page.adminRequest), page.t);
  const problems =
    result.code === 'invalid_input' && result.problems.length > 0
      ? result.problems.map((p) => ({ field: p.field, text: problemText(page.t, p as TimescaleProblem, settings, values) }))
      : [{ field: SUBMIT_ID, text: refusalText(page.t, result.code) }];
  return data({ values, problems }, { status: result.status });
}

export default function TimescaleSettings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['settings', 'common']);
  const problems = result?.problems ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <SettingsPageTop
          words="timescales"
          problems={problems}
          banner={page.done && !result ? { title: t('timescales.savedTitle'), text: t(page.done === 'saved' ? 'timescales.saved' : 'timescales.unchanged') } : null}
        />
        <form method="post" noValidate>
          {page.fields.map((field) => (
            <TextInput
              key={field.key}
              id={field.key}
              name={field.key}
              label={field.label}
              hint={field.hint}
              inputMode="numeric"
              spellCheck={false}
              widthClass="govuk-input--width-3"
              defaultValue={result ? result.values[field.key as TimescaleKey] : field.value}
              error={problems.find((p) => p.field === field.key)?.text}
              errorPrefix={t('common:errorTitlePrefix')}
            />
          ))}
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('timescales.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
