import { type BrokenChain, type ChainCheck, chainOwner, checkEveryChain, complaintReferences, enqueueOutboxMessages, listActiveStaffWithRole, staffNames } from '@complaints/db';
import type { ServiceDependencies } from '../dependencies';
import { bilingualStaffEmail, whenInWords, type WrittenEmail } from '../emails/staff-email';

/** Who is told when a record is found changed: the people who can look into it. */
const TOLD = ['national_office', 'system_administrator'] as const;

/**
 * Checks every complaint's history and every audit chain against its signatures and kept head
 * (the nightly job). When any is broken, national office and the system administrators are
 * emailed, naming each broken record by its complaint's reference or the audit chain, and where
 * it breaks: never what the records say.
 */
export async function checkHistoryChains(deps: Pick<ServiceDependencies, 'db' | 'clock'>, options: { backofficeUrl: string }): Promise<ChainCheck & { alerted: number }> {
  const result = await checkEveryChain(deps.db);
  if (result.broken.length === 0) return { ...result, alerted: 0 };
  const now = deps.clock.now();
  const lines = await describeBroken(deps.db, result.broken);
  const email = historyAlertEmail(lines, { at: now, signInUrl: `${options.backofficeUrl}/` });
  const people = (await Promise.all(TOLD.map((role) => listActiveStaffWithRole(deps.db, role)))).flat();
  await enqueueOutboxMessages(
    deps.db,
    people.map((person) => ({
      channel: 'email' as const,
      template: 'staff.history_alert',
      recipient: person.email,
      language: 'en' as const,
      audience: 'adult' as const,
      payload: email,
      createdAt: now,
      nextAttemptAt: now,
    })),
  );
  return { ...result, alerted: people.length };
}

type BrokenLine = { what: { kind: 'complaint'; reference: string } | { kind: 'audit'; whose: string }; fromRecord: number; reason: BrokenChain['reason'] };

async function describeBroken(db: ServiceDependencies['db'], broken: BrokenChain[]): Promise<BrokenLine[]> {
  const owned = broken.map((b) => ({ ...b, owner: chainOwner(b.chain) }));
  const references = await complaintReferences(db, owned.flatMap(({ owner }) => (owner.kind === 'complaint' ? [owner.complaintId] : [])));
  const names = await staffNames(db, owned.flatMap(({ owner }) => (owner.kind === 'audit' && owner.staffId ? [owner.staffId] : [])));
  return owned.map(({ owner, brokenAtSequence: fromRecord, reason }) => ({
    what:
      owner.kind === 'complaint'
        ? { kind: 'complaint', reference: references.get(owner.complaintId) ?? owner.complaintId }
        : { kind: 'audit', whose: owner.staffId ? (names.get(owner.staffId) ?? owner.staffId) : '' },
    fromRecord,
    reason,
  }));
}

/** The alert: which records no longer match and from where, what that may mean, and what to do. */
export function historyAlertEmail(lines: BrokenLine[], facts: { at: Date; signInUrl: string }): WrittenEmail {
  return bilingualStaffEmail('staff-access', { key: 'historyAlert.subject' }, (t, language, level) => [
    { kind: 'heading', level, text: t('historyAlert.heading') },
    { kind: 'paragraph', text: t('historyAlert.intro', { when: whenInWords(facts.at, language), count: lines.length }) },
    {
      kind: 'list',
      items: lines.map((line) => {
        const what = line.what.kind === 'complaint' ? t('historyAlert.complaint', { reference: line.what.reference }) : line.what.whose ? t('historyAlert.audit', { whose: line.what.whose }) : t('historyAlert.auditAnonymous');
        return `${what}: ${t(`historyAlert.reasons.${line.reason}`, { record: line.fromRecord })}`;
      }),
    },
    { kind: 'paragraph', text: t('historyAlert.what') },
    { kind: 'paragraph', text: t('accessEmail.signIn', { url: facts.signInUrl }) },
  ]);
}
