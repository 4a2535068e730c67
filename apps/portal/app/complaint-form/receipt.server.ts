import { COMPLAINT_FLOWS, type FlowId } from '@complaints/domain';
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { detectLanguage } from '../i18n.server';
import { draftToken } from './form-cookie.server';
import { trackUrl } from './form-settings.server';

/**
 * The receipt PDF, for the browser that sent the complaint only: it is found through the draft
 * cookie, never by a reference in the address. Without it, the confirmation page explains. It
 * opens in the browser rather than being saved to the device's downloads, and is never cached: the
 * device may be shared.
 */
export function receiptLoader(flowId: FlowId) {
  return async ({ request, context }: LoaderFunctionArgs) => {
    const receipt = await context.services.complaintForm.renderReceipt({
      flow: flowId,
      token: await draftToken(request, flowId),
      language: await detectLanguage(request),
      trackUrl: trackUrl(context),
    });
    if (receipt.kind === 'gone') throw redirect(`${COMPLAINT_FLOWS[flowId].basePath}/confirmation`);
    return new Response(new Uint8Array(receipt.pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="complaint-${receipt.reference}.pdf"`,
        'Cache-Control': 'no-store',
      },
    });
  };
}
