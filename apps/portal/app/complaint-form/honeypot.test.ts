import { describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD } from './form-view';

/**
 * The words browsers' autofill and password managers look for in a field's name to decide what to
 * put in it (Chromium's field-type heuristics, among others). The hidden field must match none,
 * or a real person's browser could fill it in and their complaint be thrown away.
 */
const AUTOFILL_WORDS = ['name', 'mail', 'tel', 'phone', 'mobile', 'address', 'addr', 'street', 'city', 'town', 'county', 'zip', 'post', 'country', 'company', 'organi', 'url', 'web', 'site', 'home', 'user', 'login', 'pass', 'card', 'cvc', 'birth', 'age', 'title', 'job'];

describe('the hidden field', () => {
  it('has a name no browser fills in', () => {
    for (const word of AUTOFILL_WORDS) expect(HONEYPOT_FIELD.toLowerCase(), word).not.toContain(word);
  });
});
