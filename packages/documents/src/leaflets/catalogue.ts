/**
 * The documents every service user is given: the complaints leaflet and the welcome pack, each
 * for adults and for children and young people. Their web addresses are printed on paper, so they
 * must never change.
 */
export const PUBLIC_DOCUMENT_IDS = ['leaflet-adult', 'leaflet-easy-read', 'leaflet-child', 'welcome-pack-adult', 'welcome-pack-child'] as const;
export type PublicDocumentId = (typeof PUBLIC_DOCUMENT_IDS)[number];

export const DOCUMENT_LANGUAGES = ['en', 'cy'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export type PublicDocumentEntry = {
  id: PublicDocumentId;
  kind: 'leaflet' | 'welcome-pack';
  audience: 'adult' | 'child';
  /** `easy-read`: the adult leaflet in easy read, a picture beside each sentence. */
  format: 'standard' | 'easy-read';
  /** The web page. The PDF is the same address with `.pdf` added. */
  path: string;
  /** The downloaded file's name before the language, e.g. `complaints-leaflet-young-people`. */
  fileStem: string;
};

export const PUBLIC_DOCUMENTS: Record<PublicDocumentId, PublicDocumentEntry> = {
  'leaflet-adult': { id: 'leaflet-adult', kind: 'leaflet', audience: 'adult', format: 'standard', path: '/leaflets/adult', fileStem: 'complaints-leaflet' },
  'leaflet-easy-read': {
    id: 'leaflet-easy-read',
    kind: 'leaflet',
    audience: 'adult',
    format: 'easy-read',
    path: '/leaflets/easy-read',
    fileStem: 'complaints-leaflet-easy-read',
  },
  'leaflet-child': {
    id: 'leaflet-child',
    kind: 'leaflet',
    audience: 'child',
    format: 'standard',
    path: '/leaflets/young-people',
    fileStem: 'complaints-leaflet-young-people',
  },
  'welcome-pack-adult': { id: 'welcome-pack-adult', kind: 'welcome-pack', audience: 'adult', format: 'standard', path: '/welcome-pack', fileStem: 'welcome-pack' },
  'welcome-pack-child': {
    id: 'welcome-pack-child',
    kind: 'welcome-pack',
    audience: 'child',
    format: 'standard',
    path: '/welcome-pack/young-people',
    fileStem: 'welcome-pack-young-people',
  },
};

export function isPublicDocumentId(value: unknown): value is PublicDocumentId {
  return typeof value === 'string' && (PUBLIC_DOCUMENT_IDS as readonly string[]).includes(value);
}

export function isDocumentLanguage(value: unknown): value is DocumentLanguage {
  return typeof value === 'string' && (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

/** The PDF's address: the page's address with `.pdf`, and the language asked for explicitly. */
export function pdfPath(id: PublicDocumentId, language: DocumentLanguage): string {
  return `${PUBLIC_DOCUMENTS[id].path}.pdf?lng=${language}`;
}

/** Plain ASCII, so every browser and mail client keeps the name as it is. */
export function pdfFileName(id: PublicDocumentId, language: DocumentLanguage, suffix?: string): string {
  const safeSuffix = suffix ? `-${suffix.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
  return `${PUBLIC_DOCUMENTS[id].fileStem}${safeSuffix}-${language}.pdf`;
}
