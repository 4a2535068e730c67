import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth.server';
import { parseAuditQuery } from '../components/access-audit-query.server';

/**
 * The audit entries matching a search, as a CSV download. An export of data: the password must
 * have been typed in the last 10 minutes (else /reauthenticate first, then back here).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'view_audit_log', recentlyAuthenticated: true });
  const { query } = parseAuditQuery(new URL(request.url).searchParams);
  const { csv } = await context.services.staffAccess.exportAuditLog(user, query, context.requestId);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-log.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
