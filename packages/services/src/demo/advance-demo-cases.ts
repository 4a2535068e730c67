import { ANSWER_DETAILS, ANSWER_REASONS_CY, ANSWER_REASONS_EN, type DemoCase, listAnsweredPoints, markOutboxEmailsDelivered, queryRows } from '@complaints/db';
import { addDays, type Clock, type ComplaintState, type IsoDate, type Language, londonDateOf, type PointDecision, type Stage } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { assignComplaint } from '../casework/assign-complaint';
import type { CaseworkRequest } from '../casework/casework-context';
import { closeComplaint } from '../casework/close-complaint';
import { raiseLearning } from '../learning/raise-learning';
import { prepareAcknowledgement } from '../casework/prepare-acknowledgement';
import { requestStageTwo } from '../casework/request-stage-two';
import type { ServiceDependencies } from '../dependencies';
import { answerPoint } from '../investigation/answer-point';
import { startInvestigation } from '../investigation/start-investigation';
import { referToOmbudsman } from '../escalation/refer-to-ombudsman';
import { withdrawComplaint } from '../investigation/withdraw-complaint';
import { draftResponse } from '../letters/draft-response';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { checkClosure } from '../quality-assurance/check-closure';
import { approveLetter } from '../quality-assurance/review-letter';

/**
 * Takes the demo's complaints on from logged to the states the demo shows, by the lifecycle's own
 * moves, so every letter, answer, review and event in the demo is one the system really made. Each
 * complaint has its own clock, from the day it arrived to an hour ago, so the history reads as
 * days of work. The emails these moves queue are history too: they are marked as delivered when
 * they were written, so starting the demo does not send them.
 */

/** The steps from logged, in order; a demo case stops at the step that brings it to its state. */
type Step =
  | 'acknowledge'
  | 'investigate'
  | 'answer'
  | 'draft'
  | 'submit'
  | 'approve'
  | 'send'
  | 'check_closure'
  | 'close'
  | 'request_stage_two'
  | 'assign_reviewer'
  | 'withdraw'
  | 'refer_to_ombudsman';

const STAGE_ONE: Step[] = ['acknowledge', 'investigate', 'answer', 'draft', 'submit', 'approve', 'send'];
const STATE_AFTER: Partial<Record<Step, ComplaintState>> = {
  acknowledge: 'acknowledged',
  investigate: 'investigating',
  draft: 'response_drafted',
  submit: 'in_quality_assurance',
  approve: 'response_approved',
  send: 'response_sent',
  close: 'closed',
  request_stage_two: 'received',
  withdraw: 'withdrawn',
  refer_to_ombudsman: 'with_ombudsman',
};

/** The steps that take a logged complaint to a state at a stage. */
export function demoSteps(state: ComplaintState, stage: Stage): Step[] {
  const upTo = (steps: Step[], target: ComplaintState) => {
    const out: Step[] = [];
    for (const step of steps) {
      out.push(step);
      if (STATE_AFTER[step] === target) return out;
    }
    return out;
  };
  const closing: Step[] = ['check_closure', 'close'];
  // Withdrawn while the acknowledgement was still to go; with the Ombudsman once stage 2 has answered.
  if (state === 'withdrawn') return ['withdraw'];
  if (state === 'with_ombudsman') return [...demoSteps('response_sent', 2), 'refer_to_ombudsman'];
  if (stage === 1) return state === 'closed' ? [...STAGE_ONE, ...closing] : upTo(STAGE_ONE, state);
  const stageTwo: Step[] = ['assign_reviewer', ...STAGE_ONE];
  const opened: Step[] = [...STAGE_ONE, 'request_stage_two'];
  if (state === 'received') return opened;
  const rest: Step[] = state === 'closed' ? [...stageTwo, 'check_closure', 'close'] : upTo(stageTwo, state);
  return [...opened, ...rest];
}

/** Moves a little at each reading, between two instants, so the steps of one complaint spread over its days. */
function spreadClock(from: Date, to: Date, steps: number): Clock {
  const span = Math.max(to.getTime() - from.getTime(), steps * 60_000);
  const step = Math.floor(span / (steps * 40 + 1));
  let next = from.getTime();
  return {
    now: () => {
      next = Math.min(next + step, to.getTime());
      return new Date(next);
    },
  };
}

const DECISIONS: PointDecision[] = ['upheld', 'partly_upheld', 'not_upheld'];

export async function advanceDemoCases(deps: ServiceDependencies, cases: readonly DemoCase[], now: Date): Promise<void> {
  const people = new Map<string, CaseworkRequest>();
  const rows = await queryRows<{ id: string; role_key: string; business_area_id: string | null; service_area_id: string | null; team_id: string | null; full_name: string }>(
    deps.db,
    sql`select id, role_key, business_area_id, service_area_id, team_id, full_name from staff`,
  );
  for (const r of rows) {
    people.set(r.id, { actor: { id: r.id, role: r.role_key as never, businessAreaId: r.business_area_id, serviceAreaId: r.service_area_id, teamId: r.team_id, fullName: r.full_name }, requestId: 'demo' });
  }
  const as = (id: string) => people.get(id)!;
  const until = new Date(now.getTime() - 60 * 60_000);

  for (const [index, demo] of cases.entries()) {
    const steps = demoSteps(demo.state, demo.stage);
    const clocked: ServiceDependencies = { ...deps, clock: spreadClock(new Date(demo.receivedAt.getTime() + 30 * 60_000), until, steps.length) };
    const admin = as(demo.administratorId);
    const csq = as(demo.csqManagerId);
    let stage: Stage = 1;
    let responder = as(demo.managerId);
    let letterId = '';
    for (const step of steps) {
      switch (step) {
        case 'acknowledge': {
          ({ letterId } = await prepareAcknowledgement(clocked, admin, demo.complaintId));
          await approveLetter(clocked, csq, demo.complaintId, letterId, {});
          await sendLetter(clocked, admin, demo.complaintId, letterId);
          break;
        }
        case 'investigate':
          await startInvestigation(clocked, responder, demo.complaintId);
          break;
        case 'answer': {
          const points = await listAnsweredPoints(deps.db, demo.complaintId, stage);
          for (const [i, point] of points.entries()) {
            const decision: PointDecision = point.triage === 'court' ? 'court_matter' : DECISIONS[(index + i + stage) % DECISIONS.length]!;
            await answerPoint(clocked, responder, demo.complaintId, demoAnswer(point.id, decision, stage, demo.language));
          }
          break;
        }
        case 'draft':
          ({ letterId } = await draftResponse(clocked, responder, demo.complaintId, {}));
          break;
        case 'submit':
          await submitLetter(clocked, responder, demo.complaintId, letterId);
          break;
        case 'approve':
          await approveLetter(clocked, csq, demo.complaintId, letterId, {});
          break;
        case 'send':
          await sendLetter(clocked, admin, demo.complaintId, letterId);
          break;
        case 'check_closure':
          await checkClosure(clocked, csq, demo.complaintId, {
            points_answered: { done: true, note: 'Each point has its own answer.' },
            letters_approved_and_sent: { done: true, note: 'Every letter was approved before it went.' },
            timescales_met: { done: true, note: 'Checked against the due dates.' },
            record_complete: { done: true, note: 'The record matches the file.' },
          });
          break;
        case 'close': {
          await closeComplaint(clocked, csq, demo.complaintId);
          // Every third complaint closed leaves learning for its service area, so the learning log
          // has some to show: raised by its move, as staff raise it, and followed up since or late.
          if (index % 3 === 0) await raiseDemoLearning(clocked, csq, demo.complaintId, demo.language);
          break;
        }
        case 'request_stage_two': {
          const on: IsoDate = londonDateOf(clocked.clock.now());
          await requestStageTwo(clocked, admin, demo.complaintId, { receivedOn: on });
          stage = 2;
          break;
        }
        case 'withdraw':
          await withdrawComplaint(clocked, admin, demo.complaintId, { reason: demo.language === 'cy' ? "Maen nhw wedi datrys y mater gyda'r cynghorydd." : 'They sorted it out with the adviser.' });
          break;
        case 'refer_to_ombudsman': {
          const on: IsoDate = londonDateOf(clocked.clock.now());
          // The Ombudsman's enquiry asks for our reply within four weeks.
          await referToOmbudsman(clocked, admin, demo.complaintId, { referredOn: on, theirReference: `OMB-${1000 + index}`, replyDueOn: addDays(on, 28) });
          break;
        }
        case 'assign_reviewer':
          await assignComplaint(clocked, admin, demo.complaintId, { responderId: demo.reviewerId, csqManagerId: null }, { caseUrl: '/' });
          responder = as(demo.reviewerId);
          break;
      }
    }
  }
  await markOutboxEmailsDelivered(deps.db, cases.map((c) => c.complaintId));
}

function demoAnswer(pointId: string, decision: PointDecision, stage: Stage, language: Language) {
  const reasons = (language === 'cy' ? ANSWER_REASONS_CY : ANSWER_REASONS_EN)[decision];
  const details = ANSWER_DETAILS[language];
  const said = stage === 2 ? `${details.lookedAgain} ${reasons}` : reasons;
  if (decision === 'court_matter') return { pointId, decision, reasons: said };
  return {
    pointId,
    decision,
    reasons: said,
    standardCited: details.standard,
    whatShouldHaveHappened: details.shouldHave,
    whatHappened: details.did,
    ...(decision === 'upheld' ? { remedy: details.remedy } : {}),
  };
}

/** Learning for the complaint's service area, owned by its CSQ manager and due a month after it was raised. */
async function raiseDemoLearning(deps: ServiceDependencies, csq: CaseworkRequest, complaintId: string, language: Language): Promise<void> {
  const [place] = await queryRows<{ service_area_id: string | null }>(deps.db, sql`select service_area_id from complaints where id = ${complaintId}`);
  if (!place?.service_area_id) return;
  const welsh = language === 'cy';
  await raiseLearning(deps, csq, complaintId, {
    source: 'complaint',
    level: 'service_area',
    serviceAreaId: place.service_area_id,
    learnt: welsh ? "Ni chafodd galwadau eu dychwelyd tra oedd yr ymarferydd i ffwrdd." : 'Calls were not returned while the practitioner was away.',
    action: welsh ? "Mae gan bob tîm rota i ateb galwadau." : 'Every team keeps a rota to answer calls.',
    ownerId: csq.actor.id,
    dueOn: addDays(londonDateOf(deps.clock.now()), 30),
  });
}
