import { describe, expect, it } from 'vitest';
import { ConfigurationError, demoAccountsAllowed, readEnvironment, useSecureCookies } from './env';

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

  it('refuses demo data in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' })).toThrow(/never exist in production/);
  });

  it('needs an SMTP address when mail goes by SMTP', () => {
    expect(() => readEnvironment({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });

  it('treats empty strings as unset', () => {
    expect(readEnvironment({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('staff sign-in settings', () => {
  it('refuses demo accounts only in production', () => {
    expect(demoAccountsAllowed(readEnvironment({}))).toBe(true);
    expect(demoAccountsAllowed(readEnvironment({ NODE_ENV: 'test' }))).toBe(true);
    expect(demoAccountsAllowed(readEnvironment({ NODE_ENV: 'production' }))).toBe(false);
  });

  it('uses secure cookies in production unless told otherwise, and when told to', () => {
    expect(useSecureCookies(readEnvironment({}))).toBe(false);
    expect(useSecureCookies(readEnvironment({ NODE_ENV: 'production' }))).toBe(true);
    expect(useSecureCookies(readEnvironment({ SECURE_COOKIES: 'true' }))).toBe(true);
  });
});

describe('complaint form rate limit', () => {
  it('allows 30 posts per address by default, and can be raised or refused when nonsense', () => {
    expect(readEnvironment({}).COMPLAINT_FORM_RATE_LIMIT).toBe(30);
    expect(readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: '100000' }).COMPLAINT_FORM_RATE_LIMIT).toBe(100000);
    expect(() => readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: '0' })).toThrow(/COMPLAINT_FORM_RATE_LIMIT/);
    expect(() => readEnvironment({ COMPLAINT_FORM_RATE_LIMIT: 'lots' })).toThrow(/COMPLAINT_FORM_RATE_LIMIT/);
  });
});
