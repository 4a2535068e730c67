import { describe, expect, it } from 'vitest';
import { fleschKincaidGrade } from './readability';

describe('fleschKincaidGrade', () => {
  it('scores short plain sentences low and long abstract ones high', () => {
    expect(fleschKincaidGrade('Tell us what happened. We will listen. We will try to put it right.')).toBeLessThan(3);
    expect(
      fleschKincaidGrade(
        'Notwithstanding the aforementioned considerations, the organisation’s administrative responsibilities necessitate comprehensive investigation of procedural irregularities.',
      ),
    ).toBeGreaterThan(14);
  });

  it('treats line breaks as the ends of sentences', () => {
    expect(fleschKincaidGrade('What happened\nWho helped you\nWhat would make it better')).toBeLessThan(4);
  });
});
