import { dateFromParts, isIsoDate, NON_WORKING_DAY_LIMITS, type NonWorkingDayProblem } from '@complaints/domain';
import { Details, Table, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { CaseworkDateInput } from '../components/casework-form-page';
import { attempt, caseworkDates, type DateBoxes, orRefuse, refusalText, sentDateBoxes } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { SettingsPageTop } from '../components/settings-page';

export const handle = { i18n: ['common', 'settings', 'casework'] };

const EMPTY = { day: '', month: '', year: '', description: '' };

/** The id of a day's Remove button, where a problem with removing it is linked to. */
const removeId = (date: string) => `remove-${date}`;

async function nonWorkingDaysPage(request: Request, context: LoaderFunctionArgs['context']) {
  const user = await requireStaff(request, context, { capability: 'manage_settings' });
  return { ...(await accessPage(request, context, 'settings')), adminRequest: { actor: user, requestId: context.requestId } };
}

/** The days national office has added to the calendar, each removable while still ahead, and the form to add one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await nonWorkingDaysPage(request, context);
  const view = await orRefuse(context.services.timescaleSettings.viewNonWorkingDays(page.adminRequest), page.t);
  const dates = caseworkDates(page.language);
  const url = new URL(request.url);
  const done = url.searchParams.get('done');
  const doneDay = url.searchParams.get('day');
  return data({
    title: page.title(page.t('nonWorkingDays.title')),
    latest: dates.dayWithWeekday(view.latest),
    days: view.days.map((d) => ({ date: d.date, day: dates.dayWithWeekday(d.date), description: d.description, addedBy: d.addedBy, removable: d.removable })),
    bankHolidays: view.bankHolidays.map((h) => page.t('nonWorkingDays.bankHoliday', { day: dates.dayWithWeekday(h.date), name: page.t(`bankHolidays.${h.key}`) })),
    done: (done === 'added' || done === 'removed') && doneDay && isIsoDate(doneDay) ? page.t(`nonWorkingDays.done.${done}`, { day: dates.dayWithWeekday(doneDay) }) : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

function problemText(t: TFunction, problem: NonWorkingDayProblem, latest: string | null): string {
  return t(`nonWorkingDays.errors.${problem.message}`, {
    latest,
    holiday: problem.holiday ? t(`bankHolidays.${problem.holiday}`) : undefined,
    max: NON_WORKING_DAY_LIMITS.description,
    defaultValue: t('nonWorkingDays.errors.date.invalid'),
  });
}

type Shown = { values: DateBoxes & { description: string }; problems: Array<{ field: string; text: string }> };

export async function action({ request, context }: ActionFunctionArgs) {
  const page = await nonWorkingDaysPage(request, context);
  const form = await request.formData();
  const dates = caseworkDates(page.language);
  if (form.get('intent') === 'remove') {
    const date = String(form.get('date') ?? '');
    const result = await attempt(context.services.timescaleSettings.removeNonWorkingDay(page.adminRequest, { date }), page.t);
    if (result.ok) return redirect(`/admin/settings/non-working-days?done=removed&day=${result.value.date}`);
    markFormErrors(context);
    const day = isIsoDate(date) ? dates.dayWithWeekday(date) : date;
    const text = result.code === 'day_passed' || result.code === 'nothing_changed' ? page.t(`nonWorkingDays.refusals.${result.code}`, { day }) : refusalText(page.t, result.code);
    // Linked to the day's own button when it is still on the page, else to the list.
    const field = result.code === 'day_passed' ? removeId(date) : 'days';
    return data<Shown>({ values: EMPTY, problems: [{ field, text }] }, { status: result.status });
  }
  const values = { ...sentDateBoxes(form, 'date'), description: String(form.get('description') ?? '') };
  const result = await attempt(context.services.timescaleSettings.addNonWorkingDay(page.adminRequest, { date: dateFromParts(values), description: values.description }), page.t);
  if (result.ok) return redirect(`/admin/settings/non-working-days?done=added&day=${result.value.date}`);
  markFormErrors(context);
  const needsLatest = result.problems.some((p) => p.message === 'date.tooFar');
  const latest = needsLatest ? (await orRefuse(context.services.timescaleSettings.viewNonWorkingDays(page.adminRequest), page.t)).latest : null;
  const problems =
    result.code === 'invalid_input' && result.problems.length > 0
      ? result.problems.map((p) => ({ field: p.field, text: problemText(page.t, p as NonWorkingDayProblem, latest ? dates.dayWithWeekday(latest) : null) }))
      : [{ field: SUBMIT_ID, text: refusalText(page.t, result.code) }];
  return data<Shown>({ values, problems }, { status: result.status });
}

export default function NonWorkingDays() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['settings', 'common']);
  const problems = result?.problems ?? [];
  const values = result?.values ?? EMPTY;
  const error = (id: string) => problems.find((p) => p.field === id)?.text;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <SettingsPageTop words="nonWorkingDays" problems={problems} banner={page.done && !result ? { title: t('nonWorkingDays.doneTitle'), text: page.done } : null} />

        <div id="days" tabIndex={-1}>
          {page.days.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">{t('nonWorkingDays.tableCaption')}</h2>
              <p className="govuk-body">{t('nonWorkingDays.none')}</p>
            </>
          ) : (
            <Table
              caption={t('nonWorkingDays.tableCaption')}
              columns={[
                { key: 'day', header: t('nonWorkingDays.columns.date') },
                { key: 'description', header: t('nonWorkingDays.columns.description') },
                { key: 'addedBy', header: t('nonWorkingDays.columns.addedBy') },
                { key: 'action', header: t('nonWorkingDays.columns.action') },
              ]}
              rows={page.days.map((d) => ({
                _key: d.date,
                day: d.day,
                description: d.description,
                addedBy: d.addedBy ?? t('nonWorkingDays.notRecorded'),
                action: d.removable ? (
                  <form method="post" noValidate>
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="date" value={d.date} />
                    <button type="submit" id={removeId(d.date)} className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button" data-prevent-double-click="true">
                      {t('nonWorkingDays.remove')}
                      <span className="govuk-visually-hidden"> {t('nonWorkingDays.removeHidden', { day: d.day })}</span>
                    </button>
                  </form>
                ) : (
                  <span id={removeId(d.date)}>{t('nonWorkingDays.counted')}</span>
                ),
              }))}
            />
          )}
        </div>

        <h2 className="govuk-heading-m">{t('nonWorkingDays.addHeading')}</h2>
        <form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <CaseworkDateInput
            id="date"
            legend={t('nonWorkingDays.dateLegend')}
            hint={t('nonWorkingDays.dateHint', { latest: page.latest })}
            value={values}
            error={error('date')}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <Textarea
            id="description"
            name="description"
            rows={2}
            label={t('nonWorkingDays.descriptionLabel')}
            hint={t('nonWorkingDays.descriptionHint')}
            defaultValue={values.description}
            error={error('description')}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('nonWorkingDays.add')}
          </button>
        </form>

        <Details summary={t('nonWorkingDays.bankHolidaysSummary')}>
          <ul className="govuk-list">
            {page.bankHolidays.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Details>
      </div>
    </div>
  );
}
