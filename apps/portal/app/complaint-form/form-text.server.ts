import { organisation } from '@complaints/content';
import { ATTACHMENT_LIMITS, type Audience, COMPLAINT_LIMITS, FORM_LIMITS, type FlowId } from '@complaints/domain';
import { validationMessage } from '@complaints/i18n/validation';
import type { PageProblem } from '@complaints/services';
import { pageTitle, translator } from '../i18n.server';
import type { NoticePageData } from './form-view';

export type Language = 'en' | 'cy';

const numberFormat = new Intl.NumberFormat('en-GB');

/** The words of the complaint forms in a language and wording, with the organisation's details filled in. */
export function formWords(language: Language, audience: Audience) {
  const t = translator(language, 'complain');
  const contact = organisation.contact;
  const context = audience === 'child' ? 'child' : undefined;
  const common = {
    organisation: organisation.name[language],
    phone: contact.phone,
    email: contact.email,
    address: contact.postalAddress,
    hours: contact.openingHours[language],
    files: ATTACHMENT_LIMITS.files,
    size: ATTACHMENT_LIMITS.bytesPerFile / (1024 * 1024),
  };
  const words = (key: string, values: Record<string, unknown> = {}) => t(key, { ...common, ...values, context }) as string;
  const list = (key: string) => t(key, { ...common, context, returnObjects: true }) as unknown as string[];
  const common_t = translator(language, 'common');
  const validation = translator(language, 'validation');

  /** The words for a problem: attachments name the file; everything else is a validation message with its limit. */
  const problem = (p: PageProblem): string => {
    if (p.message.startsWith('attachment.')) return words(`errors.${p.message}`, p.values ?? {});
    const [field = ''] = p.message.split('.');
    if (field in COMPLAINT_LIMITS || !(field in FORM_LIMITS)) return validationMessage(validation, p, audience);
    return validation(p.message, {
      context,
      max: numberFormat.format((FORM_LIMITS as Record<string, number>)[field]!),
      defaultValue: validation('generic.invalid', { context }),
    });
  };

  const title = (heading: string, hasErrors = false) =>
    pageTitle(common_t, heading, { app: 'portal', organisation: organisation.name[language], hasErrors });

  return { words, list, problem, title, common: common_t };
}

export type FormWords = ReturnType<typeof formWords>;

export function audienceOf(flow: FlowId): Audience {
  return flow === 'child' ? 'child' : 'adult';
}

/**
 * "Please wait before trying again", after too many posts from one address; or, after too many
 * complaints sent from it, "please wait, then send this one", with the way back to the answers,
 * which are kept.
 */
export function rateLimitedNotice(w: FormWords, retryAfterSeconds: number, sent?: { checkHref: string }): NoticePageData {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const heading = w.words(sent ? 'outcomes.sendLimited.title' : 'outcomes.limited.title');
  return {
    view: 'notice',
    title: w.title(heading),
    heading,
    paragraphs: [w.words(sent ? 'outcomes.sendLimited.body' : 'outcomes.limited.body', { minutes }), w.words('outcomes.limited.call')],
    ...(sent ? { link: { href: sent.checkHref, text: w.words('outcomes.sendLimited.back') } } : {}),
  };
}

/**
 * What a post that filled in the hidden field sees: a calm page that does not pretend the complaint
 * was received, since nothing was kept, in case a person ever meets it; and how to reach us.
 */
export function ignoredNotice(w: FormWords): NoticePageData {
  const heading = w.words('outcomes.ignored.title');
  return { view: 'notice', title: w.title(heading), heading, paragraphs: [w.words('outcomes.ignored.body'), w.words('outcomes.ignored.call')] };
}

export function tooLargeNotice(w: FormWords, backHref: string): NoticePageData {
  const heading = w.words('outcomes.tooLarge.title');
  return {
    view: 'notice',
    title: w.title(heading),
    heading,
    paragraphs: [w.words('outcomes.tooLarge.body')],
    link: { href: backHref, text: w.common('backLink') },
  };
}

export function expiredNotice(w: FormWords, startHref: string): NoticePageData {
  const heading = w.words('outcomes.expired.title');
  return {
    view: 'notice',
    title: w.title(heading),
    heading,
    paragraphs: [w.words('outcomes.expired.body')],
    link: { href: startHref, text: w.words('outcomes.expired.start') },
  };
}
