import { z } from 'zod';

/**
 * Settings are read from the environment once, validated, and handed to whoever needs them.
 * A wrong value stops start-up with a sentence naming the variable, never a stack trace.
 */

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** PostgreSQL connection string. When unset the embedded database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Folder for the embedded database, stored attachments and delivered mail on the embedded default. */
  DATA_DIR: z.string().min(1).default('./data'),
  PORTAL_PORT: port.default(3000),
  BACKOFFICE_PORT: port.default(3001),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public addresses, used in links inside letters and emails. */
  PORTAL_URL: z.url().optional(),
  BACKOFFICE_URL: z.url().optional(),
  /** Seed demo data into an empty database. Refused in production. */
  SEED_DEMO_DATA: booleanFromString.optional(),
  /** Mail: 'file' writes each message under DATA_DIR/outbox-mail; 'smtp' sends through SMTP_URL. */
  MAIL_TRANSPORT: z.enum(['file', 'smtp']).default('file'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Complaints team <complaints@example.org>'),
  /** Secure cookies. Off only for plain-http localhost. */
  SECURE_COOKIES: booleanFromString.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How long a worker holds an outbox message it is sending before another may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Posts one address may make to the public complaint forms in 10 minutes; then a "please wait" page. */
  COMPLAINT_FORM_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(30),
});

export type Environment = z.infer<typeof environmentSchema>;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function readEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = environmentSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigurationError(`The configuration is not valid. Fix these settings and start again: ${lines.join('; ')}.`);
  }
  const env = result.data;
  if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
    throw new ConfigurationError('MAIL_TRANSPORT is smtp but SMTP_URL is not set. Set SMTP_URL, for example smtp://127.0.0.1:2525.');
  }
  if (env.NODE_ENV === 'production' && env.SEED_DEMO_DATA) {
    throw new ConfigurationError('SEED_DEMO_DATA cannot be used with NODE_ENV=production: demo accounts must never exist in production.');
  }
  return env;
}

export function portalUrl(env: Environment): string {
  return env.PORTAL_URL ?? `http://localhost:${env.PORTAL_PORT}`;
}

export function backofficeUrl(env: Environment): string {
  return env.BACKOFFICE_URL ?? `http://localhost:${env.BACKOFFICE_PORT}`;
}

/** Secure cookies are on unless we are plainly on local http. */
export function useSecureCookies(env: Environment): boolean {
  if (env.SECURE_COOKIES !== undefined) return env.SECURE_COOKIES;
  return env.NODE_ENV === 'production';
}

/** Demo accounts (from the demo seed) may sign in anywhere but production. */
export function demoAccountsAllowed(env: Environment): boolean {
  return env.NODE_ENV !== 'production';
}
