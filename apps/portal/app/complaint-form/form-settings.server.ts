import type { AppLoadContext } from '@remix-run/node';
import type { FormSettings } from '../../server/form-settings';

export type { FormSettings };

/** The complaint forms' settings, wired once by the portal (see server/form-settings.ts). */
export function formSettings(context: Pick<AppLoadContext, 'complaintForm'>): FormSettings {
  if (!context.complaintForm) throw new Error('The portal was started without the complaint forms\' settings.');
  return context.complaintForm;
}

/**
 * Links to the tracking page appear only once the portal has one: the route files are looked for
 * when the portal is built.
 */
const trackingRoutes = import.meta.glob('../routes/track.*');
export const hasTrackingPage = Object.keys(trackingRoutes).length > 0;

export function trackUrl(context: Pick<AppLoadContext, 'complaintForm'>): string | undefined {
  return hasTrackingPage ? `${formSettings(context).portalUrl}/track` : undefined;
}
