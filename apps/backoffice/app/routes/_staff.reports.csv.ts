import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth.server';
import { orRefuse } from '../components/casework-page.server';
import { reportScopeFromKey } from '@complaints/domain';

/** The quarterly report's figures for a quarter and scope, as a CSV download (audited by the service). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const params = new URL(request.url).searchParams;
  const { csv, quarter } = await orRefuse(
    context.services.reports.quarterlyReportCsv({ actor: user, scope: reportScopeFromKey(params.get('scope') ?? ''), quarter: params.get('quarter') ?? '', requestId: context.requestId }),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="quarterly-report-${quarter}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
