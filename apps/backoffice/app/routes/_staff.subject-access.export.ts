import { isRefusal } from '@complaints/services';
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { attachmentStorage } from '../components/casework-files.server';

const query = z.union([z.object({ complaint: z.string().max(64) }), z.object({ reference: z.string().max(64) })]);

/**
 * Everything held about one complainant as a ZIP, for national office. An export of personal data:
 * the password must have been typed in the last 10 minutes (else /reauthenticate first, then back
 * here). A reference that finds nothing goes back to the form, saying so.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'export_subject_access', recentlyAuthenticated: true });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const from = !parsed.success ? { reference: '' } : 'complaint' in parsed.data ? { complaintId: parsed.data.complaint } : { reference: parsed.data.reference };
  try {
    const file = await context.services.subjectAccess.exportSubjectAccess(attachmentStorage(context), user, from, context.requestId);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isRefusal(error) && error.code === 'not_found') {
      const typed: string = 'reference' in from ? (from.reference ?? '') : '';
      throw redirect(`/subject-access?${new URLSearchParams({ reference: typed, missing: '1' })}`);
    }
    throw error;
  }
}
