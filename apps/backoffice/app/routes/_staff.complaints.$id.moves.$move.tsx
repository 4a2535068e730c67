import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { caseworkFailure, caseworkPage } from '../components/casework-page.server';

/**
 * Moves that need nothing more than the decision to make them, posted from the case page's
 * buttons: start the investigation, close the file, start the paused clock again. Opening the address
 * goes back to the complaint: a move changes things, so it is a POST only.
 */
const SIMPLE_MOVES = z.enum(['start_investigation', 'close', 'resume_clock']);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await caseworkPage(request, context);
  return redirect(`/complaints/${params.id}`);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const move = SIMPLE_MOVES.safeParse(params.move);
  if (!move.success) throw new Response('Not found', { status: 404 });
  try {
    await context.services.casework.makeSimpleMove(page.caseworkRequest, params.id ?? '', move.data);
  } catch (error) {
    throw caseworkFailure(error, page.t);
  }
  return redirect(`/complaints/${params.id}?done=moved`);
}
