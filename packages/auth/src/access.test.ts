import { ROLE_KEYS } from '@complaints/domain';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  can,
  canFollowUpLearning,
  canPublishLearning,
  canSeeLearning,
  canViewComplaint,
  canViewReport,
  canWorkOnComplaint,
  type ComplaintScope,
  type LearningScope,
  learningLevelsOpenTo,
  type StaffActor,
} from './access';

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

  it('keeps the annual report to national office', () => {
    expect(ROLE_KEYS.filter((role) => can({ role }, 'manage_annual_report'))).toEqual(['national_office']);
  });
});

describe('the learning log', () => {
  const carlisle = 'team-carlisle';
  const point = (extra: Partial<LearningScope> = {}): LearningScope => ({ level: 'service_area', teamId: null, serviceAreaId: leeds, businessAreaId: north, ownerId: null, ...extra });
  const csq = actor('csq_manager', { businessAreaId: north });
  const admin = actor('csq_administrator', { businessAreaId: north });
  const head = actor('head_of_service', { businessAreaId: north, serviceAreaId: leeds });
  const manager = actor('responding_manager', { businessAreaId: north, serviceAreaId: leeds, teamId: carlisle });
  const national = actor('national_office');
  const LEVELS = ['team', 'service_area', 'business_area', 'national'] as const;

  it('opens to each role the levels of its own area, and every level to national office', () => {
    expect(learningLevelsOpenTo(national, LEVELS)).toEqual(LEVELS);
    expect(learningLevelsOpenTo(csq, LEVELS)).toEqual(['team', 'service_area', 'business_area']);
    expect(learningLevelsOpenTo(admin, LEVELS)).toEqual(['team', 'service_area', 'business_area']);
    expect(learningLevelsOpenTo(head, LEVELS)).toEqual(['team', 'service_area']);
    expect(learningLevelsOpenTo(manager, LEVELS)).toEqual(['team']);
    expect(learningLevelsOpenTo(actor('system_administrator'), LEVELS)).toEqual([]);
  });

  it('shows a point to those whose area it is in, and to its owner wherever they are', () => {
    expect(canSeeLearning(csq, point())).toBe(true);
    expect(canSeeLearning(actor('csq_manager', { businessAreaId: south }), point())).toBe(false);
    expect(canSeeLearning(head, point())).toBe(true);
    expect(canSeeLearning(actor('head_of_service', { serviceAreaId: 'sa-other' }), point())).toBe(false);
    expect(canSeeLearning(head, point({ level: 'business_area', serviceAreaId: null }))).toBe(false);
    expect(canSeeLearning(manager, point())).toBe(false);
    expect(canSeeLearning(manager, point({ level: 'team', teamId: carlisle }))).toBe(true);
    expect(canSeeLearning(manager, point({ ownerId: manager.id }))).toBe(true);
    expect(canSeeLearning(actor('system_administrator'), point())).toBe(false);
  });

  it('keeps national learning to national office (and its owner) until published', () => {
    const nationalPoint = point({ level: 'national', serviceAreaId: null, businessAreaId: null });
    expect(canSeeLearning(national, nationalPoint)).toBe(true);
    expect(canSeeLearning(csq, nationalPoint)).toBe(false);
    expect(canSeeLearning(csq, { ...nationalPoint, ownerId: csq.id })).toBe(true);
    expect(canPublishLearning(national, nationalPoint)).toBe(true);
    expect(canPublishLearning(national, point())).toBe(false);
    expect(canPublishLearning(csq, nationalPoint)).toBe(false);
  });

  it('lets the owner follow up their action, and CSQ managers, Heads of Service and national office those in their log', () => {
    expect(canFollowUpLearning(manager, point({ level: 'team', teamId: carlisle }))).toBe(false);
    expect(canFollowUpLearning(manager, point({ ownerId: manager.id }))).toBe(true);
    expect(canFollowUpLearning(admin, point())).toBe(false);
    expect(canFollowUpLearning(csq, point())).toBe(true);
    expect(canFollowUpLearning(head, point())).toBe(true);
    expect(canFollowUpLearning(actor('csq_manager', { businessAreaId: south }), point())).toBe(false);
    expect(canFollowUpLearning(national, point())).toBe(true);
  });
});

describe('the quarterly report', () => {
  const organisation = { kind: 'organisation' } as const;
  const northArea = { kind: 'business_area', businessAreaId: north } as const;
  const southArea = { kind: 'business_area', businessAreaId: south } as const;
  const leedsArea = { kind: 'service_area', serviceAreaId: leeds } as const;
  const otherServiceArea = { kind: 'service_area', serviceAreaId: 'sa-kent' } as const;

  it('national office reads every scope', () => {
    const national = actor('national_office');
    for (const scope of [organisation, northArea, southArea, leedsArea]) expect(canViewReport(national, scope, north)).toBe(true);
  });

  it('a CSQ manager reads their business area and its service areas, not the organisation or another area', () => {
    const csq = actor('csq_manager', { businessAreaId: north });
    expect(canViewReport(csq, northArea)).toBe(true);
    expect(canViewReport(csq, leedsArea, north)).toBe(true);
    expect(canViewReport(csq, otherServiceArea, south)).toBe(false);
    expect(canViewReport(csq, southArea)).toBe(false);
    expect(canViewReport(csq, organisation)).toBe(false);
  });

  it('a Head of Service reads their own service area only', () => {
    const head = actor('head_of_service', { businessAreaId: north, serviceAreaId: leeds });
    expect(canViewReport(head, leedsArea, north)).toBe(true);
    expect(canViewReport(head, otherServiceArea, north)).toBe(false);
    expect(canViewReport(head, northArea)).toBe(false);
    expect(canViewReport(head, organisation)).toBe(false);
  });

  it('nobody else reads a report, and only a Head of Service and national office see who is complained about', () => {
    for (const role of ['csq_administrator', 'responding_manager', 'system_administrator'] as const) {
      const someone = actor(role, { businessAreaId: north, serviceAreaId: leeds });
      expect(canViewReport(someone, leedsArea, north)).toBe(false);
      expect(canViewReport(someone, organisation)).toBe(false);
    }
    expect(ROLE_KEYS.filter((role) => can(actor(role), 'view_staff_in_reports'))).toEqual(['head_of_service', 'national_office']);
  });
});
