import type { LoaderFunctionArgs } from '@remix-run/node';
import { attachmentResponse, attachmentStorage } from '../components/casework-files.server';
import { caseworkPage, orRefuse } from '../components/casework-page.server';

/**
 * A file sent with a complaint, only for someone who may see the complaint, and only ever as a
 * download (never shown in the browser, whatever it claims to be).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caseworkRequest, t } = await caseworkPage(request, context);
  const file = await orRefuse(context.services.casework.downloadAttachment(attachmentStorage(context), caseworkRequest, params.id ?? '', params.attachmentId ?? ''), t);
  return attachmentResponse(file);
}
