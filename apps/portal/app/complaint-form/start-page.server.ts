import { organisation } from '@complaints/content';
import { COMPLAINT_FLOWS, type FlowId } from '@complaints/domain';
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { detectLanguage } from '../i18n.server';
import { audienceOf, formWords } from './form-text.server';
import type { StartPageData } from './form-view';

/** The start page of a form: what it is for, what to expect, and Start now. */
export function startPageLoader(flowId: FlowId) {
  return async ({ request }: LoaderFunctionArgs) => {
    const language = await detectLanguage(request);
    const w = formWords(language, audienceOf(flowId));
    const flow = COMPLAINT_FLOWS[flowId];
    const other = flowId === 'adult' ? COMPLAINT_FLOWS.child : COMPLAINT_FLOWS.adult;
    const heading = w.words('start.title');
    return data<StartPageData>({
      view: 'start',
      title: w.title(heading),
      heading,
      lead: w.words('start.lead'),
      beforeHeading: w.words('start.beforeHeading'),
      before: w.list('start.before'),
      saved: w.words('start.saved'),
      courtHeading: w.words('start.courtHeading'),
      court: w.words('start.court'),
      otherWays: w.words('start.otherWays', { address: organisation.contact.postalAddress }),
      start: { href: `${flow.basePath}/${flow.pages[0]!.id}`, text: w.words('start.button') },
      otherForm:
        flowId === 'adult'
          ? { intro: w.words('start.youngPeople'), href: other.basePath, text: w.words('start.youngPeopleLink') }
          : { intro: w.words('start.adults'), href: other.basePath, text: w.words('start.adultsLink') },
    });
  };
}
