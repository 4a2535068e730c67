import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

const mailFolder = inject('mailFolder');

/*
 * The few parts of a MIME message these checks need (headers, the text and HTML parts, a base64
 * attachment), decoded by hand: the messages are our own, made by nodemailer, and a general mail
 * parser is not otherwise needed in the project.
 */
type MimePart = { headers: string; body: string };

function splitMime(raw: string): MimePart[] {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!/content-type:\s*multipart\//i.test(head) || !boundary) return [{ headers: head, body }];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part) => splitMime(part.replace(/^\r?\n/, '')));
}

function decodePart(part: MimePart): Buffer {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(part.headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const soft = part.body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i += 1) {
      if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, 'utf8');
}

export type Email = { to: string; text: string; html: string; attachments: Array<{ name: string; bytes: Buffer }> };

function readEmail(raw: string): Email {
  const to = /^To: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
  const parts = splitMime(raw);
  const ofType = (type: string) => parts.filter((p) => new RegExp(`content-type:\\s*${type}`, 'i').test(p.headers) && !/content-disposition:\s*attachment/i.test(p.headers));
  return {
    to,
    text: ofType('text/plain').map((p) => decodePart(p).toString('utf8')).join('\n'),
    html: ofType('text/html').map((p) => decodePart(p).toString('utf8')).join('\n'),
    attachments: parts
      .filter((p) => /content-disposition:\s*attachment/i.test(p.headers))
      .map((p) => ({ name: /filename="?([^";\r\n]+)"?/i.exec(p.headers)?.[1] ?? '', bytes: decodePart(p) })),
  };
}

/** The email to someone, once the worker has sent it through the SMTP sink. */
export async function emailTo(address: string, containing: string): Promise<Email> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const file of readdirSync(mailFolder)) {
      const email = readEmail(readFileSync(path.join(mailFolder, file), 'utf8'));
      if (email.to.includes(address) && (email.text.includes(containing) || email.html.includes(containing))) return email;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${address} mentioning ${containing} arrived.`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

