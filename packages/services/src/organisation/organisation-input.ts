import { z } from 'zod';

/** What may be wrong with a field of an organisation form; routes turn these into words. */
export type OrganisationProblem = 'required' | 'too_long' | 'invalid' | 'taken' | 'wrong_role';
export type OrganisationProblems = Record<string, OrganisationProblem>;

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');
/** Optional text on the administration forms (these and staff accounts): trimmed, and null when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .optional()
    .transform((v) => (v ? v : null));
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));
const code = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'required')
  .max(20, 'too_long')
  .regex(/^[A-Z0-9-]+$/, 'invalid');
const email = optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, 'invalid');
/** A telephone number, for a team or business area as for a member of staff. */
export const phone = optionalText(40).refine((v) => v === null || /^[0-9+()\s-]{6,40}$/.test(v), 'invalid');

/** What every business area, service area and team has. */
const identity = { code, nameEn: text(200), nameCy: text(200) };
/** How a business area or a team is reached. */
const contactDetails = { email, phone, postalAddress: optionalText(500) };

export const businessAreaSchema = z.object({
  ...identity,
  ...contactDetails,
  csqAdministratorId: optionalId,
});

export const serviceAreaSchema = z.object({
  businessAreaId: z.string().trim().min(1, 'required'),
  ...identity,
  nation: z.enum(['england', 'wales'], 'required'),
  headOfServiceId: optionalId,
});

export const teamSchema = z.object({
  serviceAreaId: z.string().trim().min(1, 'required'),
  ...identity,
  ...contactDetails,
});

export function organisationProblems(error: z.ZodError): OrganisationProblems {
  const problems: OrganisationProblems = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!problems[field]) problems[field] = (['required', 'too_long', 'invalid'].includes(issue.message) ? issue.message : 'invalid') as OrganisationProblem;
  }
  return problems;
}
