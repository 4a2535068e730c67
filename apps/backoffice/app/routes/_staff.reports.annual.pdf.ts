import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { fileResponse } from '../components/casework-files.server';
import { orRefuse } from '../components/casework-page.server';

const query = z.object({ year: z.string().max(20).catch('') });

/** The annual report for a financial year as a PDF, in the page's language (audited by the service). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { language, t } = await accessPage(request, context, 'annual-report');
  const { year } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { pdf, year: named } = await orRefuse(context.services.annualReport.pdf({ actor: user, year, language, requestId: context.requestId }), t);
  return fileResponse({ fileName: `annual-complaints-report-${named}.pdf`, contentType: 'application/pdf', bytes: pdf });
}
