/**
 * What a complaint form page is given to render: every word already in the page's language and
 * wording (adult or child), every value as typed, every error against its field. Built on the
 * server from the form's definition; the components only lay it out.
 */

/**
 * The hidden field a person leaves empty; programs that fill in every field fill it in. Its name
 * is one no browser's autofill or password manager recognises (not "website", "url" or "name"),
 * so a real person's browser never fills it in for them and loses their complaint.
 */
export const HONEYPOT_FIELD = 'leave_this_box_empty';

export type ErrorLink = { href: string; text: string };

export type TextFieldView = {
  kind: 'text' | 'email' | 'tel' | 'textarea';
  id: string;
  name: string;
  label: string;
  isPageHeading: boolean;
  hint?: string;
  error?: string;
  value: string;
  autoComplete?: string;
  widthClass?: string;
  rows?: number;
};

export type ChoiceView = { value: string; label: string; hint?: string; reveals: FieldView[] };

export type ChoiceFieldView = {
  kind: 'radios' | 'checkboxes';
  id: string;
  name: string;
  legend: string;
  isPageHeading: boolean;
  hint?: string;
  error?: string;
  choices: ChoiceView[];
  selected: string[];
  inline: boolean;
};

export type PointView = {
  number: number;
  legend: string;
  text: { id: string; name: string; label: string; hint: string; value: string; error?: string };
  date?: {
    id: string;
    name: string;
    legend: string;
    hint: string;
    value: { day: string; month: string; year: string };
    error?: string;
    labels: { day: string; month: string; year: string };
  };
  remove?: { value: string; text: string };
};

export type PointsFieldView = {
  kind: 'points';
  id: string;
  error?: string;
  points: PointView[];
  add?: { value: string; text: string };
  limitReached?: string;
};

export type ConsentFieldView = { kind: 'consent'; id: string; name: string; label: string; error?: string; checked: boolean };

export type AttachmentsFieldView = {
  kind: 'attachments';
  id: string;
  name: string;
  label: string;
  hint: string;
  error?: string;
  listHeading: string;
  files: Array<{ id: string; name: string; size: string; remove: { value: string; text: string } }>;
  upload: { value: string; text: string };
};

export type FieldView = TextFieldView | ChoiceFieldView | PointsFieldView | ConsentFieldView | AttachmentsFieldView;

/** Words every form page needs. */
export type FormChrome = {
  back: { href: string; text: string };
  continueText: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  honeypotLabel: string;
};

/** A picture beside a question: where it is served, and its alternative text ('' when decorative). */
export type QuestionPicture = { src: string; alt: string };

export type QuestionPageData = {
  view: 'question';
  title: string;
  heading: string;
  /** When the page asks one thing, its label or legend is the h1 and no separate heading is shown. */
  headingInField: boolean;
  intro: string[];
  links: Array<{ href: string; text: string }>;
  /** On the children's form, a picture beside the question that says the same thing. */
  picture?: QuestionPicture;
  fields: FieldView[];
  errors: ErrorLink[];
  multipart: boolean;
  /** Pages with buttons besides Continue get a hidden first Continue, so Enter in a field continues. */
  defaultContinue: boolean;
  chrome: FormChrome;
};

/** A calm page instead of the form: please wait, thank you, too large, answers deleted. */
export type NoticePageData = {
  view: 'notice';
  title: string;
  heading: string;
  paragraphs: string[];
  link?: { href: string; text: string };
};

export type CheckRowView = { key: string; lines: string[]; change: { href: string; text: string; hidden: string } };

export type CheckPageData = {
  view: 'check';
  title: string;
  heading: string;
  rows: CheckRowView[];
  sendHeading: string;
  sendBody: string;
  sendText: string;
  formKey: string;
  back: { href: string; text: string };
  honeypotLabel: string;
};

export type ConfirmationPageData = {
  view: 'confirmation';
  title: string;
  panelTitle: string;
  referenceLabel: string;
  reference: string;
  emailSent?: string;
  keepReference: string;
  nextHeading: string;
  next: string[];
  trackHeading: string;
  track: string;
  trackLink?: { href: string; text: string };
  contact: string;
  receiptHeading: string;
  receipt: { href: string; text: string };
  /** "Remove this from this device": a form that posts back to the confirmation page. */
  remove: { heading: string; body: string; button: string };
};

export type StartPageData = {
  view: 'start';
  title: string;
  heading: string;
  lead: string;
  beforeHeading: string;
  before: string[];
  saved: string;
  courtHeading: string;
  court: string;
  otherWays: string;
  start: { href: string; text: string };
  otherForm: { intro: string; href: string; text: string };
};
