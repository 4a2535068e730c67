import { z } from 'zod';
import { requiredText } from '../complaint/complaint-input';
import type { QualityFrameworkItem, QualityGrade } from './management-review';

/**
 * The quality framework as national office edits it: its domains (compliance, and the outcomes for
 * the child), each with a descriptor of what good looks like, and the grades a domain may be given.
 * Every save is a new version; a review records the version it was made against, so what it says
 * never changes when the framework does.
 *
 * A domain keeps its key for life (reports count grades by it); a new domain's key is made from its
 * English name when it is first saved.
 */

export const FRAMEWORK_LIMITS = { label: 120, description: 1000, domains: 20, grades: 8 } as const;
export const FRAMEWORK_DIMENSIONS = ['compliance', 'outcome'] as const;

/** One version of the framework as stored and as a review is made against it. */
export type QualityFramework = { version: number; items: QualityFrameworkItem[]; grades: QualityGrade[] };

const text = z.string().optional().default('');
export const frameworkEditSchema = z.object({
  items: z
    .array(
      z.object({
        key: text,
        dimension: text,
        labelEn: text,
        labelCy: text,
        descriptionEn: text,
        descriptionCy: text,
        remove: z.boolean().optional().default(false),
      }),
    )
    .max(FRAMEWORK_LIMITS.domains + 5)
    .default([]),
  grades: z
    .array(z.object({ key: text, labelEn: text, labelCy: text, remove: z.boolean().optional().default(false) }))
    .max(FRAMEWORK_LIMITS.grades + 5)
    .default([]),
});
export type FrameworkEditInput = z.input<typeof frameworkEditSchema>;

export type JudgedFrameworkEdit =
  | { ok: true; framework: { items: QualityFrameworkItem[]; grades: QualityGrade[] }; changed: boolean }
  | { ok: false; problems: Array<{ field: string; message: string }> };

/** A key from an English name: lower case letters and digits joined by underscores. */
export function frameworkKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

const label = (field: string) => requiredText(field, FRAMEWORK_LIMITS.label);
const description = (field: string) => requiredText(field, FRAMEWORK_LIMITS.description);
/** What a framework says, in a fixed order, so two can be compared whatever order their fields were stored in. */
const fingerprint = (f: Pick<QualityFramework, 'items' | 'grades'>) =>
  JSON.stringify([f.items.map((i) => [i.key, i.dimension, i.labelEn, i.labelCy, i.descriptionEn, i.descriptionCy]), f.grades.map((g) => [g.key, g.labelEn, g.labelCy])]);
const blank = (row: Record<string, unknown>, fields: readonly string[]) => fields.every((f) => String(row[f] ?? '').trim() === '');

/**
 * Checks an edit of the framework against the version in use, every problem at once: each domain
 * kept needs its dimension, both names and both descriptors; each grade both names; a new row left
 * empty is ignored; keys are never changed or repeated; at least one domain and two grades remain.
 */
export function judgeFrameworkEdit(raw: unknown, current: Pick<QualityFramework, 'items' | 'grades'>): JudgedFrameworkEdit {
  const parsed = frameworkEditSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: [{ field: 'items', message: 'framework.invalid' }] };
  const problems: Array<{ field: string; message: string }> = [];
  const check = <T>(schema: z.ZodType<T>, value: unknown, field: string): T | '' => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    problems.push({ field, message: r.error.issues[0]?.message ?? `${field}.invalid` });
    return '';
  };

  const existingItems = new Map(current.items.map((i) => [i.key, i]));
  const items: QualityFrameworkItem[] = [];
  const itemKeys = new Set<string>();
  // Two domains of one name could not be told apart on a review, whatever their keys.
  const itemNames = new Set<string>();
  parsed.data.items.forEach((row, index) => {
    const isNew = row.key === '';
    if (!isNew && !existingItems.has(row.key)) {
      problems.push({ field: `items.${index}.labelEn`, message: 'domain.unknown' });
      return;
    }
    if (row.remove) return;
    if (isNew && blank(row, ['labelEn', 'labelCy', 'descriptionEn', 'descriptionCy'])) return;
    const at = (f: string) => `items.${index}.${f}`;
    const dimension = (FRAMEWORK_DIMENSIONS as readonly string[]).includes(row.dimension) ? (row.dimension as QualityFrameworkItem['dimension']) : null;
    if (!dimension) problems.push({ field: at('dimension'), message: 'dimension.required' });
    const labelEn = check(label('labelEn'), row.labelEn, at('labelEn'));
    const labelCy = check(label('labelCy'), row.labelCy, at('labelCy'));
    const descriptionEn = check(description('descriptionEn'), row.descriptionEn, at('descriptionEn'));
    const descriptionCy = check(description('descriptionCy'), row.descriptionCy, at('descriptionCy'));
    const key = isNew ? frameworkKey(labelEn) : row.key;
    const name = labelEn.toLowerCase();
    if (labelEn !== '' && (itemNames.has(name) || (isNew && (key === '' || itemKeys.has(key) || existingItems.has(key))))) problems.push({ field: at('labelEn'), message: 'labelEn.taken' });
    itemKeys.add(key);
    itemNames.add(name);
    if (dimension) items.push({ key, dimension, labelEn, labelCy, descriptionEn, descriptionCy });
  });

  const existingGrades = new Set(current.grades.map((g) => g.key));
  const grades: QualityGrade[] = [];
  const gradeKeys = new Set<string>();
  const gradeNames = new Set<string>();
  parsed.data.grades.forEach((row, index) => {
    const isNew = row.key === '';
    if (!isNew && !existingGrades.has(row.key)) {
      problems.push({ field: `grades.${index}.labelEn`, message: 'grade.unknown' });
      return;
    }
    if (row.remove) return;
    if (isNew && blank(row, ['labelEn', 'labelCy'])) return;
    const at = (f: string) => `grades.${index}.${f}`;
    const labelEn = check(label('labelEn'), row.labelEn, at('labelEn'));
    const labelCy = check(label('labelCy'), row.labelCy, at('labelCy'));
    const key = isNew ? frameworkKey(labelEn) : row.key;
    const name = labelEn.toLowerCase();
    if (labelEn !== '' && (gradeNames.has(name) || (isNew && (key === '' || gradeKeys.has(key) || existingGrades.has(key))))) problems.push({ field: at('labelEn'), message: 'labelEn.taken' });
    gradeKeys.add(key);
    gradeNames.add(name);
    grades.push({ key, labelEn, labelCy });
  });

  if (problems.length === 0 && items.length === 0) problems.push({ field: 'items', message: 'domains.none' });
  if (problems.length === 0 && items.length > FRAMEWORK_LIMITS.domains) problems.push({ field: 'items', message: 'domains.tooMany' });
  if (problems.length === 0 && grades.length < 2) problems.push({ field: 'grades', message: 'grades.tooFew' });
  if (problems.length === 0 && grades.length > FRAMEWORK_LIMITS.grades) problems.push({ field: 'grades', message: 'grades.tooMany' });
  if (problems.length > 0) return { ok: false, problems };
  const changed = fingerprint({ items, grades }) !== fingerprint(current);
  return { ok: true, framework: { items, grades }, changed };
}
