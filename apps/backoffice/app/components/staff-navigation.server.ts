import { can, type Capability } from '@complaints/auth';
import type { StaffUser } from '../auth.server';

export type NavigationItem = { href: string; key: string };

/** Each page of the back office, shown to whoever has a capability that opens it. */
const ITEMS: Array<NavigationItem & { when: Capability[] | 'everyone' }> = [
  { href: '/queues', key: 'queues', when: ['view_new_queue', 'view_my_queue', 'view_caseload', 'view_all_complaints'] },
  { href: '/complaints/log', key: 'logComplaint', when: ['log_complaint'] },
  { href: '/print-queue', key: 'printQueue', when: ['print_letters'] },
  { href: '/dashboard', key: 'dashboard', when: ['view_new_queue', 'view_reports'] },
  { href: '/reports', key: 'reports', when: ['view_reports'] },
  // The learning log's front page also leads every member of staff to the learning bulletin.
  { href: '/learning', key: 'learning', when: 'everyone' },
  { href: '/admin/staff', key: 'staff', when: ['manage_staff'] },
  { href: '/admin/organisation', key: 'organisation', when: ['manage_organisation'] },
  { href: '/admin/templates', key: 'templates', when: ['manage_templates'] },
  { href: '/admin/quality-framework', key: 'qualityFramework', when: ['manage_quality_framework'] },
  { href: '/admin/settings', key: 'settings', when: ['manage_settings'] },
  { href: '/audit', key: 'audit', when: ['view_audit_log'] },
  { href: '/account', key: 'account', when: 'everyone' },
];

/**
 * The navigation a person sees: only the pages their role opens. Hiding a link is a courtesy;
 * every page checks again on the server.
 */
export function staffNavigation(user: Pick<StaffUser, 'role'>): NavigationItem[] {
  return ITEMS.filter((item) => item.when === 'everyone' || item.when.some((c) => can(user, c))).map(({ href, key }) => ({ href, key }));
}
