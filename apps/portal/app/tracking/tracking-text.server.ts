import { organisation } from '@complaints/content';
import { ATTACHMENT_LIMITS, type Audience, type FieldProblem } from '@complaints/domain';
import { pageTitle, translator } from '../i18n.server';

export type Language = 'en' | 'cy';

const numberFormat = new Intl.NumberFormat('en-GB');

/** The words of following a complaint in a language and wording, with the organisation's details filled in. */
export function trackingText(language: Language, audience: Audience = 'adult') {
  const t = translator(language, 'tracking');
  const common = translator(language, 'common');
  const validation = translator(language, 'validation');
  const contact = organisation.contact;
  const context = audience === 'child' ? 'child' : undefined;
  const filled = {
    organisation: organisation.name[language],
    phone: contact.phone,
    email: contact.email,
    hours: contact.openingHours[language],
    files: ATTACHMENT_LIMITS.files,
  };
  const words = (key: string, values: Record<string, unknown> = {}) => t(key, { ...filled, ...values, context }) as string;
  const other = (ns: string, key: string, values: Record<string, unknown> = {}) => translator(language, ns)(key, { ...filled, ...values, context }) as string;
  /** A field's problem in these words, with its limit where it names one. */
  const problem = (p: FieldProblem, limits: Record<string, number> = {}): string => {
    const [field = ''] = p.message.split('.');
    const max = limits[field];
    return t(`fieldProblems.${p.message}`, {
      ...filled,
      context,
      max: max === undefined ? undefined : numberFormat.format(max),
      defaultValue: validation('generic.invalid', { context }),
    }) as string;
  };
  const title = (heading: string, hasErrors = false) => pageTitle(common, heading, { app: 'portal', organisation: organisation.name[language], hasErrors });
  return {
    words,
    other,
    problem,
    title,
    errorSummaryTitle: common('errorSummaryTitle') as string,
    errorPrefix: common('errorTitlePrefix') as string,
  };
}

export type TrackingText = ReturnType<typeof trackingText>;
