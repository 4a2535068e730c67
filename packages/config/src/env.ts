import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * Settings are read from the environment once, validated, and handed to whoever needs them.
 * A wrong value stops start-up with a sentence naming the variable, never a stack trace.
 */

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const notifyTemplateId = z.guid('must be a template id copied from GOV.UK Notify (a UUID)');

/**
 * Which GOV.UK Notify template carries each email, by the outbox's template key and language:
 * `{"*": {"en": "<id>", "cy": "<id>"}, "letter.*": {"en": "<id>", "cy": "<id>"}}`. A key ending in
 * `*` stands for every key that starts with what comes before it; the most specific key wins.
 */
const notifyTemplates = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', input: text, message: 'must be JSON, for example {"*":{"en":"<template id>","cy":"<template id>"}}' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string().regex(/^(\*|[a-z0-9_.]+\*?)$/),
      z.strictObject({ en: notifyTemplateId.optional(), cy: notifyTemplateId.optional() }, 'each entry must be {"en": "<template id>", "cy": "<template id>"}'),
      {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'each key must be a message key such as letter.acknowledgement, a prefix ending in * such as letter.*, or * alone'
            : 'must be a JSON object of template ids by message key and language',
      },
    ),
  );

export type NotifyTemplates = z.infer<typeof notifyTemplates>;

const retentionWeeks = 'must be a whole number of weeks from 1 to 78';

/** The names proxy-addr (Express's `trust proxy`) knows for whole address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const valid = ipaddr.IPv6.isValid(address) || ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!valid) return false;
  if (prefix === undefined) return true;
  const max = ipaddr.IPv6.isValid(address) ? 128 : 32;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

const trustedProxiesProblem =
  'must be the number of proxies in front of the app (e.g. 1) or their addresses as a comma-separated list of IP addresses and CIDR ranges (e.g. 10.0.0.0/8,fd00::/8)';

/**
 * Which proxies' X-Forwarded-For the apps believe, in the two forms Express's `trust proxy`
 * takes: a number of hops (the load balancer, then any CDN before it), or the proxies' addresses
 * and CIDR ranges. Anything else is refused here, not left for Express to guess at.
 */
const trustedProxies = z.string().transform((text, ctx): number | string[] => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) <= 20) return Number(trimmed);
  const entries = trimmed.split(',').map((e) => e.trim().toLowerCase());
  if (entries.length > 0 && entries.every((e) => e !== '' && isAddressOrRange(e))) return entries;
  ctx.issues.push({ code: 'custom', input: text, message: trustedProxiesProblem });
  return z.NEVER;
});

export type TrustedProxies = number | string[];

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const environmentFields = z.object({
  /**
   * Demo mode: demo data (with demo staff accounts, whose password is published) is added to an
   * empty database, and demo accounts may sign in. Unset: on for the embedded database, off with
   * DATABASE_URL. NODE_ENV has no say in it.
   */
  DEMO: booleanFromString.optional(),
  /**
   * The key that seals staff's second-factor secrets in the database: 32 random bytes, base64
   * (`openssl rand -base64 32`). Kept outside the database, so a copy of it alone gives nobody the
   * codes. Required outside demo mode; the demo uses a published key of its own.
   */
  SECOND_FACTOR_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes written in base64, for example the output of: openssl rand -base64 32')
    .optional(),
  /**
   * The key that signs the complaint history and the audit log (HMAC-SHA256): 32 random bytes,
   * base64. Kept outside the database, so someone who can write to the database still cannot
   * rewrite a record without the check noticing. Required outside demo mode, by every part.
   */
  HISTORY_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes written in base64, for example the output of: openssl rand -base64 32')
    .optional(),
  /** PostgreSQL connection string. When unset the embedded database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Whether a part brings the PostgreSQL schema up to date when it starts (migrations, reference
   * data, the job queue's tables), as the owner of the schema. false: the migrations are run apart,
   * by `npm run db:migrate` as the owner, and the part, connected as a role that may not change the
   * schema, only checks that the schema is current and otherwise refuses to start. The embedded
   * database always migrates.
   */
  DATABASE_MIGRATE: booleanFromString.default(true),
  /** Folder for the embedded database, stored attachments and delivered mail on the embedded default. */
  DATA_DIR: z.string().min(1).default('./data'),
  PORTAL_PORT: port.default(3000),
  BACKOFFICE_PORT: port.default(3001),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Public addresses, used in links inside letters and emails. */
  PORTAL_URL: z.url().optional(),
  BACKOFFICE_URL: z.url().optional(),
  /**
   * Mail: 'file' writes each message under DATA_DIR/mail; 'smtp' sends through SMTP_URL; 'notify'
   * sends through GOV.UK Notify. Unset: 'notify' when NOTIFY_API_KEY is set, 'file' otherwise.
   */
  MAIL_TRANSPORT: z.enum(['file', 'smtp', 'notify']).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Complaints team <complaints@example.org>'),
  /** A GOV.UK Notify API key: `{key name}-{service id}-{secret key}`, the two ids being UUIDs. */
  NOTIFY_API_KEY: z
    .string()
    .regex(
      new RegExp(`^.+-${uuidPattern}-${uuidPattern}$`, 'i'),
      'must be an API key from GOV.UK Notify: the key name, the service id and the secret key joined by hyphens',
    )
    .optional(),
  NOTIFY_TEMPLATES: notifyTemplates.optional(),
  /** Another address for Notify's API than its production one (a local server in tests). */
  NOTIFY_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  /** Which of the service's reply-to addresses in Notify to use; unset, Notify's default. */
  NOTIFY_REPLY_TO_ID: z.guid('must be a reply-to address id copied from GOV.UK Notify (a UUID)').optional(),
  /** How long a letter's PDF sent through Notify can be downloaded: 1 to 78 weeks. */
  NOTIFY_FILE_RETENTION_WEEKS: z.coerce
    .number({ error: retentionWeeks })
    .int(retentionWeeks)
    .min(1, retentionWeeks)
    .max(78, retentionWeeks)
    .default(26),
  /** The proxies in front of the portal and back office (hops or addresses): required outside demo mode. */
  TRUSTED_PROXIES: trustedProxies.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How long a worker holds an outbox message it is sending before another may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /**
   * Object storage for complaint files. When ATTACHMENTS_BUCKET is set, files are kept in that S3
   * bucket (or an S3-compatible store at ATTACHMENTS_ENDPOINT) under ATTACHMENTS_PREFIX; unset, on
   * local disk under DATA_DIR/attachments. Credentials come from the AWS SDK's usual chain
   * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a web identity or an instance role).
   */
  ATTACHMENTS_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens')
    .optional(),
  ATTACHMENTS_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or folder names ending in /, for example complaints/attachments/')
    .default('attachments/'),
  ATTACHMENTS_REGION: z.string().min(1).default('eu-west-2'),
  /** An S3-compatible endpoint instead of AWS's own, for example http://127.0.0.1:4568. */
  ATTACHMENTS_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  /** Server-side encryption asked of the store for every file: S3-managed keys, or a KMS key. */
  ATTACHMENTS_ENCRYPTION: z.enum(['AES256', 'aws:kms']).default('AES256'),
  /** The KMS key for ATTACHMENTS_ENCRYPTION=aws:kms; unset, the account's default key for S3. */
  ATTACHMENTS_KMS_KEY_ID: z.string().min(1).optional(),
  /**
   * On SIGTERM, how long the portal and back office keep serving with their readiness probe failing,
   * so the load balancer stops sending them requests before they close (not under `npm start`).
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(120).default(5),
  /** Then how long requests (and the worker's jobs) in flight may take to finish before they are cut off. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /**
   * Pages one address may post to the public complaint forms in 10 minutes; then a "please wait"
   * page. Loose on purpose (one form is about 13 posts, more with corrections): it stops programs.
   */
  COMPLAINT_FORM_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Complaints one address may send in an hour; the next is kept as a draft to send later. */
  COMPLAINT_FORM_SEND_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5),
});

export const environmentSchema = environmentFields.transform((env) => ({
  ...env,
  DEMO: env.DEMO ?? env.DATABASE_URL === undefined,
  MAIL_TRANSPORT: env.MAIL_TRANSPORT ?? (env.NOTIFY_API_KEY ? ('notify' as const) : ('file' as const)),
}));

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
  if (env.MAIL_TRANSPORT === 'notify' && !env.NOTIFY_API_KEY) {
    throw new ConfigurationError('MAIL_TRANSPORT is notify but NOTIFY_API_KEY is not set. Set NOTIFY_API_KEY to an API key from the API integration page of GOV.UK Notify.');
  }
  if (env.MAIL_TRANSPORT === 'notify' && !(env.NOTIFY_TEMPLATES?.['*']?.en && env.NOTIFY_TEMPLATES['*'].cy)) {
    throw new ConfigurationError(
      'Email goes through GOV.UK Notify but NOTIFY_TEMPLATES has no "*" entry with an English and a Welsh template id. Set it, for example NOTIFY_TEMPLATES=\'{"*":{"en":"<template id>","cy":"<template id>"},"letter.*":{"en":"<template id>","cy":"<template id>"}}\'.',
    );
  }
  if (!env.DEMO && (!env.PORTAL_URL || !env.BACKOFFICE_URL)) {
    throw new ConfigurationError(
      'PORTAL_URL and BACKOFFICE_URL must both be set outside demo mode: they are the addresses in every email and letter, and an https address is what turns on secure cookies and HSTS.',
    );
  }
  return env;
}

export function portalUrl(env: Environment): string {
  return env.PORTAL_URL ?? `http://localhost:${env.PORTAL_PORT}`;
}

export function backofficeUrl(env: Environment): string {
  return env.BACKOFFICE_URL ?? `http://localhost:${env.BACKOFFICE_PORT}`;
}

/**
 * Secure cookies (and HSTS) follow from the app's public address: on when it is https, as every
 * real deployment's is; off only where the browser reaches the app over plain http (localhost),
 * where a browser would refuse a Secure cookie.
 */
export function useSecureCookies(publicAddress: string): boolean {
  return new URL(publicAddress).protocol === 'https:';
}

/**
 * The `trust proxy` setting of the portal and back office. Behind a load balancer every visitor
 * would otherwise share its address, and share one rate limit: 30 posts would lock the public out
 * of the complaint form. So outside demo mode it must be said, even when it is 0 (no proxy); in
 * demo mode only the local machine is trusted.
 */
export function trustedProxiesFor(env: Environment): TrustedProxies {
  if (env.TRUSTED_PROXIES !== undefined) return env.TRUSTED_PROXIES;
  if (env.DEMO) return ['loopback'];
  throw new ConfigurationError(
    'TRUSTED_PROXIES must be set outside demo mode: give the number of proxies in front of the app (0 when none), or their addresses and CIDR ranges, so that each visitor is known by their own address and not the load balancer\'s.',
  );
}

/**
 * The demo's sealing key for second-factor secrets: published (it is here), as the demo accounts'
 * secrets are, so it is used in demo mode only.
 */
const DEMO_SECOND_FACTOR_KEY = 'ZGVtby1vbmx5LXNlY29uZC1mYWN0b3Itc2VhbGluZyE=';

/** The key that seals second-factor secrets: SECOND_FACTOR_KEY, which must be set outside demo mode. */
export function secondFactorKeyFor(env: Pick<Environment, 'SECOND_FACTOR_KEY' | 'DEMO'>): Uint8Array {
  return keyOrDemoKey(
    env.SECOND_FACTOR_KEY,
    env.DEMO,
    DEMO_SECOND_FACTOR_KEY,
    "SECOND_FACTOR_KEY must be set outside demo mode: it seals the staff's second-factor secrets in the database. Make one with: openssl rand -base64 32, and keep it in your secret store, not in the database.",
  );
}

/** A key from the environment; in demo mode its published demo key when unset; otherwise a stop with `missing`. */
function keyOrDemoKey(value: string | undefined, demo: boolean, demoKey: string, missing: string): Uint8Array {
  if (value) return new Uint8Array(Buffer.from(value, 'base64'));
  if (demo) return new Uint8Array(Buffer.from(demoKey, 'base64'));
  throw new ConfigurationError(missing);
}

/** The demo's history-signing key: published, so used in demo mode only. */
const DEMO_HISTORY_KEY = 'ZGVtby1vbmx5LWhpc3Rvcnktc2lnbmluZy1rZXkhISE=';

/** The key that signs the history and the audit log: HISTORY_KEY, which must be set outside demo mode. */
export function historyKeyFor(env: Pick<Environment, 'HISTORY_KEY' | 'DEMO'>): Uint8Array {
  return keyOrDemoKey(
    env.HISTORY_KEY,
    env.DEMO,
    DEMO_HISTORY_KEY,
    'HISTORY_KEY must be set outside demo mode: it signs the complaint history and the audit log, so a change made in the database alone is found. Make one with: openssl rand -base64 32, and keep it in your secret store, not in the database.',
  );
}

/** Demo accounts (from the demo seed) may sign in only in demo mode. */
export function demoAccountsAllowed(env: Environment): boolean {
  return env.DEMO;
}

/** Demo data goes into an empty database in demo mode only. */
export function shouldSeedDemoData(env: Environment): boolean {
  return env.DEMO;
}
