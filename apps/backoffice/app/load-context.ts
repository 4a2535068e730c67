import type { AttachmentStorage } from '@complaints/storage';
import type { BackofficeServices } from '../server/services';

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: BackofficeServices;
    cspNonce: string;
    requestId: string;
    clientIp: string;
    /** Logs an error a route caught or threw; a database error as its code only. Absent in some tests. */
    logError?: (error: unknown) => void;
    /**
     * How staff sessions behave here: secure cookies when BACKOFFICE_URL is https; demo accounts
     * only in demo mode. Optional only because the portal shares this type; the back
     * office always sets it, and without it sessions take the strict choice (see auth.server.ts).
     */
    staffSessions?: { secureCookies: boolean; allowDemoAccounts: boolean };
    /** The back office's public address (BACKOFFICE_URL), for links in emails. */
    backofficeUrl?: string;
    /** Where the files sent with complaints are kept (DATA_DIR/attachments, shared with the portal). */
    attachments?: AttachmentStorage;
  }
}

export {};
