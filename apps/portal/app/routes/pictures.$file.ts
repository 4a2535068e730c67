import { isPictureName, pictureSvg } from '@complaints/documents';
import type { LoaderFunctionArgs } from '@remix-run/node';

/**
 * The pictures of the children's documents and the easy-read leaflet (OpenMoji SVG files), at
 * `/pictures/<name>.svg`. A picture never changes under its name, so browsers may keep it a day.
 * Only names in the set are served: the name is checked before any file is read.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const name = /^(.+)\.svg$/.exec(params.file ?? '')?.[1];
  if (!name || !isPictureName(name)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(new Uint8Array(pictureSvg(name)), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
  });
}
