import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifyTransport, NotifyError, notifyTemplateFor, type NotifySettings } from './notify-transport';
import type { EmailMessage } from './transport';

/**
 * A contract test against GOV.UK Notify's published API: a server on loopback takes the place of
 * Notify and checks every request our transport makes, through Notify's own client, the way the
 * API documentation says Notify checks it, then answers as Notify does.
 */

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `complaints_test-${SERVICE_ID}-${SECRET}`;
const REPLY_TO_ID = '8e222534-7f05-4972-86e3-17c5d9f894e2';

const TEMPLATES = {
  '*': { en: 'f33517ff-2a88-4f6e-b855-c550268ce08a', cy: '0d2ef2f8-5d4e-4b43-9c8e-0f6a1f3c8a11' },
  'letter.*': { en: '6a1f0b52-8a57-4d1c-9f43-3f7b2f0e9d21', cy: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e' },
  'casework.responder_assigned': { en: '4c3b2a19-0f8e-4d7c-8b6a-5f4e3d2c1b0a' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Received = { body: Record<string, unknown>; problems: string[] };
type Answer = { status: number; body?: unknown } | 'no answer';

const notifyError = (status: number, error: string, message: string) => ({ status, body: { status_code: status, errors: [{ error, message }] } });

function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Notify's check of the bearer token: HS256 signed with the key's secret, issued by the service, within 30 seconds. */
function tokenProblems(authorization: string | undefined): string[] {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!match) return ['Authorization is not "Bearer <JWT>"'];
  const [, header, payload, signature] = match as unknown as [string, string, string, string];
  const problems: string[] = [];
  const expected = Buffer.from(base64url(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest()));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) problems.push('the token is not signed with the secret key');
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; typ?: string };
  if (head.alg !== 'HS256') problems.push(`the token's alg is ${head.alg}, not HS256`);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: string; iat?: number };
  if (claims.iss !== SERVICE_ID) problems.push(`iss is ${claims.iss}, not the service id`);
  if (typeof claims.iat !== 'number' || Math.abs(Date.now() / 1000 - claims.iat) > 30) problems.push('iat is not within 30 seconds of now');
  return problems;
}

/** Notify's schema for POST /v2/notifications/email, and for a file sent by email. */
function bodyProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = ['email_address', 'template_id', 'personalisation', 'reference', 'email_reply_to_id', 'one_click_unsubscribe_url', 'sanitise_content_for'];
  for (const key of Object.keys(body)) if (!known.includes(key)) problems.push(`${key} is not a field of the API`);
  if (typeof body.email_address !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email_address)) problems.push('email_address is not an email address');
  if (typeof body.template_id !== 'string' || !UUID.test(body.template_id)) problems.push('template_id is not a UUID');
  if (body.reference !== undefined && typeof body.reference !== 'string') problems.push('reference is not a string');
  if (body.email_reply_to_id !== undefined && (typeof body.email_reply_to_id !== 'string' || !UUID.test(body.email_reply_to_id))) problems.push('email_reply_to_id is not a UUID');
  const personalisation = body.personalisation;
  if (personalisation === undefined) return problems;
  if (typeof personalisation !== 'object' || personalisation === null || Array.isArray(personalisation)) return [...problems, 'personalisation is not an object'];
  for (const [name, value] of Object.entries(personalisation)) {
    if (typeof value !== 'object' || value === null) continue;
    const file = value as Record<string, unknown>;
    for (const key of Object.keys(file)) {
      if (!['file', 'filename', 'confirm_email_before_download', 'retention_period'].includes(key)) problems.push(`${name}.${key} is not a field of a file`);
    }
    if (typeof file.file !== 'string' || !BASE64.test(file.file)) problems.push(`${name}.file is not base64`);
    else if (Buffer.from(file.file, 'base64').byteLength > 2 * 1024 * 1024) problems.push(`${name}.file is larger than 2MB`);
    if (file.filename !== undefined && file.filename !== null && (typeof file.filename !== 'string' || !/\.\w+$/.test(file.filename))) problems.push(`${name}.filename has no extension`);
    if (![undefined, null, true, false].includes(file.confirm_email_before_download as never)) problems.push(`${name}.confirm_email_before_download is not a boolean`);
    const weeks = /^(\d+) weeks?$/.exec(String(file.retention_period ?? ''));
    if (file.retention_period !== undefined && file.retention_period !== null && !(weeks && Number(weeks[1]) >= 1 && Number(weeks[1]) <= 78)) {
      problems.push(`${name}.retention_period is not from 1 to 78 weeks`);
    }
  }
  return problems;
}

/** Notify's answer to a message it accepts. */
function created(baseUrl: string, body: Record<string, unknown>) {
  const id = randomUUID();
  const personalisation = (body.personalisation ?? {}) as Record<string, unknown>;
  return {
    status: 201,
    body: {
      id,
      reference: body.reference ?? null,
      content: { subject: personalisation.subject, body: personalisation.body, from_email: 'complaints@notifications.service.gov.uk', one_click_unsubscribe_url: null },
      uri: `${baseUrl}/v2/notifications/${id}`,
      template: { id: body.template_id, version: 1, uri: `${baseUrl}/v2/template/${body.template_id}` },
      scheduled_for: null,
    },
  };
}

function startNotify() {
  const received: Received[] = [];
  const answers: Answer[] = [];
  let baseUrl = '';
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const reply = (answer: { status: number; body?: unknown }) => {
        response.writeHead(answer.status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer.body ?? {}));
      };
      if (request.method !== 'POST' || request.url !== '/v2/notifications/email') {
        return reply(notifyError(404, 'NotFound', `${request.method} ${request.url} is not part of this test`));
      }
      const tokenWrong = tokenProblems(request.headers.authorization);
      if (tokenWrong.length > 0) return reply(notifyError(403, 'AuthError', `Invalid token: ${tokenWrong.join('; ')}`));
      if (!String(request.headers['content-type']).startsWith('application/json')) return reply(notifyError(400, 'BadRequestError', 'Content-Type is not application/json'));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const problems = bodyProblems(body);
      received.push({ body, problems });
      if (problems.length > 0) return reply(notifyError(400, 'ValidationError', problems.join('; ')));
      const answer = answers.shift() ?? created(baseUrl, body);
      if (answer === 'no answer') return;
      reply(answer);
    });
  });
  return {
    received,
    /** The next requests that pass the checks get these answers instead of a 201. */
    answer: (...next: Answer[]) => answers.push(...next),
    get baseUrl() {
      return baseUrl;
    },
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const notify = startNotify();
beforeAll(() => notify.listen());
afterAll(() => notify.close());
beforeEach(() => {
  notify.received.length = 0;
});

function transport(over: Partial<NotifySettings> = {}) {
  return createNotifyTransport({ apiKey: API_KEY, templates: TEMPLATES, baseUrl: notify.baseUrl, replyToId: REPLY_TO_ID, ...over });
}

const received: EmailMessage = {
  to: 'jo@example.com',
  subject: 'We have received your complaint',
  text: 'Thank you for telling us.\n\nYour reference is CMP-7K3P-9QX2.',
  html: '<p>Thank you for telling us.</p>',
  language: 'en',
  template: 'complaint_received',
  reference: '0b6f2a8e-3c1d-4e5f-9a7b-8c9d0e1f2a3b',
};

const letterPdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function refusal(send: Promise<unknown>): Promise<NotifyError> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifyError);
  return error as NotifyError;
}

describe('the GOV.UK Notify transport, against Notify’s published API', () => {
  it('sends a message as its template’s subject and body, traced by the outbox id, and returns Notify’s id', async () => {
    const { messageId } = await transport().send(received);
    expect(notify.received).toHaveLength(1);
    const [{ body, problems }] = notify.received as [Received];
    expect(problems).toEqual([]);
    expect(body).toEqual({
      email_address: 'jo@example.com',
      template_id: TEMPLATES['*'].en,
      personalisation: { subject: received.subject, body: received.text },
      reference: received.reference,
      email_reply_to_id: REPLY_TO_ID,
    });
    expect(messageId).toMatch(UUID);
  });

  it('chooses the template by the message’s key and language, the most specific first', async () => {
    const t = transport();
    await t.send({ ...received, language: 'cy' });
    await t.send({ ...received, template: 'letter.holding', language: 'cy' });
    await t.send({ ...received, template: 'casework.responder_assigned' });
    // No Welsh template of its own: the catch-all's.
    await t.send({ ...received, template: 'casework.responder_assigned', language: 'cy' });
    expect(notify.received.map((r) => r.body.template_id)).toEqual([TEMPLATES['*'].cy, TEMPLATES['letter.*'].cy, TEMPLATES['casework.responder_assigned'].en, TEMPLATES['*'].cy]);
    expect(notify.received.flatMap((r) => r.problems)).toEqual([]);
  });

  it('sends a letter’s PDF as a file by email: a link the recipient opens after confirming their address', async () => {
    await transport({ fileRetentionWeeks: 52 }).send({
      ...received,
      template: 'letter.acknowledgement',
      attachments: [{ filename: 'CMP-7K3P-9QX2-acknowledgement.pdf', content: letterPdf, contentType: 'application/pdf' }],
    });
    const [{ body, problems }] = notify.received as [Received];
    expect(problems).toEqual([]);
    expect(body.template_id).toBe(TEMPLATES['letter.*'].en);
    const personalisation = body.personalisation as Record<string, unknown>;
    expect(personalisation.link_to_file).toEqual({
      file: letterPdf.toString('base64'),
      filename: 'CMP-7K3P-9QX2-acknowledgement.pdf',
      confirm_email_before_download: true,
      retention_period: '52 weeks',
    });
    expect(Buffer.from((personalisation.link_to_file as { file: string }).file, 'base64').equals(letterPdf)).toBe(true);
  });

  it('refuses, without asking Notify, what Notify cannot take with an email: other files, more than one, more than 2MB', async () => {
    const t = transport();
    const image = await refusal(t.send({ ...received, attachments: [{ filename: 'photo.png', content: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' }] }));
    expect(image.message).toMatch(/Only a PDF.*photo\.png \(image\/png\)/);
    const pdf = { filename: 'a.pdf', content: letterPdf, contentType: 'application/pdf' };
    expect((await refusal(t.send({ ...received, attachments: [pdf, pdf] }))).message).toMatch(/one PDF/);
    const big = await refusal(t.send({ ...received, attachments: [{ ...pdf, content: new Uint8Array(2 * 1024 * 1024 + 1) }] }));
    expect(big.message).toMatch(/2MB at most/);
    expect([image.retryable, big.retryable]).toEqual([false, false]);
    expect(notify.received).toEqual([]);
  });

  it('passes on Notify’s refusal of a bad request as an error that will not succeed by itself', async () => {
    notify.answer(notifyError(400, 'BadRequestError', "Can't send to this recipient using a team-only API key"));
    const error = await refusal(transport().send(received));
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toBe("GOV.UK Notify refused the email with 400 (BadRequestError: Can't send to this recipient using a team-only API key).");
  });

  it('is refused by Notify with a key whose secret is wrong, and says so without the key', async () => {
    const wrongSecret = '11111111-2222-4333-8444-555555555555';
    const error = await refusal(transport({ apiKey: `complaints_test-${SERVICE_ID}-${wrongSecret}` }).send(received));
    expect(error).toMatchObject({ status: 403, retryable: false });
    expect(error.message).toMatch(/403 \(AuthError: Invalid token: the token is not signed with the secret key\)/);
    expect(error.message).not.toContain(wrongSecret);
    expect(notify.received).toEqual([]);
  });

  it('treats rate limits, Notify’s own faults and no answer as worth trying again', async () => {
    notify.answer(
      notifyError(429, 'RateLimitError', 'Exceeded rate limit for key type TEST of 3000 requests per 60 seconds'),
      notifyError(500, 'Exception', 'Internal server error'),
      'no answer',
    );
    const limited = await refusal(transport().send(received));
    expect(limited).toMatchObject({ status: 429, retryable: true });
    expect(limited.message).toMatch(/RateLimitError/);
    expect(await refusal(transport().send(received))).toMatchObject({ status: 500, retryable: true });
    const silent = await refusal(transport({ timeoutMs: 300 }).send(received));
    expect(silent).toMatchObject({ status: null, retryable: true });
    expect(silent.message).toMatch(/did not answer/);
  });
});

describe('notifyTemplateFor', () => {
  it('prefers the message’s own key, then the longest prefix, then the catch-all', () => {
    const templates = { '*': { en: 'all' }, 'letter.*': { en: 'letters' }, 'letter.stage_*': { en: 'stage letters' }, 'letter.closure': { en: 'closure' } };
    expect(notifyTemplateFor(templates, 'letter.closure', 'en')).toBe('closure');
    expect(notifyTemplateFor(templates, 'letter.stage_1_response', 'en')).toBe('stage letters');
    expect(notifyTemplateFor(templates, 'letter.holding', 'en')).toBe('letters');
    expect(notifyTemplateFor(templates, 'complaint_received', 'en')).toBe('all');
    expect(notifyTemplateFor(templates, undefined, 'en')).toBe('all');
    expect(notifyTemplateFor(templates, 'letter.closure', 'cy')).toBeUndefined();
  });
});
