import type { BackofficeServices } from '../server/services';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: BackofficeServices;
    cspNonce: string;
    requestId: string;
    clientIp: string;
  }
}

export {};
