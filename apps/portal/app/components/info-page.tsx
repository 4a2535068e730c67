import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { infoPageLoader } from './info-page.server';

export const infoPageMeta: MetaFunction<ReturnType<typeof infoPageLoader>> = ({ data: page }) => [{ title: page?.title }];

export function InfoPage() {
  const { heading, sections } = useLoaderData<ReturnType<typeof infoPageLoader>>();
  return (
    <>
      <h1 className="govuk-heading-l">{heading}</h1>
      {sections.map((s) => (
        <section key={s.heading}>
          <h2 className="govuk-heading-m">{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p className="govuk-body" key={p}>
              {p}
            </p>
          ))}
        </section>
      ))}
    </>
  );
}
