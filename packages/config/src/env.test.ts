import { describe, expect, it } from 'vitest';
import { ConfigurationError, demoAccountsAllowed, historyKeyFor, readEnvironment, secondFactorKeyFor, shouldSeedDemoData, useSecureCookies } from './env';

describe('readEnvironment', () => {
  it('gives defaults for an empty environment', () => {
    const env = readEnvironment({});
    expect(env.PORTAL_PORT).toBe(3000);
    expect(env.BACKOFFICE_PORT).toBe(3001);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MAIL_TRANSPORT).toBe('file');
  });

  it('names the setting that is wrong in one sentence', () => {
    expect(() => readEnvironment({ PORTAL_PORT: 'eighty' })).toThrow(ConfigurationError);
    expect(() => readEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
  });

  it('is in demo mode on the embedded database, and on DATABASE_URL only when DEMO=true', () => {
    expect(readEnvironment({}).DEMO).toBe(true);
    expect(readEnvironment({ DEMO: 'false', PORTAL_URL: 'https://a.example', BACKOFFICE_URL: 'https://b.example' }).DEMO).toBe(false);
    const onPostgres = { DATABASE_URL: 'postgres://db.internal/complaints', PORTAL_URL: 'https://a.example', BACKOFFICE_URL: 'https://b.example' };
    expect(readEnvironment(onPostgres).DEMO).toBe(false);
    expect(readEnvironment({ ...onPostgres, DEMO: 'true' }).DEMO).toBe(true);
    // NODE_ENV decides nothing of ours: not demo mode, nor its absence.
    expect(readEnvironment({ ...onPostgres, NODE_ENV: 'development' }).DEMO).toBe(false);
    expect(readEnvironment({ NODE_ENV: 'production' }).DEMO).toBe(true);
  });

  it('migrates at start unless DATABASE_MIGRATE=false, and names a wrong value', () => {
    expect(readEnvironment({}).DATABASE_MIGRATE).toBe(true);
    expect(readEnvironment({ DATABASE_MIGRATE: 'false' }).DATABASE_MIGRATE).toBe(false);
    expect(readEnvironment({ DATABASE_MIGRATE: 'true' }).DATABASE_MIGRATE).toBe(true);
    expect(() => readEnvironment({ DATABASE_MIGRATE: 'never' })).toThrow(/DATABASE_MIGRATE: /);
  });

  it('needs both public addresses outside demo mode', () => {
    expect(() => readEnvironment({ DATABASE_URL: 'postgres://db.internal/complaints' })).toThrow(/PORTAL_URL and BACKOFFICE_URL must both be set outside demo mode/);
    expect(() => readEnvironment({ DEMO: 'false', PORTAL_URL: 'https://a.example' })).toThrow(/BACKOFFICE_URL/);
  });

  it('needs an SMTP address when mail goes by SMTP', () => {
    expect(() => readEnvironment({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });

  it('treats empty strings as unset', () => {
    expect(readEnvironment({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('staff sign-in settings', () => {
  it('lets demo accounts sign in and adds demo data only in demo mode', () => {
    const real = readEnvironment({ DATABASE_URL: 'postgres://db.internal/complaints', PORTAL_URL: 'https://a.example', BACKOFFICE_URL: 'https://b.example' });
    expect(demoAccountsAllowed(readEnvironment({}))).toBe(true);
    expect(shouldSeedDemoData(readEnvironment({}))).toBe(true);
    expect(demoAccountsAllowed(real)).toBe(false);
    expect(shouldSeedDemoData(real)).toBe(false);
  });

  it('uses secure cookies when the public address is https, whatever NODE_ENV says', () => {
    expect(useSecureCookies('http://localhost:3001')).toBe(false);
    expect(useSecureCookies('https://complaints.example.org')).toBe(true);
    expect(useSecureCookies('HTTPS://complaints.example.org/')).toBe(true);
  });
});

describe('complaint form rate limit', () => {
  it('allows 30 posts per address by default, and can be raised or refused when nonsense', () => {
    expect(readEnvironment({}).COMPLAINT_FORM_RATE_LIMIT).toBe(300);
    expect(readEnvironment({}).COMPLAINT_FORM_SEND_LIMIT).toBe(5);
    expect(readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: '100000' }).COMPLAINT_FORM_RATE_LIMIT).toBe(100000);
    expect(() => readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: '0' })).toThrow(/COMPLAINT_FORM_RATE_LIMIT/);
    expect(() => readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: 'lots' })).toThrow(/COMPLAINT_FORM_RATE_LIMIT/);
  });
});

describe('GOV.UK Notify settings', () => {
  function problemWith(source: Record<string, string>): string {
    try {
      readEnvironment(source);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  }
  const apiKey = 'complaints_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
  const templates = JSON.stringify({
    '*': { en: 'f33517ff-2a88-4f6e-b855-c550268ce08a', cy: '0d2ef2f8-5d4e-4b43-9c8e-0f6a1f3c8a11' },
    'letter.*': { en: '6a1f0b52-8a57-4d1c-9f43-3f7b2f0e9d21', cy: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e' },
  });

  it('sends by Notify when an API key is set, unless MAIL_TRANSPORT says otherwise', () => {
    const env = readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: templates });
    expect(env.MAIL_TRANSPORT).toBe('notify');
    expect(env.NOTIFY_TEMPLATES?.['letter.*']?.cy).toBe('9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e');
    expect(env.NOTIFY_FILE_RETENTION_WEEKS).toBe(26);
    expect(readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: templates, MAIL_TRANSPORT: 'file' }).MAIL_TRANSPORT).toBe('file');
  });

  it('needs an API key and a template for every message in both languages', () => {
    expect(() => readEnvironment({ MAIL_TRANSPORT: 'notify' })).toThrow(/NOTIFY_API_KEY is not set/);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey })).toThrow(/NOTIFY_TEMPLATES has no "\*" entry/);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: '{"*":{"en":"f33517ff-2a88-4f6e-b855-c550268ce08a"}}' })).toThrow(
      /English and a Welsh template id/,
    );
  });

  it('names what is wrong with a setting without repeating the key', () => {
    const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
    const problem = problemWith({ NOTIFY_API_KEY: `not-a-key-${secret}` });
    expect(problem).toMatch(/NOTIFY_API_KEY: must be an API key from GOV.UK Notify/);
    expect(problem).not.toContain(secret);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: '{"*":' })).toThrow(/NOTIFY_TEMPLATES: must be JSON/);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: '{"*":{"en":"welcome"}}' })).toThrow(/NOTIFY_TEMPLATES\.\*\.en: must be a template id/);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: '{"*":{"fr":"f33517ff-2a88-4f6e-b855-c550268ce08a"}}' })).toThrow(/NOTIFY_TEMPLATES/);
    expect(() => readEnvironment({ NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATES: '{"Letters!":{}}' })).toThrow(/each key must be a message key/);
    expect(() => readEnvironment({ NOTIFY_BASE_URL: 'ftp://notify.example' })).toThrow(/NOTIFY_BASE_URL: must be an http/);
    expect(() => readEnvironment({ NOTIFY_REPLY_TO_ID: 'replies@example.org' })).toThrow(/NOTIFY_REPLY_TO_ID/);
    expect(() => readEnvironment({ NOTIFY_FILE_RETENTION_WEEKS: '79' })).toThrow(/NOTIFY_FILE_RETENTION_WEEKS: must be a whole number of weeks from 1 to 78/);
  });
});

describe('the key that seals second-factor secrets', () => {
  const outsideDemo = { DEMO: 'false', PORTAL_URL: 'https://a.example', BACKOFFICE_URL: 'https://b.example' };
  const key = Buffer.alloc(32, 7).toString('base64');

  it('is the one set, in demo mode or out of it', () => {
    expect(secondFactorKeyFor(readEnvironment({ ...outsideDemo, SECOND_FACTOR_KEY: key }))).toEqual(new Uint8Array(Buffer.alloc(32, 7)));
    expect(secondFactorKeyFor(readEnvironment({ SECOND_FACTOR_KEY: key }))).toEqual(new Uint8Array(Buffer.alloc(32, 7)));
  });

  it('is the published demo key in demo mode only, and must be set otherwise', () => {
    expect(secondFactorKeyFor(readEnvironment({}))).toHaveLength(32);
    expect(() => secondFactorKeyFor(readEnvironment(outsideDemo))).toThrow(/SECOND_FACTOR_KEY must be set outside demo mode/);
  });

  it('must be 32 bytes', () => {
    expect(() => readEnvironment({ SECOND_FACTOR_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/SECOND_FACTOR_KEY: must be 32 random bytes/);
  });
});

describe('the key that signs the history and the audit log', () => {
  const outsideDemo = { DEMO: 'false', PORTAL_URL: 'https://a.example', BACKOFFICE_URL: 'https://b.example' };

  it('is the one set; the published demo key in demo mode only; required otherwise', () => {
    expect(historyKeyFor(readEnvironment({ ...outsideDemo, HISTORY_KEY: Buffer.alloc(32, 9).toString('base64') }))).toEqual(new Uint8Array(Buffer.alloc(32, 9)));
    expect(historyKeyFor(readEnvironment({}))).toHaveLength(32);
    expect(historyKeyFor(readEnvironment({}))).not.toEqual(secondFactorKeyFor(readEnvironment({})));
    expect(() => historyKeyFor(readEnvironment(outsideDemo))).toThrow(/HISTORY_KEY must be set outside demo mode/);
    expect(() => readEnvironment({ HISTORY_KEY: Buffer.alloc(31).toString('base64') })).toThrow(/HISTORY_KEY: must be 32 random bytes/);
  });
});
