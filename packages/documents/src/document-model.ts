/**
 * A document as data: the one source that becomes both the accessible HTML page and the PDF for
 * printing and post. Leaflets, the welcome pack, letters and receipts are all written as blocks.
 */
/**
 * A picture beside a block that says the same thing as its words (an OpenMoji name, see
 * pictures.ts). `alt` is what a screen reader says instead; empty when the picture is marked
 * decorative because the words already say it all.
 */
export type DocumentPicture = { name: string; alt: string };

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'small'; picture?: DocumentPicture }
  | { kind: 'list'; items: string[]; ordered?: boolean; picture?: DocumentPicture }
  | { kind: 'facts'; rows: Array<{ label: string; value: string }> }
  | { kind: 'callout'; text: string; picture?: DocumentPicture }
  | { kind: 'reference'; label: string; value: string }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  /**
   * A horizontal bar chart, for print: each bar's label, its bar and its figure written at its
   * end (`text`, formatted for the language), on an axis to `axisMax` (the largest value when not
   * given). Always followed by a table of the same figures, so the HTML versions leave it out.
   */
  | { kind: 'chart'; name: string; bars: Array<{ label: string; value: number; text: string }>; axisMax?: number }
  /** Who a posted letter goes to, line by line: printed where a window envelope shows it. */
  | { kind: 'address'; lines: string[] };

export type DocumentSource = {
  title: string;
  language: 'en' | 'cy';
  /** Child documents use larger, friendlier type. */
  audience: 'adult' | 'child';
  /**
   * `easy-read`: large type (16 point or more in the PDF), one sentence to a line and a large
   * picture on the left of each, after Mencap's "Am I making myself clear?".
   */
  format?: 'standard' | 'easy-read';
  organisationName: string;
  blocks: DocumentBlock[];
  /** "This document is also on our website at …": the accessible version of a printed page. */
  webVersionNote?: string;
  /** Credits owed at the end of the document, such as the licence of its pictures. */
  credits?: string;
  /** `landscape` for a document of wide tables, such as a report's figures; portrait when not given. */
  orientation?: 'portrait' | 'landscape';
  /** Printed at the foot of every page, e.g. a reference. */
  footer?: string;
};
