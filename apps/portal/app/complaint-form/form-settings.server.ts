import path from 'node:path';
import { portalUrl, readEnvironment, useSecureCookies } from '@complaints/config';
import type { FormPostLimits } from '@complaints/services';
import { type AttachmentStorage, createLocalDiskStorage } from '@complaints/storage';

/**
 * The complaint forms' settings, read once from the checked environment: the limit on posts per
 * address (COMPLAINT_FORM_RATE_LIMIT, raised by the benchmark), where attachments are stored
 * (DATA_DIR/attachments, outside anything the web server serves), the portal's public address for
 * links in emails, and whether cookies must be Secure.
 */
export type FormSettings = {
  limits: FormPostLimits;
  storage: AttachmentStorage;
  portalUrl: string;
  secureCookies: boolean;
};

const WINDOW_SECONDS = 10 * 60;

let settings: FormSettings | undefined;

export function formSettings(): FormSettings {
  if (!settings) {
    const env = readEnvironment();
    settings = {
      limits: { limit: env.COMPLAINT_FORM_RATE_LIMIT, windowSeconds: WINDOW_SECONDS },
      storage: createLocalDiskStorage(path.resolve(env.DATA_DIR, 'attachments')),
      portalUrl: portalUrl(env),
      secureCookies: useSecureCookies(env),
    };
  }
  return settings;
}

/**
 * Links to the tracking page appear only once the portal has one: the route files are looked for
 * when the portal is built.
 */
const trackingRoutes = import.meta.glob('../routes/track.*');
export const hasTrackingPage = Object.keys(trackingRoutes).length > 0;

export function trackUrl(): string | undefined {
  return hasTrackingPage ? `${formSettings().portalUrl}/track` : undefined;
}
