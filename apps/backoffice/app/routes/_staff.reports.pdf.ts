import type { LoaderFunctionArgs } from '@remix-run/node';
import { reportScopeFromKey } from '@complaints/domain';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { fileResponse } from '../components/casework-files.server';
import { orRefuse } from '../components/casework-page.server';

const query = z.object({
  quarter: z.string().max(20).catch(''),
  scope: z.string().max(80).catch(''),
});

/**
 * The whole quarterly report of a quarter and scope as a PDF for printing, in the page's language
 * (audited by the service as a download). Refused as the page is; a quarter that is not one is a 400.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { language, t } = await accessPage(request, context, 'reports');
  const url = new URL(request.url);
  const asked = query.parse({ quarter: url.searchParams.get('quarter') ?? '', scope: url.searchParams.get('scope') ?? '' });
  const webAddress = `${url.origin}/reports?quarter=${encodeURIComponent(asked.quarter)}&scope=${encodeURIComponent(asked.scope)}`;
  const { pdf, quarter } = await orRefuse(
    context.services.reports.quarterlyReportPdf({ actor: user, scope: reportScopeFromKey(asked.scope), quarter: asked.quarter, language, requestId: context.requestId, webAddress }),
    t,
  );
  return fileResponse({ fileName: `quarterly-report-${quarter}.pdf`, contentType: 'application/pdf', bytes: pdf });
}
