import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { caseworkPage } from '../components/casework-page.server';

/** The queues start on the first queue the person works from; someone with none may not come here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caseworkRequest } = await caseworkPage(request, context);
  const [first] = context.services.casework.availableQueues(caseworkRequest);
  if (!first) throw new Response('You do not have access to this page.', { status: 403 });
  return redirect(`/queues/${first}`);
}
