import type { LoaderFunctionArgs } from '@remix-run/node';
import { namespaceResource } from '../i18n.server';

/** The words of one namespace in one language, for the browser after the page has loaded. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = namespaceResource(params.lng ?? '', (params.ns ?? '').replace(/\.json$/, ''));
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(JSON.stringify(found), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
