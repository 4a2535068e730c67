import { ROLE_KEYS } from '@complaints/domain';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, can, canViewComplaint, canWorkOnComplaint, type ComplaintScope, type StaffActor } from './access';

const north = 'ba-north';
const south = 'ba-south';
const leeds = 'sa-leeds';
const actor = (role: StaffActor['role'], extra: Partial<StaffActor> = {}): StaffActor => ({
  id: `staff-${role}`,
  role,
  businessAreaId: null,
  serviceAreaId: null,
  teamId: null,
  ...extra,
});
const complaint = (extra: Partial<ComplaintScope> = {}): ComplaintScope => ({
  businessAreaId: north,
  serviceAreaId: leeds,
  responderId: null,
  csqManagerId: null,
  ...extra,
});

describe('canViewComplaint', () => {
  it('keeps each administrator to their own business area, plus unrouted complaints', () => {
    expect(canViewComplaint(actor('csq_administrator', { businessAreaId: north }), complaint())).toBe(true);
    expect(canViewComplaint(actor('csq_administrator', { businessAreaId: south }), complaint())).toBe(false);
    expect(canViewComplaint(actor('csq_administrator', { businessAreaId: south }), complaint({ businessAreaId: null, serviceAreaId: null }))).toBe(true);
  });

  it('lets a responding manager see only the complaints they answer or answered', () => {
    const manager = actor('responding_manager', { businessAreaId: north });
    expect(canViewComplaint(manager, complaint())).toBe(false);
    expect(canViewComplaint(manager, complaint({ responderId: manager.id }))).toBe(true);
    expect(canViewComplaint(manager, complaint({ responderId: 'someone-else', pastResponderIds: [manager.id] }))).toBe(true);
    expect(canWorkOnComplaint(manager, complaint({ responderId: 'someone-else', pastResponderIds: [manager.id] }))).toBe(false);
  });

  it('gives a Head of Service their service area only', () => {
    expect(canViewComplaint(actor('head_of_service', { serviceAreaId: leeds }), complaint())).toBe(true);
    expect(canViewComplaint(actor('head_of_service', { serviceAreaId: 'sa-other' }), complaint())).toBe(false);
  });

  it('gives a CSQ manager their caseload wherever it is', () => {
    const manager = actor('csq_manager', { businessAreaId: south });
    expect(canViewComplaint(manager, complaint())).toBe(false);
    expect(canViewComplaint(manager, complaint({ csqManagerId: manager.id }))).toBe(true);
  });

  it('shows national office everything and the system administrator no complaints', () => {
    expect(canViewComplaint(actor('national_office'), complaint())).toBe(true);
    expect(canViewComplaint(actor('system_administrator'), complaint())).toBe(false);
  });
});

describe('capabilities', () => {
  it('are denied unless a role is named', () => {
    for (const role of ROLE_KEYS) {
      for (const [capability, roles] of Object.entries(CAPABILITIES)) {
        expect(can({ role }, capability as keyof typeof CAPABILITIES)).toBe((roles as readonly string[]).includes(role));
      }
    }
    expect(can({ role: 'responding_manager' }, 'manage_staff')).toBe(false);
    expect(can({ role: 'system_administrator' }, 'view_all_complaints')).toBe(false);
  });
});
