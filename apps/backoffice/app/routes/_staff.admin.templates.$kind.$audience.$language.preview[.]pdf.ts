import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '../auth.server';
import { accessPage } from '../components/access-page.server';
import { orRefuse } from '../components/casework-page.server';

/**
 * A version of a letter template as its PDF, filled in with sample facts (`?version=`, else the
 * current one). Shown in place beside the on-screen preview, so it is sent inline; it holds
 * nothing about a real complaint, but is still never kept in a shared cache.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_templates' });
  const { t } = await accessPage(request, context, 'templates');
  const asked = new URL(request.url).searchParams.get('version');
  const version = asked === null || asked === '' ? null : /^\d{1,9}$/.test(asked) ? Number(asked) : -1;
  const file = await orRefuse(
    context.services.letterTemplates.previewPdf({ actor: user, requestId: context.requestId }, { kind: params.kind, audience: params.audience, language: params.language }, version),
    t,
  );
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `inline; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
