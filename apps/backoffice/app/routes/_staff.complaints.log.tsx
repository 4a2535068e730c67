import {
  AUDIENCES,
  COMPLAINANT_ROLES,
  COMPLAINT_LIMITS,
  CONTACT_METHODS,
  FEEDBACK_KINDS,
  type FeedbackKind,
  type FieldProblem,
  LANGUAGES,
  STAFF_LOGGED_CHANNELS,
  SUPPORT_NEEDS,
  dateFromParts,
} from '@complaints/domain';
import { BackLink, Checkboxes, DateInput, ErrorSummary, Radios, Select, Textarea, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, caseworkPage, failureProblems, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework', 'validation'] };

const MIN_POINT_BOXES = 3;

function kindFrom(value: string | null): FeedbackKind | null {
  return (FEEDBACK_KINDS as readonly string[]).includes(value ?? '') ? (value as FeedbackKind) : null;
}

/**
 * Logging what came by letter, email, phone or in person: first what it is (a complaint, a
 * compliment, other feedback, or a letter from someone who is not a service user), then the same
 * details as the online form, how it came and the day it reached us.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context, { capability: 'log_complaint' });
  const params = new URL(request.url).searchParams;
  const kind = kindFrom(params.get('kind'));
  // The first question was sent (the form carries `asked`) without an answer: an unchecked radio sends nothing.
  const askedWithoutAnswer = (params.has('kind') || params.has('asked')) && kind === null;
  if (askedWithoutAnswer) markFormErrors(context);
  const choices = await orRefuse(context.services.casework.viewLogForm(page.caseworkRequest), page.t);
  const settings = await context.services.processSettings();
  const local = (en: string, cy: string) => (page.language === 'cy' ? cy : en);
  return data({
    title: page.title(kind ? page.t(`log.titleFor.${kind}`) : page.t('log.kindQuestion')),
    kind,
    kindError: askedWithoutAnswer ? page.t('validation.kind.required') : null,
    replyDays: settings.timescales.non_service_user_reply,
    serviceAreas: groupBy(
      choices.serviceAreas.map((a) => ({ group: local(a.businessAreaNameEn, a.businessAreaNameCy), value: a.id, label: local(a.nameEn, a.nameCy) })),
    ),
    teams: groupBy(
      choices.teams.map((team) => {
        const area = choices.serviceAreas.find((a) => a.id === team.serviceAreaId);
        return { group: area ? local(area.nameEn, area.nameCy) : '', value: team.id, label: local(team.nameEn, team.nameCy) };
      }),
    ),
    practitioners: groupBy(
      choices.practitioners.map((p) => {
        const team = choices.teams.find((tm) => tm.id === p.teamId);
        return { group: team ? local(team.nameEn, team.nameCy) : '', value: p.id, label: p.fullName };
      }),
    ),
  });
}

function groupBy(items: Array<{ group: string; value: string; label: string }>) {
  const groups: Array<{ label: string; options: Array<{ value: string; label: string }> }> = [];
  for (const item of items) {
    let group = groups.find((g) => g.label === item.group);
    if (!group) groups.push((group = { label: item.group, options: [] }));
    group.options.push({ value: item.value, label: item.label });
  }
  return groups;
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

type FormValues = Record<string, string | string[]>;

/** The form as typed, to show it again with its problems. */
function valuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = key === 'supportNeeds' ? all : (all[0] ?? '');
  }
  return values;
}

const text = (values: FormValues, key: string) => {
  const v = values[key];
  return typeof v === 'string' ? v : '';
};
const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);

export async function action({ request, context }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context, { capability: 'log_complaint' });
  const form = await request.formData();
  const values = valuesOf(form);
  const kind = kindFrom(text(values, 'kind'));
  if (!kind) throw new Response('Bad request', { status: 400 });
  const points = Object.keys(values)
    .filter((k) => /^point-\d+$/.test(k))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
    .map((k) => text(values, k));
  const boxes = Math.min(COMPLAINT_LIMITS.points, Math.max(MIN_POINT_BOXES, points.length));
  if (text(values, 'intent') === 'add-point') {
    return data({ values, boxes: Math.min(COMPLAINT_LIMITS.points, boxes + 1), problems: [] as Array<{ field: string; text: string }> });
  }
  const complaint = {
    kind,
    channel: text(values, 'channel'),
    audience: text(values, 'audience'),
    language: text(values, 'language'),
    complainant: {
      role: text(values, 'role'),
      fullName: text(values, 'fullName'),
      email: text(values, 'email'),
      phone: text(values, 'phone'),
      postalAddress: text(values, 'postalAddress'),
      postcode: text(values, 'postcode'),
      preferredContact: text(values, 'preferredContact'),
      safeToLeaveVoicemail: yesNo(text(values, 'safeToLeaveVoicemail')),
      safeToSendPost: yesNo(text(values, 'safeToSendPost')),
      safeCallTimes: text(values, 'safeCallTimes'),
      supportNeeds: Array.isArray(values.supportNeeds) ? values.supportNeeds : [],
      supportNeedsOther: text(values, 'supportNeedsOther'),
      onBehalfOfName: text(values, 'onBehalfOfName'),
      onBehalfOfRelationship: text(values, 'onBehalfOfRelationship'),
      onBehalfOfConsent: text(values, 'onBehalfOfConsent') || undefined,
    },
    serviceAreaId: text(values, 'serviceAreaId') || null,
    areaGiven: text(values, 'areaGiven'),
    courtCaseNumber: text(values, 'courtCaseNumber'),
    practitionerNameGiven: text(values, 'practitionerNameGiven'),
    points: points.filter((p) => p.trim() !== '').map((p) => ({ text: p })),
    desiredOutcome: text(values, 'desiredOutcome'),
    privacyAccepted: text(values, 'privacyAccepted') === 'yes',
  };
  const receivedOn = dateFromParts({ day: text(values, 'receivedOn.day'), month: text(values, 'receivedOn.month'), year: text(values, 'receivedOn.year') });
  const result = await attempt(
    context.services.casework.logComplaint(page.caseworkRequest, {
      complaint,
      receivedOn,
      teamId: text(values, 'teamId') || null,
      practitionerId: text(values, 'practitionerId') || null,
    }),
    page.t,
  );
  if (result.ok) return redirect(`/complaints/${result.value.id}?done=logged`);
  markFormErrors(context);
  return data({ values, boxes, problems: failureProblems(page.t, result, fieldId) }, { status: result.status });
}

/** The id of the field a problem is about, for the error summary's links. */
function fieldId(field: string): string {
  const path = field.replace(/^complaint\./, '').replace(/^complainant\./, '');
  const point = /^points\.(\d+)/.exec(path);
  if (point) return `point-${Number(point[1]) + 1}`;
  if (path === 'points') return 'point-1';
  if (path === 'privacyAccepted') return 'privacyAccepted';
  return path.split('.')[0] ?? path;
}

export default function LogComplaint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const errorPrefix = t('common:errorTitlePrefix');

  if (!page.kind) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common:errorSummaryTitle')} errors={page.kindError ? [{ href: '#kind', text: page.kindError }] : []} />
          <form method="get" action="/complaints/log" noValidate>
            <input type="hidden" name="asked" value="kind" />
            <Radios
              id="kind"
              name="kind"
              legend={t('log.kindQuestion')}
              isPageHeading
              hint={t('log.kindLead')}
              error={page.kindError ?? undefined}
              errorPrefix={errorPrefix}
              choices={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`), hint: t(`kindHints.${k}`, { days: page.replyDays }) }))}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t('log.continue')}
            </button>
          </form>
        </div>
      </div>
    );
  }

  const values: FormValues = result?.values ?? {};
  const value = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const problems = result?.problems ?? [];
  const error = (id: string) => problems.find((p) => p.field === id)?.text;
  const boxes = result?.boxes ?? MIN_POINT_BOXES;
  const yesNoChoices = [
    { value: 'yes', label: t('yes') },
    { value: 'no', label: t('no') },
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/complaints/log">{t('log.changeKind')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{t(`kinds.${page.kind}`)}</span>
        <h1 className="govuk-heading-l">{t(`log.titleFor.${page.kind}`)}</h1>
        <form method="post" action={`/complaints/log?kind=${page.kind}`} noValidate>
          <input type="hidden" name="kind" value={page.kind} />

          <h2 className="govuk-heading-m">{t('log.arrival')}</h2>
          <Radios
            id="channel"
            name="channel"
            legend={t('log.channel')}
            value={value('channel')}
            error={error('channel')}
            errorPrefix={errorPrefix}
            choices={STAFF_LOGGED_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            small
          />
          <DateInput
            id="receivedOn"
            name="receivedOn"
            legend={t('log.receivedOn')}
            hint={t('log.receivedOnHint')}
            value={{ day: value('receivedOn.day'), month: value('receivedOn.month'), year: value('receivedOn.year') }}
            error={error('receivedOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('log.day'), month: t('log.month'), year: t('log.year') }}
          />

          <h2 className="govuk-heading-m">{t('log.person')}</h2>
          <Radios
            id="role"
            name="role"
            legend={t('log.role')}
            value={value('role')}
            error={error('role')}
            errorPrefix={errorPrefix}
            choices={COMPLAINANT_ROLES.map((r) => ({ value: r, label: t(`complainantRoles.${r}`) }))}
            small
          />
          <TextInput id="fullName" name="fullName" label={t('log.fullName')} defaultValue={value('fullName')} error={error('fullName')} errorPrefix={errorPrefix} spellCheck={false} />
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('log.onBehalf')}</legend>
            <TextInput id="onBehalfOfName" name="onBehalfOfName" label={t('log.onBehalfOfName')} defaultValue={value('onBehalfOfName')} error={error('onBehalfOfName')} errorPrefix={errorPrefix} />
            <TextInput
              id="onBehalfOfRelationship"
              name="onBehalfOfRelationship"
              label={t('log.onBehalfOfRelationship')}
              defaultValue={value('onBehalfOfRelationship')}
              error={error('onBehalfOfRelationship')}
              errorPrefix={errorPrefix}
            />
            <Radios
              id="onBehalfOfConsent"
              name="onBehalfOfConsent"
              legend={t('log.onBehalfOfConsent')}
              value={value('onBehalfOfConsent')}
              error={error('onBehalfOfConsent')}
              errorPrefix={errorPrefix}
              choices={(['given', 'not_given', 'not_able'] as const).map((c) => ({ value: c, label: t(`consent.${c}`) }))}
              small
            />
          </fieldset>

          <h2 className="govuk-heading-m">{t('log.contact')}</h2>
          <TextInput id="email" name="email" type="email" label={t('log.email')} defaultValue={value('email')} error={error('email')} errorPrefix={errorPrefix} spellCheck={false} />
          <TextInput id="phone" name="phone" type="tel" label={t('log.phone')} defaultValue={value('phone')} error={error('phone')} errorPrefix={errorPrefix} widthClass="govuk-input--width-20" />
          <Textarea id="postalAddress" name="postalAddress" label={t('log.postalAddress')} defaultValue={value('postalAddress')} error={error('postalAddress')} errorPrefix={errorPrefix} rows={4} />
          <TextInput id="postcode" name="postcode" label={t('log.postcode')} defaultValue={value('postcode')} error={error('postcode')} errorPrefix={errorPrefix} widthClass="govuk-input--width-10" />
          <Radios
            id="preferredContact"
            name="preferredContact"
            legend={t('log.preferredContact')}
            value={value('preferredContact')}
            error={error('preferredContact')}
            errorPrefix={errorPrefix}
            choices={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethods.${m}`) }))}
            small
          />

          <h2 className="govuk-heading-m">{t('log.safety')}</h2>
          <p className="govuk-hint">{t('log.safetyHint')}</p>
          <Radios id="safeToLeaveVoicemail" name="safeToLeaveVoicemail" legend={t('log.safeToLeaveVoicemail')} value={value('safeToLeaveVoicemail')} choices={yesNoChoices} small inline />
          <Radios id="safeToSendPost" name="safeToSendPost" legend={t('log.safeToSendPost')} value={value('safeToSendPost')} choices={yesNoChoices} small inline />
          <TextInput id="safeCallTimes" name="safeCallTimes" label={t('log.safeCallTimes')} defaultValue={value('safeCallTimes')} error={error('safeCallTimes')} errorPrefix={errorPrefix} />

          <Radios
            id="language"
            name="language"
            legend={t('log.language')}
            value={value('language')}
            error={error('language')}
            errorPrefix={errorPrefix}
            choices={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            small
            inline
          />
          <Radios
            id="audience"
            name="audience"
            legend={t('log.audience')}
            hint={t('log.audienceHint')}
            value={value('audience')}
            error={error('audience')}
            errorPrefix={errorPrefix}
            choices={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
            small
            inline
          />
          <Checkboxes
            id="supportNeeds"
            name="supportNeeds"
            legend={t('log.supportNeeds')}
            values={Array.isArray(values.supportNeeds) ? values.supportNeeds : []}
            error={error('supportNeeds')}
            errorPrefix={errorPrefix}
            choices={SUPPORT_NEEDS.map((n) => ({ value: n, label: t(`supportNeeds.${n}`) }))}
            small
          />
          <TextInput id="supportNeedsOther" name="supportNeedsOther" label={t('log.supportNeedsOther')} defaultValue={value('supportNeedsOther')} error={error('supportNeedsOther')} errorPrefix={errorPrefix} />

          <h2 className="govuk-heading-m">{t('log.caseDetails')}</h2>
          <Select id="serviceAreaId" name="serviceAreaId" label={t('log.serviceArea')} hint={t('log.serviceAreaHint')} value={value('serviceAreaId')} error={error('serviceAreaId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.serviceAreas} />
          <Select id="teamId" name="teamId" label={t('log.team')} value={value('teamId')} error={error('teamId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.teams} />
          <Select id="practitionerId" name="practitionerId" label={t('log.practitioner')} value={value('practitionerId')} error={error('practitionerId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.practitioners} />
          <TextInput id="practitionerNameGiven" name="practitionerNameGiven" label={t('log.practitionerNameGiven')} defaultValue={value('practitionerNameGiven')} error={error('practitionerNameGiven')} errorPrefix={errorPrefix} />
          <TextInput id="areaGiven" name="areaGiven" label={t('log.areaGiven')} defaultValue={value('areaGiven')} error={error('areaGiven')} errorPrefix={errorPrefix} />
          <TextInput id="courtCaseNumber" name="courtCaseNumber" label={t('log.courtCaseNumber')} defaultValue={value('courtCaseNumber')} error={error('courtCaseNumber')} errorPrefix={errorPrefix} widthClass="govuk-input--width-20" spellCheck={false} />

          <h2 className="govuk-heading-m">{t('log.points')}</h2>
          <p className="govuk-hint">{t(`log.pointsHint.${page.kind}`)}</p>
          {Array.from({ length: boxes }, (_, i) => (
            <Textarea
              key={i}
              id={`point-${i + 1}`}
              name={`point-${i + 1}`}
              label={t('log.point', { number: i + 1 })}
              defaultValue={value(`point-${i + 1}`)}
              error={error(`point-${i + 1}`)}
              errorPrefix={errorPrefix}
              rows={4}
            />
          ))}
          <Textarea id="desiredOutcome" name="desiredOutcome" label={t('log.desiredOutcome')} defaultValue={value('desiredOutcome')} error={error('desiredOutcome')} errorPrefix={errorPrefix} rows={3} />

          <Checkboxes
            id="privacyAccepted"
            name="privacyAccepted"
            legend={t('log.privacy')}
            values={value('privacyAccepted') === 'yes' ? ['yes'] : []}
            error={error('privacyAccepted')}
            errorPrefix={errorPrefix}
            choices={[{ value: 'yes', label: t('log.privacyAccepted') }]}
            small
          />
          {/* Logging comes first in the form, so pressing Enter logs rather than adding a box. */}
          <div className="govuk-button-group">
            <button type="submit" id={SUBMIT_ID} name="intent" value="log" className="govuk-button" data-module="govuk-button">
              {t('log.submit')}
            </button>
            {boxes < COMPLAINT_LIMITS.points ? (
              <button type="submit" name="intent" value="add-point" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('log.addPoint')}
              </button>
            ) : null}
          </div>
        </form>
      </div>
    </div>
  );
}
