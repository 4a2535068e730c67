import { COMPLAINT_FLOWS, CONFIRMATION_SHOWN_MINUTES, type FlowId } from '@complaints/domain';
import { complaintDateInWords } from '@complaints/services';
import { data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { detectLanguage } from '../i18n.server';
import { draftToken } from './form-cookie.server';
import { trackUrl } from './form-settings.server';
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
    });
  };
}
