import { PRINT_BATCH_LIMITS } from '@complaints/domain';
import { type ActionFunctionArgs, redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { fileResponse } from '../components/casework-files.server';
import { attempt, caseworkPage } from '../components/casework-page.server';

/** Opening the address goes back to the print queue: printing changes things, so it is a POST only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await caseworkPage(request, context, { capability: 'print_letters' });
  return redirect('/print-queue');
}

/**
 * Prints the letters ticked on the print queue: the answer is the PDF itself. The page's form
 * posts here, not to the page, because Remix renders a page's own action answer as the page;
 * when the print is refused, the person goes back to the print queue with the problem and what
 * they had ticked, and the page shows it in its error summary.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { t, language, caseworkRequest } = await caseworkPage(request, context, { capability: 'print_letters' });
  const form = await request.formData();
  const letterIds = form.getAll('letterIds').filter((v): v is string => typeof v === 'string');
  const result = await attempt(context.services.printQueue.printBatch(caseworkRequest, { letterIds }, { language }), t);
  if (result.ok) return fileResponse(result.value);
  const back = new URLSearchParams();
  const area = new URL(request.url).searchParams.get('area');
  if (area) back.set('area', area);
  const problem = result.code === 'invalid_input' ? result.problems[0]?.message : undefined;
  if (problem) back.set('problem', problem);
  else back.set('refusal', result.code);
  if (letterIds.length <= PRINT_BATCH_LIMITS.max) for (const id of letterIds) back.append('chosen', id);
  return redirect(`/print-queue?${back.toString()}`, 303);
}
