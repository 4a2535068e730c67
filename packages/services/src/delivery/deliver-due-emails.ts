import { claimDueEmails, markOutboxAttemptFailed, markOutboxSent } from '@complaints/db';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs, type EmailTransport } from '@complaints/notifications';
import type { ServiceDependencies } from '../dependencies';
import { letterPdfAttachment } from '../letters/letter-attachment';

export type DeliveryResult = { sent: number; retrying: number; failed: number };

const DEFAULT_LEASE_MS = 2 * 60 * 1000;

/**
 * Sends the emails that are due from the outbox. Each is claimed under a lease first, so a crash
 * between sending and recording means it is sent again, never lost: delivery is at least once.
 */
export async function deliverDueEmails(
  deps: Pick<ServiceDependencies, 'db' | 'clock'> & { transport: EmailTransport; random?: () => number },
  options: { batchSize?: number; leaseMs?: number } = {},
): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  const claimed = await claimDueEmails(deps.db, { now, leaseUntil, limit: options.batchSize ?? 25 });
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    const payload = message.payload as { subject?: string; text?: string; html?: string; attachLetterPdf?: boolean; forgetAfterSending?: boolean };
    try {
      if (!message.recipient || !payload.subject || !payload.text) throw new Error('The message has no recipient, subject or text.');
      // A letter sent by email goes with its PDF, made when it is sent; failing to make it is a
      // failed attempt like any other, so the email is retried, never sent without it.
      const attachments = payload.attachLetterPdf ? [await letterPdfAttachment(deps.db, message.letterId)] : [];
      await deps.transport.send({
        to: message.recipient,
        subject: payload.subject,
        text: payload.text,
        ...(payload.html ? { html: payload.html } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        language: message.language,
        template: message.template,
        reference: message.id,
      });
      await markOutboxSent(deps.db, message.id, deps.clock.now(), { forgetPayload: payload.forgetAfterSending === true });
      result.sent += 1;
    } catch (error) {
      const giveUp = message.attempts >= MAX_DELIVERY_ATTEMPTS;
      await markOutboxAttemptFailed(deps.db, message.id, {
        error: (error as Error).message ?? String(error),
        nextAttemptAt: giveUp ? null : new Date(deps.clock.now().getTime() + retryDelayMs(message.attempts, (deps.random ?? Math.random)())),
      });
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}
