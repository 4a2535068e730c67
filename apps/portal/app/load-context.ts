import type { PortalServices } from '../server/services';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: PortalServices;
    cspNonce: string;
    requestId: string;
    clientIp: string;
    /** Where "Exit this page" goes. */
    exitUrl?: string;
  }
}

export {};
