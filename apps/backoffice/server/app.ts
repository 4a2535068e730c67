import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Environment, trustedProxiesFor, backofficeUrl, demoAccountsAllowed, useSecureCookies } from '@complaints/config';
import { createWebApp, type Logger } from '@complaints/http';
import { attachmentStorageFor } from '@complaints/storage';
import type { BackofficeServices } from './services';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The staff back office as an Express app, wired to the services it is given. */
export function createBackofficeApp(options: {
  services: BackofficeServices;
  env: Environment;
  logger: Logger;
  mode: 'production' | 'development';
}) {
  // Read once from the checked environment the app was given, and handed to every request.
  const attachments = attachmentStorageFor(options.env);
  const address = backofficeUrl(options.env).replace(/\/+$/, '');
  const secure = useSecureCookies(address);
  return createWebApp({
    name: 'backoffice',
    appRoot,
    mode: options.mode,
    logger: options.logger,
    secure,
    trustedProxies: trustedProxiesFor(options.env),
    trustedOrigins: [backofficeUrl(options.env)],
    // A letter template's page shows its PDF beside the filled letter.
    framesItsOwnDocuments: true,
    readiness: options.services.checkReadiness,
    getLoadContext: (facts) => ({
      ...facts,
      services: options.services,
      staffSessions: { secureCookies: secure, allowDemoAccounts: demoAccountsAllowed(options.env) },
      backofficeUrl: address,
      attachments,
    }),
  });
}
