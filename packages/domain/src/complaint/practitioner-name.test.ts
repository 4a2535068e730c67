import { describe, expect, it } from 'vitest';
import { practitionerNameGivenToShow, sameName } from './practitioner-name';

describe('the practitioner named by the complainant', () => {
  it('is the same name whatever the case, accents and spacing', () => {
    expect(sameName('Joanne Carr', 'Joanne Carr')).toBe(true);
    expect(sameName('Joanne Carr', ' joanne   CARR ')).toBe(true);
    expect(sameName('Siân Pritchard', 'Sian Pritchard')).toBe(true);
    expect(sameName('Joanne Carr', 'Joanna Carr')).toBe(false);
    expect(sameName('Joanne Carr', 'Jo Carr')).toBe(false);
  });

  it('is shown beside the record only when it says something the record does not', () => {
    expect(practitionerNameGivenToShow('Joanne Carr', 'Joanne Carr')).toBeNull();
    expect(practitionerNameGivenToShow('Joanne Carr', 'joanne carr')).toBeNull();
    expect(practitionerNameGivenToShow('Joanne Carr', 'Jo from the court')).toBe('Jo from the court');
    expect(practitionerNameGivenToShow(null, 'Joanne Carr')).toBe('Joanne Carr');
    expect(practitionerNameGivenToShow('Joanne Carr', '   ')).toBeNull();
    expect(practitionerNameGivenToShow('Joanne Carr', null)).toBeNull();
  });
});
