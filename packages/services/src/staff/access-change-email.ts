import type { RoleKey } from '@complaints/domain';
import { enqueueOutboxMessages, type Executor } from '@complaints/db';
import { linkTo, type ServiceDependencies } from '../dependencies';
import { bilingualStaffEmail, whenInWords, type WrittenEmail } from '../emails/staff-email';

/** A change to someone's access that they are told of by email, whoever made it. */
export type AccessChange =
  | { kind: 'account_created'; role: RoleKey }
  | { kind: 'role_increased'; from: RoleKey; to: RoleKey }
  | { kind: 'reactivated'; role: RoleKey }
  | { kind: 'password_reset' }
  | { kind: 'second_factor_reset' };

/**
 * The email to the account holder: what changed, who did it and when, and to tell national office
 * at once if they did not expect it. It goes to the address on the account (for a new account,
 * the one it was made with), so a reset or a raised role cannot pass unnoticed by its holder.
 */
export function accessChangeEmail(change: AccessChange, facts: { actorName: string; at: Date; signInUrl: string }): WrittenEmail {
  return bilingualStaffEmail('staff-access', { key: 'accessEmail.subject' }, (t, language, level) => {
    const role = (key: RoleKey) => t(`roles.${key}`);
    const values = {
      actor: facts.actorName,
      when: whenInWords(facts.at, language),
      role: 'role' in change ? role(change.role) : '',
      from: change.kind === 'role_increased' ? role(change.from) : '',
      to: change.kind === 'role_increased' ? role(change.to) : '',
    };
    return [
      { kind: 'heading', level, text: t(`accessEmail.${change.kind}.heading`) },
      { kind: 'paragraph', text: t(`accessEmail.${change.kind}.intro`, values) },
      { kind: 'paragraph', text: t('accessEmail.notYou') },
      { kind: 'paragraph', text: t('accessEmail.signIn', { url: facts.signInUrl }) },
    ];
  });
}

/** Queues the email in the caller's transaction, so it goes if and only if the change is kept. */
export async function queueAccessChangeEmail(
  deps: Pick<ServiceDependencies, 'addresses'>,
  tx: Executor,
  to: string,
  change: AccessChange,
  facts: { actorName: string; at: Date },
): Promise<void> {
  const email = accessChangeEmail(change, { ...facts, signInUrl: linkTo(deps, 'backoffice', '/') });
  await enqueueOutboxMessages(tx, [
    { channel: 'email', template: `staff.${change.kind}`, recipient: to, language: 'en', audience: 'adult', payload: email, createdAt: facts.at, nextAttemptAt: facts.at },
  ]);
}
