import type { NoticePageData } from '../complaint-form/form-view';

/** What the tracking pages render: worked out on the server, words and all, so the browser needs no script. */

export type Link = { href: string; text: string };

export type TrackingField =
  | { kind: 'text'; id: string; name: string; label: string; hint?: string; value?: string; error?: string; autoComplete?: string; inputMode?: 'text' | 'numeric'; width?: string; labelIsHeading?: boolean }
  | { kind: 'textarea'; id: string; name: string; label: string; hint?: string; value?: string; error?: string }
  | { kind: 'files'; id: string; name: string; label: string; hint?: string; error?: string }
  | { kind: 'radios'; id: string; name: string; legend: string; choices: Array<{ value: string; label: string }>; value?: string; error?: string; inline?: boolean }
  | { kind: 'hidden'; name: string; value: string };

export type TrackingForm = {
  action?: string;
  multipart?: boolean;
  fields: TrackingField[];
  submit: { text: string; name?: string; value?: string; warning?: boolean };
  cancel?: Link;
};

export type Section = { heading?: string; paragraphs?: string[]; form?: TrackingForm; links?: Link[] };

/** A page with a form or two: the reference, the code, adding information, a review, withdrawing, the survey. */
export type FormPageView = {
  view: 'form';
  title: string;
  heading: string;
  caption?: string;
  back?: Link;
  errorSummaryTitle: string;
  errorPrefix: string;
  errors: Link[];
  banner?: { title: string; text: string };
  paragraphs: string[];
  form?: TrackingForm;
  sections: Section[];
};

/** A short page: signed out, not found, please wait (drawn as the complaint forms draw theirs). */
export type NoticeView = NoticePageData;

export type SummaryRow = { key: string; value: string; href?: string };

/** The complaint as its complainant follows it. */
export type StatusView = {
  view: 'status';
  title: string;
  heading: string;
  banner?: { title: string; text: string };
  reference: { label: string; value: string };
  progress: { heading: string; paragraphs: string[] };
  manager: { heading: string; paragraphs: string[] };
  points: { heading: string; items: Array<{ heading: string; text: string; answer: { decision: string; rows: SummaryRow[]; actions: { heading: string; items: string[] } | null } | null; notAnswered: string }> };
  letters: { heading: string; none: string; items: Array<{ text: string; href: string; sent: string; pdf: Link }> };
  timeline: { heading: string; items: Array<{ date: string; dateTime: string; text: string; detail?: string }> };
  actions: { heading: string; links: Link[] };
  signOut: { action: string; text: string };
};

/** A letter we sent, as a web page, with its PDF. */
export type LetterView = { view: 'letter'; title: string; heading: string; back: Link; pdf: Link; html: string };

export type TrackingView = FormPageView | NoticeView | StatusView | LetterView;
