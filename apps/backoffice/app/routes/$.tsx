/** Any address we do not have: the root error boundary shows "Page not found". */
export function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}
