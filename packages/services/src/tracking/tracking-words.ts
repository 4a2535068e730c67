import { wordsFor } from '../complaints/complaint-wording';

/** The words of following a complaint, in a language and wording, the organisation's details filled in. */
export function trackingWords(language: 'en' | 'cy', audience: 'adult' | 'child') {
  return wordsFor('tracking', language, audience);
}
