import { type ActionFunctionArgs, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { caseworkPage, orRefuse } from '../components/casework-page.server';
import { fileResponse } from '../components/casework-files.server';

/** Opening the address goes back to the complaint: printing changes things, so it is a POST only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await caseworkPage(request, context);
  return redirect(`/complaints/${params.id}`);
}

/**
 * Prints a posted letter: its PDF to print now, with a new tracking code where it carries one
 * (earlier copies' codes stop working). The print queue records it as printed.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caseworkRequest } = await caseworkPage(request, context);
  const file = await orRefuse(context.services.casework.printLetter(caseworkRequest, params.id ?? '', params.letterId ?? ''));
  return fileResponse(file);
}
