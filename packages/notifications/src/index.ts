import path from 'node:path';
import type { Environment } from '@complaints/config';
import { createFileTransport, createSmtpTransport, type EmailTransport } from './transport';

export * from './transport';
export * from './backoff';

/** The transport the environment asks for: files under DATA_DIR by default, SMTP when configured. */
export function emailTransportFor(env: Environment): EmailTransport {
  if (env.MAIL_TRANSPORT === 'smtp' && env.SMTP_URL) return createSmtpTransport(env.SMTP_URL, env.MAIL_FROM);
  return createFileTransport(path.resolve(env.DATA_DIR, 'mail'), env.MAIL_FROM);
}
