import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { caseworkPage } from '../components/casework-page.server';
import { fileResponse } from '../components/casework-files.server';

/**
 * The welcome pack for the family of one complaint, as a PDF: its practitioner and their team's
 * details and the case's reference, in the language and wording the complaint records. Only for
 * someone who may see the complaint (anyone else is told there is no such page); the service
 * writes each download to the audit log.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, t, caseworkRequest } = await caseworkPage(request, context);
  const pack = await context.services.documents.personalisedWelcomePack(user, { complaintId: params.id ?? '', requestId: caseworkRequest.requestId });
  if (pack.status === 'not_found') throw data({ message: t('casework:refusals.not_found') }, { status: 404 });
  if (pack.status === 'no_practitioner') throw data({ message: t('casework:case.welcomePackNoPractitioner') }, { status: 409 });
  return fileResponse({ fileName: pack.fileName, contentType: 'application/pdf', bytes: pack.pdf });
}
