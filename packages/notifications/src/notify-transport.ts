import type { NotifyTemplates } from '@complaints/config';
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import type { EmailAttachment, EmailMessage, EmailTransport } from './transport';

export type NotifySettings = {
  apiKey: string;
  /** Template ids by message key (or a prefix ending in `*`) and language. */
  templates: NotifyTemplates;
  /** Notify's production API when unset. */
  baseUrl?: string;
  /** One of the service's reply-to addresses in Notify; its default when unset. */
  replyToId?: string;
  /** How long a PDF sent as a link can be downloaded: 1 to 78 weeks. */
  fileRetentionWeeks?: number;
  /** A request that takes longer fails, so one slow answer cannot hold up the outbox past its lease. */
  timeoutMs?: number;
};

/** Notify takes a file sent by email up to 2MB. */
export const NOTIFY_FILE_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * A request GOV.UK Notify refused or did not answer. `retryable` says whether the same request may
 * succeed later (rate limits, Notify's own faults, no answer) or will be refused again until the
 * request or the settings change (every other 4xx, and a message this transport cannot send).
 */
export class NotifyError extends Error {
  override name = 'NotifyError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * The template for a message: its own key's, else the longest `prefix*` key that matches it, else
 * `*`; the first of those with a template in the message's language.
 */
export function notifyTemplateFor(templates: NotifyTemplates, key: string | undefined, language: 'en' | 'cy'): string | undefined {
  const name = key ?? '';
  const candidates = Object.keys(templates)
    .filter((k) => k === name || (k.endsWith('*') && name.startsWith(k.slice(0, -1))))
    .sort((a, b) => Number(b === name) - Number(a === name) || b.length - a.length);
  for (const k of candidates) {
    const id = templates[k]?.[language];
    if (id) return id;
  }
  return undefined;
}

type NotifyErrorBody = { status_code?: number; errors?: Array<{ error?: string; message?: string }> };

/** Notify's answer as a sentence, without the request (whose headers carry the signed token). */
function fromRequestFailure(error: unknown): NotifyError {
  if (!axios.isAxiosError(error)) return new NotifyError(`GOV.UK Notify could not be asked: ${String((error as Error)?.message ?? error)}`, null, true);
  if (!error.response) return new NotifyError(`GOV.UK Notify did not answer (${error.code ?? error.message}).`, null, true);
  const status = error.response.status;
  const body = error.response.data as NotifyErrorBody | undefined;
  const reasons = (Array.isArray(body?.errors) ? body.errors : []).map((e) => `${e.error ?? 'Error'}: ${e.message ?? ''}`.trim()).join('; ');
  return new NotifyError(`GOV.UK Notify refused the email with ${status}${reasons ? ` (${reasons})` : ''}.`, status, status === 429 || status >= 500);
}

/** A letter's PDF goes as a link Notify makes; nothing else can go with an email through Notify here. */
function theOnePdf(attachments: EmailAttachment[]): EmailAttachment | null {
  if (attachments.length === 0) return null;
  const others = attachments.filter((a) => a.contentType !== 'application/pdf');
  if (others.length > 0) {
    throw new NotifyError(`Only a PDF can go with an email through GOV.UK Notify; ${others.map((a) => `${a.filename} (${a.contentType})`).join(', ')} cannot.`, null, false);
  }
  if (attachments.length > 1) throw new NotifyError(`An email through GOV.UK Notify carries one PDF; this one has ${attachments.length}.`, null, false);
  const pdf = attachments[0]!;
  if (pdf.content.byteLength > NOTIFY_FILE_LIMIT_BYTES) {
    throw new NotifyError(`${pdf.filename} is ${pdf.content.byteLength} bytes; GOV.UK Notify takes a file of 2MB at most.`, null, false);
  }
  return pdf;
}

/**
 * Sends through GOV.UK Notify with its own client. Our messages are already written in the
 * recipient's language, so Notify's template only frames them: personalisation `subject` and
 * `body` (the plain text), and `link_to_file` for a letter's PDF. The email's HTML is not used.
 */
export function createNotifyTransport(settings: NotifySettings): EmailTransport {
  // The client joins the base and the path as they are, so a trailing slash would double.
  const client = settings.baseUrl ? new NotifyClient(settings.baseUrl.replace(/\/+$/, ''), settings.apiKey) : new NotifyClient(settings.apiKey);
  client.setClient(axios.create({ timeout: settings.timeoutMs ?? 30_000 }));
  const retentionPeriod = `${settings.fileRetentionWeeks ?? 26} weeks`;
  return {
    name: 'notify',
    async send(message: EmailMessage) {
      const language = message.language ?? 'en';
      const templateId = notifyTemplateFor(settings.templates, message.template, language);
      if (!templateId) {
        throw new NotifyError(`NOTIFY_TEMPLATES has no template for ${message.template ?? 'this message'} in ${language === 'cy' ? 'Welsh' : 'English'}.`, null, false);
      }
      const pdf = theOnePdf(message.attachments ?? []);
      const personalisation: Record<string, unknown> = { subject: message.subject, body: message.text };
      if (pdf) {
        // Letters carry personal data: the recipient confirms their email address before the download.
        personalisation.link_to_file = client.prepareUpload(Buffer.from(pdf.content), {
          filename: pdf.filename,
          confirmEmailBeforeDownload: true,
          retentionPeriod,
        });
      }
      try {
        const response = await client.sendEmail(templateId, message.to, {
          personalisation,
          ...(message.reference ? { reference: message.reference } : {}),
          ...(settings.replyToId ? { emailReplyToId: settings.replyToId } : {}),
        });
        return { messageId: response.data.id };
      } catch (error) {
        throw fromRequestFailure(error);
      }
    },
  };
}
