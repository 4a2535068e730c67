import type { LoaderFunctionArgs } from '@remix-run/node';
import { caseworkPage, orRefuse } from '../components/casework-page.server';
import { fileResponse } from '../components/casework-files.server';

/** A letter's PDF, made again from the letter as written; only for someone who may see the complaint. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caseworkRequest, t } = await caseworkPage(request, context);
  const file = await orRefuse(context.services.casework.downloadLetter(caseworkRequest, params.id ?? '', params.letterId ?? ''), t);
  return fileResponse(file);
}
