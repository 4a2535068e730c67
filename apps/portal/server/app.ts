import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Environment, trustedProxiesFor, portalUrl, useSecureCookies } from '@complaints/config';
import { createWebApp, type Logger } from '@complaints/http';
import { LANGUAGE_COOKIE } from '@complaints/i18n';
import { mountDocumentPdfs } from './document-pdfs';
import { formSettingsFor } from './form-settings';
import type { PortalServices } from './services';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The public portal as an Express app, wired to the services it is given. */
export function createPortalApp(options: {
  services: PortalServices;
  env: Environment;
  logger: Logger;
  mode: 'production' | 'development';
}) {
  const complaintForm = formSettingsFor(options.env);
  return createWebApp({
    name: 'portal',
    appRoot,
    mode: options.mode,
    logger: options.logger,
    secure: useSecureCookies(portalUrl(options.env)),
    trustedProxies: trustedProxiesFor(options.env),
    trustedOrigins: [portalUrl(options.env)],
    readiness: options.services.checkReadiness,
    routes: (app) => mountDocumentPdfs(app, options.services, portalUrl(options.env)),
    // Pages built from the service's fixed wording alone: no session, no draft, no database. The
    // leaflets' pages show the timescales staff may change, so they are rendered each time.
    sharedPages: { paths: ['/', '/accessibility', '/privacy', '/cookies'], sharedCookies: [LANGUAGE_COOKIE] },
    getLoadContext: (facts) => ({
      ...facts,
      services: options.services,
      // The portal's own exit route (app/routes/exit.ts), which forgets this browser and then
      // sends it on to the neutral site (organisation.exitThisPage.url).
      exitUrl: '/exit',
      portalUrl: portalUrl(options.env),
      documentPreview: options.env.DEMO,
      complaintForm,
    }),
  });
}
