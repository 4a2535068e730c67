import path from 'node:path';
import type { Environment } from '@complaints/config';
import { createNotifyTransport } from './notify-transport';
import { createFileTransport, createSmtpTransport, type EmailTransport } from './transport';

export * from './transport';
export * from './notify-transport';
export * from './backoff';

/**
 * The transport the environment asks for: files under DATA_DIR by default, SMTP or GOV.UK Notify
 * when configured (the configuration has already refused either without its settings).
 */
export function emailTransportFor(env: Environment): EmailTransport {
  if (env.MAIL_TRANSPORT === 'smtp' && env.SMTP_URL) return createSmtpTransport(env.SMTP_URL, env.MAIL_FROM);
  if (env.MAIL_TRANSPORT === 'notify' && env.NOTIFY_API_KEY && env.NOTIFY_TEMPLATES) {
    return createNotifyTransport({
      apiKey: env.NOTIFY_API_KEY,
      templates: env.NOTIFY_TEMPLATES,
      fileRetentionWeeks: env.NOTIFY_FILE_RETENTION_WEEKS,
      ...(env.NOTIFY_BASE_URL ? { baseUrl: env.NOTIFY_BASE_URL } : {}),
      ...(env.NOTIFY_REPLY_TO_ID ? { replyToId: env.NOTIFY_REPLY_TO_ID } : {}),
    });
  }
  return createFileTransport(path.resolve(env.DATA_DIR, 'mail'), env.MAIL_FROM);
}
