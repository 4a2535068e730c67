import { boolean, date, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns';
import { staff } from './organisation';

/** Timescales are data: the organisation changes them. Defaults come from the domain. */
export const timescaleSettings = pgTable('timescale_settings', {
  key: text('key').primaryKey(),
  workingDays: integer('working_days').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => staff.id),
});

/** Days an administrator adds to the shipped bank holidays, such as an office closure. */
export const nonWorkingDays = pgTable('non_working_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  description: text('description').notNull(),
  addedBy: uuid('added_by').references(() => staff.id),
  addedAt: at('added_at').notNull().defaultNow(),
});

/** Yes-or-no choices national office makes about the procedure, such as letting unchanged acknowledgements pass quality assurance. */
export const caseworkSettings = pgTable('casework_settings', {
  key: text('key').primaryKey(),
  enabled: boolean('enabled').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => staff.id),
});

/**
 * How long a complaint is kept after it is closed (or withdrawn) before retention anonymises it, in
 * whole years; one row, 'complaints'. Without it the domain's default applies (six years).
 */
export const retentionSettings = pgTable('retention_settings', {
  key: text('key').primaryKey(),
  years: integer('years').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => staff.id),
});

/**
 * A financial year's self-assessment against the complaints procedure, written by national office
 * for the annual report and kept with the year (one row a year, by the calendar year it starts
 * in): each heading's assessment, and who last changed it and when. Every change is audited.
 */
export const annualSelfAssessments = pgTable('annual_self_assessments', {
  startYear: integer('start_year').primaryKey(),
  /** Heading key → its assessment (the domain's SELF_ASSESSMENT_HEADINGS); an empty heading is ''. */
  assessment: jsonb('assessment').$type<Record<string, string>>().notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').notNull().references(() => staff.id),
});
