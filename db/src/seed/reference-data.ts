import { DEFAULT_RETENTION_YEARS, DEFAULT_TIMESCALES, POINT_CATEGORIES, RETENTION_SETTING_KEY, ROLE_KEYS, TIMESCALE_KEYS } from '@complaints/domain';
import type { Executor } from '../client';
import { pointCategories, qualityFrameworkVersions, retentionSettings, roles, timescaleSettings } from '../schema/index';
import { seedLetterTemplates } from './letter-templates';

const CATEGORY_LABELS: Record<(typeof POINT_CATEGORIES)[number], { en: string; cy: string }> = {
  communication: { en: 'Communication', cy: 'Cyfathrebu' },
  delay: { en: 'Delay', cy: 'Oedi' },
  conduct: { en: 'Conduct of staff', cy: 'Ymddygiad staff' },
  quality_of_work: { en: 'Quality of report or work', cy: 'Ansawdd adroddiad neu waith' },
  data_and_confidentiality: { en: 'Data and confidentiality', cy: 'Data a chyfrinachedd' },
  discrimination: { en: 'Discrimination', cy: 'Gwahaniaethu' },
  other: { en: 'Other', cy: 'Arall' },
};

/**
 * The quality framework for a management review of a case: compliance with policy and four
 * outcomes for the child, each graded. Data, so the organisation can change it.
 */
const FRAMEWORK = [
  {
    key: 'compliance_case_plan',
    dimension: 'compliance',
    labelEn: 'Case plan',
    labelCy: 'Cynllun achos',
    descriptionEn: 'There is a case plan that follows policy and is kept up to date.',
    descriptionCy: "Mae cynllun achos sy'n dilyn polisi ac sy'n cael ei gadw'n gyfredol.",
  },
  {
    key: 'compliance_recording',
    dimension: 'compliance',
    labelEn: 'Recording',
    labelCy: 'Cofnodi',
    descriptionEn: 'The case record is accurate, timely and complete.',
    descriptionCy: "Mae cofnod yr achos yn gywir, yn amserol ac yn gyflawn.",
  },
  {
    key: 'outcome_safe',
    dimension: 'outcome',
    labelEn: 'Safe',
    labelCy: 'Diogel',
    descriptionEn: 'Risk to the child was identified, analysed and managed.',
    descriptionCy: "Cafodd risg i'r plentyn ei nodi, ei dadansoddi a'i rheoli.",
  },
  {
    key: 'outcome_heard',
    dimension: 'outcome',
    labelEn: 'Heard',
    labelCy: 'Wedi ei glywed',
    descriptionEn: "The child was at the centre of the work and their lived experience was understood.",
    descriptionCy: "Roedd y plentyn wrth galon y gwaith ac roedd ei brofiad bywyd yn cael ei ddeall.",
  },
  {
    key: 'outcome_better_represented',
    dimension: 'outcome',
    labelEn: 'Better represented',
    labelCy: 'Wedi ei gynrychioli’n well',
    descriptionEn: 'Documents were child-centred, accurate, analytical and respectful, and delay was avoided.',
    descriptionCy: "Roedd dogfennau'n canolbwyntio ar y plentyn, yn gywir, yn ddadansoddol ac yn barchus, a chafodd oedi ei osgoi.",
  },
  {
    key: 'outcome_enabled',
    dimension: 'outcome',
    labelEn: 'Enabled',
    labelCy: 'Wedi ei alluogi',
    descriptionEn: 'The child was helped to understand what was happening and to take part.',
    descriptionCy: "Cafodd y plentyn help i ddeall beth oedd yn digwydd ac i gymryd rhan.",
  },
] as const;

const GRADES = [
  { key: 'outstanding', labelEn: 'Outstanding', labelCy: 'Rhagorol' },
  { key: 'good', labelEn: 'Good', labelCy: 'Da' },
  { key: 'requires_improvement', labelEn: 'Requires improvement', labelCy: 'Angen gwella' },
  { key: 'inadequate', labelEn: 'Inadequate', labelCy: 'Annigonol' },
] as const;

/**
 * Lists every installation needs, demo or not: roles, point categories, default timescales and the
 * quality framework. Safe to run at every start: existing rows are left as the organisation set them.
 */
export async function seedReferenceData(db: Executor): Promise<void> {
  await db
    .insert(roles)
    .values(ROLE_KEYS.map((key, position) => ({ key, position })))
    .onConflictDoNothing();
  await db
    .insert(pointCategories)
    .values(POINT_CATEGORIES.map((key, position) => ({ key, position, labelEn: CATEGORY_LABELS[key].en, labelCy: CATEGORY_LABELS[key].cy })))
    .onConflictDoNothing();
  await db
    .insert(timescaleSettings)
    .values(TIMESCALE_KEYS.map((key) => ({ key, workingDays: DEFAULT_TIMESCALES[key] })))
    .onConflictDoNothing();
  // The retention schedule: six years after closure until national office changes it.
  await db.insert(retentionSettings).values({ key: RETENTION_SETTING_KEY, years: DEFAULT_RETENTION_YEARS }).onConflictDoNothing();
  // The framework's first version; national office's later versions follow it.
  await db
    .insert(qualityFrameworkVersions)
    .values({ version: 1, items: FRAMEWORK.map((item) => ({ ...item })), grades: GRADES.map((grade) => ({ ...grade })) })
    .onConflictDoNothing();
  // The first version of the letters sent by return (acknowledgements), where missing.
  await seedLetterTemplates(db);
}
