import organisationJson from '../organisation.json' with { type: 'json' };
import formPicturesJson from '../form-pictures.json' with { type: 'json' };

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

/**
 * The picture beside the question on each page of the children's complaint form: an OpenMoji
 * name, as in the children's documents. Its alternative text is in the `complain` namespace at
 * `pictures.<page>`, in English and Welsh; a picture the question already says all of is marked
 * `decorative` instead, and has empty alternative text.
 */
export type FormPicture = { name: string; decorative?: true };

export const formPictures: { child: Record<string, FormPicture> } = formPicturesJson as { child: Record<string, FormPicture> };
