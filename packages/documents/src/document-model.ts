/**
 * A document as data: the one source that becomes both the accessible HTML page and the PDF for
 * printing and post. Leaflets, the welcome pack, letters and receipts are all written as blocks.
 */
export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'small' }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'facts'; rows: Array<{ label: string; value: string }> }
  | { kind: 'callout'; text: string }
  | { kind: 'reference'; label: string; value: string }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  /** Who a posted letter goes to, line by line: printed where a window envelope shows it. */
  | { kind: 'address'; lines: string[] };

export type DocumentSource = {
  title: string;
  language: 'en' | 'cy';
  /** Child documents use larger, friendlier type. */
  audience: 'adult' | 'child';
  organisationName: string;
  blocks: DocumentBlock[];
  /** "This document is also on our website at …": the accessible version of a printed page. */
  webVersionNote?: string;
  /** Printed at the foot of every page, e.g. a reference. */
  footer?: string;
};
