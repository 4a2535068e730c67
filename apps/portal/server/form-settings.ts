import { type Environment, portalUrl, useSecureCookies } from '@complaints/config';
import type { FormPostLimits } from '@complaints/services';
import { type AttachmentStorage, attachmentStorageFor } from '@complaints/storage';

/**
 * The complaint forms' settings, made once from the checked environment the portal was started
 * with: the limits per address (complaints sent in an hour, COMPLAINT_FORM_SEND_LIMIT; pages
 * posted in 10 minutes, COMPLAINT_FORM_RATE_LIMIT, raised by the benchmark), where
 * attachments are stored (DATA_DIR/attachments, outside anything the web server serves), the
 * portal's public address for links in emails, and whether cookies must be Secure.
 */
export type FormSettings = {
  limits: FormPostLimits;
  storage: AttachmentStorage;
  portalUrl: string;
  secureCookies: boolean;
};

const POSTS_WINDOW_SECONDS = 10 * 60;
const SENDS_WINDOW_SECONDS = 60 * 60;

export function formSettingsFor(env: Environment): FormSettings {
  return {
    limits: {
      limit: env.COMPLAINT_FORM_RATE_LIMIT,
      windowSeconds: POSTS_WINDOW_SECONDS,
      sends: { limit: env.COMPLAINT_FORM_SEND_LIMIT, windowSeconds: SENDS_WINDOW_SECONDS },
    },
    storage: attachmentStorageFor(env),
    portalUrl: portalUrl(env),
    secureCookies: useSecureCookies(portalUrl(env)),
  };
}
