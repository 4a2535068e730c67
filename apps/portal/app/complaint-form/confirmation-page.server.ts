import { COMPLAINT_FLOWS, CONFIRMATION_SHOWN_MINUTES, type FlowId } from '@complaints/domain';
import { complaintDateInWords } from '@complaints/services';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { detectLanguage } from '../i18n.server';
import { expiredCookieHeader } from '../shared-device.server';
import { DRAFT_COOKIES, draftToken } from './form-cookie.server';
import { pageDecidedByPost, showAfterPost } from './form-outcome.server';
import { formSettings, trackUrl } from './form-settings.server';
import { audienceOf, formWords } from './form-text.server';
import type { ConfirmationPageData, NoticePageData } from './form-view';

type PageData = ConfirmationPageData | NoticePageData;

/**
 * The confirmation: the reference, what happens next and by when, how to check on it, and the
 * receipt. Shown again to the same browser for a short while after it was sent (see
 * CONFIRMATION_SHOWN_MINUTES); after that, a calm page that says the complaint is safe and how to
 * find its reference.
 */
export function confirmationPageLoader(flowId: FlowId) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    const decided = pageDecidedByPost<PageData>(context);
    if (decided) return data(decided);
    const base = COMPLAINT_FLOWS[flowId].basePath;
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const shown = await context.services.complaintForm.showSent({ flow: flowId, token: await draftToken(request, flowId) });
    if (shown.kind === 'not-sent') throw redirect(`${base}/check`);
    if (shown.kind === 'gone') {
      const heading = w.words('confirmation.goneTitle');
      return data<PageData>({
        view: 'notice',
        title: w.title(heading),
        heading,
        paragraphs: [w.words('confirmation.goneBody', { minutes: CONFIRMATION_SHOWN_MINUTES }), w.words('confirmation.goneSent'), w.words('confirmation.contact')],
        link: { href: base, text: w.words('confirmation.goneStart') },
      });
    }
    const c = shown.complaint;
    const date = (d: string) => complaintDateInWords(d, language);
    const panelTitle = w.words('confirmation.title');
    const track = trackUrl(context);
    return data<PageData>({
      view: 'confirmation',
      title: w.title(panelTitle),
      panelTitle,
      referenceLabel: w.words('confirmation.referenceLabel'),
      reference: c.reference,
      ...(c.email ? { emailSent: w.words('confirmation.emailSent', { email: c.email }) } : {}),
      keepReference: w.words('confirmation.keepReference'),
      nextHeading: w.words('confirmation.nextHeading'),
      next: [
        w.words('confirmation.nextAcknowledge', { date: date(c.acknowledgeDueOn) }),
        w.words('confirmation.nextAnswer', { date: date(c.responseDueOn) }),
        w.words('confirmation.nextLonger'),
      ],
      trackHeading: w.words('confirmation.trackHeading'),
      track: track ? w.words('confirmation.trackOnline', { url: track }) : w.words('confirmation.trackByContact'),
      ...(track ? { trackLink: { href: '/track', text: track } } : {}),
      contact: w.words('confirmation.contact'),
      receiptHeading: w.words('confirmation.receiptHeading'),
      receipt: { href: `${base}/receipt.pdf`, text: w.words('confirmation.receiptLink') },
      remove: { heading: w.words('confirmation.removeHeading'), body: w.words('confirmation.removeBody'), button: w.words('confirmation.removeButton') },
    });
  };
}

/**
 * "Remove this from this device": the draft behind the cookie ends (the complaint it became is
 * untouched), its cookie is expired, and a short page says so, with the way back to the start.
 */
export function confirmationPageAction(flowId: FlowId) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const base = COMPLAINT_FLOWS[flowId].basePath;
    const w = formWords(await detectLanguage(request), audienceOf(flowId));
    const settings = formSettings(context);
    await context.services.sharedDevice.forgetThisDevice(settings.storage, { draftTokens: [await draftToken(request, flowId)] });
    const heading = w.words('confirmation.removedTitle');
    return showAfterPost<PageData>(
      context,
      {
        view: 'notice',
        title: w.title(heading),
        heading,
        paragraphs: [w.words('confirmation.removedBody'), w.words('confirmation.removedCopies')],
        link: { href: base, text: w.words('confirmation.removedStart') },
      },
      { status: 200, headers: { 'Set-Cookie': expiredCookieHeader(DRAFT_COOKIES[flowId], settings.secureCookies) } },
    );
  };
}
