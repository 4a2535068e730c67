import { randomBytes } from 'node:crypto';
import { enqueueOutboxMessages, insertLetter, queryRows, seedDemoDataIfEmpty } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { fixedClock } from '@complaints/domain';
import { extractPdfText } from '@complaints/documents/testing';
import type { EmailMessage, EmailTransport } from '@complaints/notifications';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { deliverDueEmails } from './deliver-due-emails';

/** A transport that keeps what it is given, to read back what would have gone. */
function keepingTransport(): EmailTransport & { sent: EmailMessage[] } {
  const sent: EmailMessage[] = [];
  return {
    name: 'kept',
    sent,
    async send(message) {
      sent.push(message);
      return { messageId: randomBytes(6).toString('hex') };
    },
  };
}


// The outbox stamps rows with the database's clock, to the microsecond; Node's is to the millisecond,
// so "now" read straight after an insert can fall just before the row's own time.
const aMomentLater = { now: () => new Date(Date.now() + 1000) };

describeEachDatabase('delivering letters by email', (database) => {
  let complaintId: string;
  beforeAll(async () => {
    await seedDemoDataIfEmpty(database().db, { clock: fixedClock('2026-11-24T11:00:00Z'), passwordHash: '$argon2id$placeholder' });
    [{ id: complaintId }] = (await queryRows<{ id: string }>(database().db, sql`select id from complaints limit 1`)) as [{ id: string }];
  });

  async function letter(document: Record<string, unknown> | null) {
    return insertLetter(database().db, {
      complaintId,
      stage: 1,
      kind: 'acknowledgement',
      templateId: null,
      audience: 'adult',
      language: 'en',
      state: 'sent',
      subject: 'We have received your complaint',
      html: '<p>Letter</p>',
      document: document as Record<string, unknown>,
      delivery: 'email',
      createdBy: null,
      createdAt: new Date('2026-11-24T11:00:00Z'),
    });
  }

  it('attaches the letter as a PDF made from the letter as written', async () => {
    const db = database().db;
    const letterId = await letter({
      title: 'We have received your complaint',
      language: 'en',
      audience: 'adult',
      organisationName: 'Children and Family Court Advisory Service',
      blocks: [{ kind: 'paragraph', text: 'Sarah Wilson will answer by Monday 14 December 2026.' }],
      footer: 'CMP-7K3P-9QX2',
    });
    await enqueueOutboxMessages(db, [
      {
        complaintId,
        letterId,
        channel: 'email',
        template: 'letter.acknowledgement',
        recipient: 'jo@example.com',
        language: 'en',
        payload: { subject: 'We have received your complaint', text: 'Sarah Wilson will answer.', attachLetterPdf: true },
      },
    ]);
    const transport = keepingTransport();
    expect(await deliverDueEmails({ db, clock: aMomentLater, transport })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(transport.sent[0]).toMatchObject({ template: 'letter.acknowledgement', reference: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const [attachment] = transport.sent[0]!.attachments!;
    expect(attachment).toMatchObject({ filename: 'CMP-7K3P-9QX2-acknowledgement.pdf', contentType: 'application/pdf' });
    expect((await extractPdfText(attachment!.content)).text.replace(/\s+/g, ' ')).toContain('Sarah Wilson will answer by Monday 14 December 2026.');
  });

  it('sends nothing and tries again later when the letter cannot be made, so the email never goes without it', async () => {
    const db = database().db;
    const letterId = await letter(null);
    await enqueueOutboxMessages(db, [
      {
        complaintId,
        letterId,
        channel: 'email',
        template: 'letter.acknowledgement',
        recipient: 'jo@example.com',
        language: 'en',
        payload: { subject: 'Broken letter', text: 'x', attachLetterPdf: true },
      },
    ]);
    const transport = keepingTransport();
    expect(await deliverDueEmails({ db, clock: aMomentLater, transport, random: () => 0.5 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(transport.sent).toEqual([]);
    const [row] = await queryRows<{ status: string; attempts: number }>(db, sql`select status, attempts from outbox where letter_id = ${letterId}`);
    expect(row).toEqual({ status: 'pending', attempts: 1 });
  });
});
