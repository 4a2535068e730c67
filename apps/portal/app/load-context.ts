import type { FormSettings } from '../server/form-settings';
import type { PortalServices } from '../server/services';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: PortalServices;
    cspNonce: string;
    requestId: string;
    clientIp: string;
    /** Where "Exit this page" and its Escape-key script go: `/exit`, on the way to the neutral site. */
    exitUrl?: string;
    /** The portal's public address (PORTAL_URL), printed in leaflets and letters. */
    portalUrl?: string;
    /** Whether the preview of leaflets and welcome packs is served: never in production. */
    documentPreview?: boolean;
    /** The complaint forms' limits, attachment store, address and cookie security, made once at start. */
    complaintForm?: FormSettings;
  }
}

export {};
