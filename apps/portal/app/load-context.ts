import type { FormSettings } from '../server/form-settings';
import type { PortalServices } from '../server/services';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: PortalServices;
    cspNonce: string;
    requestId: string;
    clientIp: string;
    /** Logs an error a route caught or threw; a database error as its code only. Absent in some tests. */
    logError?: (error: unknown) => void;
    /** Where "Exit this page" and its Escape-key script go: `/exit`, on the way to the neutral site. */
    exitUrl?: string;
    /** The portal's public address (PORTAL_URL), printed in leaflets and letters. */
    portalUrl?: string;
    /** Whether the preview of leaflets and welcome packs is served: in demo mode only. */
    documentPreview?: boolean;
    /** The complaint forms' limits, attachment store, address and cookie security, made once at start. */
    complaintForm?: FormSettings;
  }
}

export {};
