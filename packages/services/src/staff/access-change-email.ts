import type { RoleKey } from '@complaints/domain';
import { organisation } from '@complaints/content';
import { enqueueOutboxMessages, type Executor } from '@complaints/db';
import { renderHtmlDocument, renderPlainText } from '@complaints/documents';
import { translator } from '@complaints/i18n/server';
import { linkTo, type ServiceDependencies } from '../dependencies';

/** A change to someone's access that they are told of by email, whoever made it. */
export type AccessChange =
  | { kind: 'account_created'; role: RoleKey }
  | { kind: 'role_increased'; from: RoleKey; to: RoleKey }
  | { kind: 'reactivated'; role: RoleKey }
  | { kind: 'password_reset' }
  | { kind: 'second_factor_reset' };

const WHEN: Record<'en' | 'cy', Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }),
};

/**
 * The email to the account holder: what changed, who did it and when, and to tell national office
 * at once if they did not expect it. It goes to the address on the account (for a new account,
 * the one it was made with), so a reset or a raised role cannot pass unnoticed by its holder. In
 * English and Welsh together: staff have no language preference recorded.
 */
export function accessChangeEmail(change: AccessChange, facts: { actorName: string; at: Date; signInUrl: string }) {
  const part = (language: 'en' | 'cy') => {
    const t = translator(language, 'staff-access');
    const role = (key: RoleKey) => t(`roles.${key}`);
    const values = {
      actor: facts.actorName,
      when: WHEN[language].format(facts.at),
      role: 'role' in change ? role(change.role) : '',
      from: change.kind === 'role_increased' ? role(change.from) : '',
      to: change.kind === 'role_increased' ? role(change.to) : '',
    };
    return [
      { kind: 'heading' as const, level: language === 'en' ? (1 as const) : (2 as const), text: t(`accessEmail.${change.kind}.heading`) },
      { kind: 'paragraph' as const, text: t(`accessEmail.${change.kind}.intro`, values) },
      { kind: 'paragraph' as const, text: t('accessEmail.notYou') },
      { kind: 'paragraph' as const, text: t('accessEmail.signIn', { url: facts.signInUrl }) },
    ];
  };
  const subject = `${translator('en', 'staff-access')('accessEmail.subject')} / ${translator('cy', 'staff-access')('accessEmail.subject')}`;
  const source = {
    title: subject,
    language: 'en' as const,
    audience: 'adult' as const,
    organisationName: `${organisation.name.en} / ${organisation.name.cy}`,
    blocks: [...part('en'), ...part('cy')],
  };
  return { subject, text: renderPlainText(source), html: renderHtmlDocument(source) };
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
