import type { z } from 'zod';
import type { Audience } from '../complaint/vocabulary';

/**
 * The online complaint forms as data. A flow is an ordered list of question pages; a page holds
 * fields; a field names its answer, its wording keys (in the `complain` namespace) and how its
 * answer is checked. Pages and fields may depend on earlier answers (`when`), and a choice may
 * reveal follow-up fields. The pages, "check your answers" and the complaint that is finally
 * recorded are all built from these definitions, so they cannot drift apart.
 */

/** What has been answered so far, by field name. Only checked values are ever stored here. */
export type Answers = Record<string, unknown>;

/** Wording keys are paths in the `complain` namespace; child wording sits beside as `key_child`. */
export type WordingKey = string;

export type ChoiceOption = {
  value: string;
  label: WordingKey;
  hint?: WordingKey;
  /** Follow-up fields shown under this choice (always shown when JavaScript is off). */
  reveals?: FieldDefinition[];
};

type FieldBase = {
  /** The answer's name, the form field's name and the element id the error summary links to. */
  name: string;
  label: WordingKey;
  hint?: WordingKey;
  /** Shown beside the label as "(optional)"; an empty answer is allowed. */
  optional?: boolean;
  /** The field is asked only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
};

export type TextFieldDefinition = FieldBase & {
  kind: 'text' | 'email' | 'tel' | 'textarea';
  max: number;
  autocomplete?: string;
  /** GOV.UK input width class suffix, e.g. '20' for govuk-input--width-20. */
  width?: '5' | '10' | '20' | '30';
  rows?: number;
  /** Checks the trimmed text; empty optional text is stored as not given. */
  schema: z.ZodType<string | undefined, unknown>;
};

export type ChoiceFieldDefinition = FieldBase & {
  kind: 'radios' | 'checkboxes';
  options: ChoiceOption[];
  /** Choices that come from data (the service areas), listed before `options`. */
  optionsFrom?: 'serviceAreas';
  /** The message key when nothing, or something not offered, is chosen. */
  requiredMessage?: string;
  inline?: boolean;
};

export type PointsFieldDefinition = FieldBase & {
  kind: 'points';
  /** Whether each point asks for the date it happened. */
  withDates: boolean;
};

export type ConsentFieldDefinition = FieldBase & { kind: 'consent'; requiredMessage: string };

/** Files are stored as they arrive and listed from the database, not kept among the answers. */
export type AttachmentsFieldDefinition = FieldBase & { kind: 'attachments' };

export type FieldDefinition =
  | TextFieldDefinition
  | ChoiceFieldDefinition
  | PointsFieldDefinition
  | ConsentFieldDefinition
  | AttachmentsFieldDefinition;

export type PageDefinition = {
  /** The page's address under the flow's path, e.g. 'who' for /complain/who. */
  id: string;
  /** The question: the page's h1 (and the legend or label when the page asks one thing). */
  heading: WordingKey;
  /** Paragraphs shown under the heading. */
  intro?: WordingKey[];
  /** Links shown under the paragraphs, e.g. to the full privacy notice. */
  links?: Array<{ href: string; text: WordingKey }>;
  fields: FieldDefinition[];
  /** The page is shown only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
};

export type FlowId = 'adult' | 'child';

export type FlowDefinition = {
  id: FlowId;
  audience: Audience;
  /** Where the flow lives in the portal. */
  basePath: string;
  pages: PageDefinition[];
};

/** What a draft holds between pages: the checked answers, the pages finished, the form instance key. */
export type FormDraftData = {
  answers: Answers;
  completed: string[];
  /** Sent with the final submit and stored as the complaint's idempotency key. */
  formKey: string;
};

/** What the service areas look like to the form: their ids, and names in both languages. */
export type AreaChoice = { id: string; name: { en: string; cy: string } };

/** What checking a page may need beyond the answers: today's date and the areas on offer. */
export type PageContext = { today: string; areas: AreaChoice[] };
