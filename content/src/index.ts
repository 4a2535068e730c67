import organisationJson from '../organisation.json' with { type: 'json' };

export type Bilingual = { en: string; cy: string };

export type Organisation = {
  name: Bilingual;
  shortName: Bilingual;
  colours: { brand: string; brandDark: string; link: string; linkVisited: string; focus: string };
  contact: { phone: string; textRelay: string; email: string; postalAddress: string; openingHours: Bilingual };
  exitThisPage: { url: string };
  ombudsman: Record<'phso' | 'psow', { name: Bilingual; phone: string; website: string }>;
};

/** The organisation's name, colours and contact details: configurable here, never in components. */
export const organisation: Organisation = organisationJson;
