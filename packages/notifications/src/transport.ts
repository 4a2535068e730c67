import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type EmailAttachment = { filename: string; content: Uint8Array; contentType: string };

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Welsh or English, for the message's Content-Language. */
  language?: 'en' | 'cy';
  attachments?: EmailAttachment[];
  /** Which message this is, by the outbox's key for it (`complaint_received`, `letter.acknowledgement`). */
  template?: string;
  /** What the message can be traced by at the provider: the outbox message's id, never personal data. */
  reference?: string;
};

/** One interface for every way we send email: a file on the embedded default, SMTP, or GOV.UK Notify. */
export interface EmailTransport {
  readonly name: string;
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close?(): Promise<void>;
}

function toNodemailer(from: string, message: EmailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    headers: message.language ? { 'Content-Language': message.language } : {},
    attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
  };
}

/**
 * Writes each message as an .eml file (RFC 822, as it would be sent) under a folder, so the
 * embedded default needs no mail server and anyone can open what was "sent".
 */
export function createFileTransport(folder: string, from: string): EmailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'file',
    async send(message) {
      const info = await builder.sendMail(toNodemailer(from, message));
      await mkdir(folder, { recursive: true });
      const id = String(info.messageId).replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_');
      await writeFile(path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`), info.message as Buffer);
      return { messageId: String(info.messageId) };
    },
  };
}

export function createSmtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      const info = await transporter.sendMail(toNodemailer(from, message));
      return { messageId: String(info.messageId) };
    },
    async close() {
      transporter.close();
    },
  };
}
