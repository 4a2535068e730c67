import { can } from '@complaints/auth';
import { PublicFileLink } from '../components/public-file-link';
import { type LetterKind, type LetterState, practitionerNameGivenToShow } from '@complaints/domain';
import { NotificationBanner, SummaryList, Table, Tag, WarningText, type SummaryRow } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import { HeldBackMoves } from '../components/casework-held-back';
import { movePlace } from '../components/casework-moves';
import { caseworkDates, caseworkPage, orRefuse, refusalText } from '../components/casework-page.server';
import { Lines, Paragraphs, RagTag, StateTag } from '../components/casework-tags';
import { CaseEscalation } from '../components/casework-escalation';
import { ComplaintLearningSection } from '../components/learning-section';
import { escalationSections } from '../components/casework-escalation.server';
import { CaseTimeline } from '../components/casework-timeline';
import { InvestigationRecord } from '../components/investigation-record';
import { fileAdded, investigationSections } from '../components/investigation-record.server';
import { timelineItems } from '../components/casework-timeline.server';

export const handle = { i18n: ['common', 'casework', 'timescales', 'management-review', 'ombudsman', 'investigation', 'learning', 'staff-access'] };

const DONE = ['logged', 'triaged', 'assigned', 'unchanged', 'moved', 'learning'] as const;

/**
 * A complaint's page: where it is, who has it, who sent it and how to reach them safely, each
 * point with its triage, the letters, the files, and its history. Only for someone who may see
 * the complaint (anyone else is told there is no such page); every opening is audited.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.viewComplaint(caseworkRequest, params.id ?? ''), t);
  const dates = caseworkDates(language);
  const done = new URL(request.url).searchParams.get('done');
  const s = view.summary;
  const local = <T,>(en: T, cy: T) => (language === 'cy' ? cy : en);
  const stageDates = view.stages.find((st) => st.stage === s.stage);
  return data({
    title: title(`${s.reference} – ${t(`kinds.${s.kind}`)}`),
    done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
    id: s.id,
    reference: s.reference,
    // National office may export everything held about the complainant (a subject access request).
    subjectAccess: can(caseworkRequest.actor, 'export_subject_access'),
    kind: s.kind,
    channel: s.channel,
    received: dates.moment(s.receivedAt),
    stage: s.stage,
    state: s.state,
    due: dates.dayWithWeekday(s.currentDueOn),
    responseDue: dates.dayWithWeekday(stageDates?.responseDueOn),
    rag: view.rag,
    timescale: view.timescale,
    passedToManager: view.passedToManager,
    responder: s.responderName,
    csqManager: s.csqManagerName,
    businessArea: local(s.businessAreaNameEn, s.businessAreaNameCy),
    serviceArea: local(s.serviceAreaNameEn, s.serviceAreaNameCy),
    team: local(s.teamNameEn, s.teamNameCy),
    practitioner: s.practitionerName,
    // The name the complainant gave is shown only where it adds to the record.
    practitionerGiven: practitionerNameGivenToShow(s.practitionerName, s.practitionerNameGiven),
    areaGiven: s.areaGiven,
    courtCaseNumber: s.courtCaseNumber,
    desiredOutcome: s.desiredOutcome,
    audience: s.audience,
    language: s.language,
    // What this person may do now, as the lifecycle says: each offered move where it is made, and
    // the moves held back by a condition, with the reason.
    moves: view.moves.complaint.flatMap((offer) => {
      const place = movePlace(offer.move, { id: s.id, firstUntriagedPointId: view.points.find((p) => p.triage === null)?.id ?? view.points[0]?.id ?? null });
      if ('onLetter' in place || 'notHere' in place) return [];
      return [{ move: offer.move, ...place, next: view.moves.next.includes(offer.move), heldBack: offer.ok ? null : refusalText(t, offer.reason), confirm: t(`moves.confirm.${offer.move}`, { defaultValue: '' }) }];
    }),
    triage: view.triage,
    complainant: view.complainant,
    points: view.points.map((p) => ({
      id: p.id,
      position: p.position,
      text: p.text,
      happenedOn: dates.day(p.happenedOn),
      category: local(p.categoryLabelEn, p.categoryLabelCy),
      triage: p.triage,
      triageReason: p.triageReason,
      courtRoute: p.courtRoute,
      practitioner: p.practitionerName,
      triagedBy: p.triagedByName,
      triagedAt: dates.moment(p.triagedAt),
      answer: answerView(view.answers.find((a) => a.id === p.id)?.answer ?? null, view.answers.find((a) => a.id === p.id)?.actions ?? []),
      stageOneDecision: view.stageOneAnswers?.find((a) => a.id === p.id)?.answer?.decision ?? null,
      raisedAtStage: p.raisedAtStage,
    })),
    answered: view.answers.filter((a) => a.answer !== null).length,
    answerable: view.answers.length,
    stages: view.stages.map((st) => ({
      stage: st.stage,
      started: dates.day(st.startedOn),
      acknowledge: dates.day(st.acknowledgeDueOn),
      passToManager: dates.day(st.passToManagerDueOn),
      response: dates.day(st.responseDueOn),
      acknowledged: dates.moment(st.acknowledgedAt),
      assigned: dates.moment(st.assignedAt),
    })),
    letters: view.letters.map((l) => ({
      id: l.id,
      kind: l.kind as LetterKind,
      stage: l.stage,
      state: l.state as LetterState,
      subject: l.subject,
      delivery: l.delivery,
      sent: dates.moment(l.sentAt),
      mayPrint: (view.moves.letters[l.id] ?? []).some((m) => m.move === 'print_letter' && m.ok),
    })),
    attachments: view.attachments.map((a) => ({
      id: a.id,
      name: a.originalName,
      type: a.contentType,
      size: Math.max(1, Math.round(a.sizeBytes / 1024)),
      added: fileAdded(view.investigation, a, t, dates.moment),
    })),
    events: timelineItems(view, t, dates),
    investigation: investigationSections(view, t, dates),
    escalation: escalationSections(view, dates, language),
    learning: view.learning.map((p) => ({
      id: p.id,
      level: p.level,
      area: p.level === 'team' ? local(p.teamNameEn, p.teamNameCy) : p.level === 'service_area' ? local(p.serviceAreaNameEn, p.serviceAreaNameCy) : p.level === 'business_area' ? local(p.businessAreaNameEn, p.businessAreaNameCy) : null,
      learnt: p.learnt,
      action: p.action,
      owner: p.ownerName,
      due: dates.day(p.dueOn),
      status: p.status,
      overdue: p.overdue,
    })),
    mayRaiseLearning: view.moves.complaint.some((m) => m.move === 'raise_learning' && m.ok),
    history: view.history,
  });

  function answerView(answer: (typeof view.answers)[number]['answer'], actions: (typeof view.answers)[number]['actions']) {
    if (!answer) return null;
    return {
      decision: answer.decision,
      reasons: answer.reasons,
      standardCited: answer.standardCited,
      whatShouldHaveHappened: answer.whatShouldHaveHappened,
      whatHappened: answer.whatHappened,
      remedy: answer.remedy,
      by: answer.answeredByName,
      at: dates.moment(answer.answeredAt),
      actions: actions.map((a) => ({ description: a.description, owner: a.ownerName, due: dates.day(a.dueOn) })),
    };
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const hidden = { hidden: <span className="govuk-visually-hidden" /> };

type PageMove = ReturnType<typeof useLoaderData<typeof loader>>['moves'][number];

/** One move offered on the case page: a link to the page where it is made, or a button that makes it. */
function OfferedMove({ move: m }: { move: PageMove }) {
  const { t } = useTranslation(['casework', 'common']);
  return (
    <li data-move={m.move}>
      {'page' in m ? (
        <a className="govuk-link" href={m.page}>
          {t(`moves.${m.move}`)}
        </a>
      ) : (
        <form method="post" action={m.post}>
          {m.confirm ? (
            <p className="govuk-body-s govuk-!-margin-bottom-1" id={`confirm-${m.move}`}>
              {m.confirm}
            </p>
          ) : null}
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button" aria-describedby={m.confirm ? `confirm-${m.move}` : undefined}>
            {t(`moves.${m.move}`)}
          </button>
        </form>
      )}
    </li>
  );
}

export default function ComplaintPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['casework', 'common']);
  const c = page.complainant;
  const yesNo = (value: boolean | null | undefined) => (value === true ? t('yes') : value === false ? t('no') : t('notAsked'));

  const summary: SummaryRow[] = [
    { key: t('case.kind'), value: t(`kinds.${page.kind}`) },
    { key: t('case.channel'), value: t(`channels.${page.channel}`) },
    { key: t('case.received'), value: page.received },
    { key: t('case.stage'), value: t('stage', { stage: page.stage }) },
    { key: t('case.state'), value: <StateTag state={page.state} /> },
    {
      key: t('case.nextDue'),
      value:
        page.timescale === 'none' ? (
          t('case.nothingOwed')
        ) : page.due ? (
          <>
            {page.due} <RagTag rag={page.rag} />
            {page.timescale === 'reply_outside_procedure' ? <span className="govuk-body-s govuk-!-display-block">{t('case.outsideProcedure')}</span> : null}
          </>
        ) : (
          t('queues.nothingDue')
        ),
    },
    ...(page.passedToManager ? [{ key: t('case.passedToManager'), value: t(`passedToManager.${page.passedToManager}`) }] : []),
    { key: t('case.responder'), value: page.responder ?? t('case.notAssigned') },
    { key: t('case.csqManager'), value: page.csqManager ?? t('case.notAssigned') },
    { key: t('case.businessArea'), value: page.businessArea ?? t('queues.notPlaced') },
    { key: t('case.serviceArea'), value: page.serviceArea ?? t('queues.notPlaced') },
    ...(page.team ? [{ key: t('case.team'), value: page.team }] : []),
    ...(page.practitioner || page.practitionerGiven
      ? [
          {
            key: t('case.practitioner'),
            value: [page.practitioner, page.practitionerGiven ? t('case.practitionerGiven', { name: page.practitionerGiven }) : null].filter(Boolean).join('; '),
          },
        ]
      : []),
    ...(page.areaGiven ? [{ key: t('case.areaGiven'), value: page.areaGiven }] : []),
    ...(page.courtCaseNumber ? [{ key: t('case.courtCaseNumber'), value: page.courtCaseNumber }] : []),
  ];

  const safety = c
    ? [c.safeToLeaveVoicemail === false ? t('case.noVoicemail') : null, c.safeToSendPost === false ? t('case.noPost') : null, c.safeCallTimes ? t('case.safeCallTimes', { times: c.safeCallTimes }) : null].filter(
        (s): s is string => s !== null,
      )
    : [];

  const offered = page.moves.filter((m) => m.heldBack === null);
  const heldBack = page.moves.filter((m) => m.heldBack !== null);
  // The steps still to take come first, as the domain's `nextSteps` says; the rest the table allows follow.
  const next = offered.filter((m) => m.next);
  const other = offered.filter((m) => !m.next);

  return (
    <>
      {page.done ? (
        <NotificationBanner title={t('case.doneTitle')} success>
          <p className="govuk-notification-banner__heading">{t(`case.done.${page.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{t(`kinds.${page.kind}`)}</span>
      <h1 className="govuk-heading-l">{page.reference}</h1>

      {safety.length > 0 ? (
        <section aria-labelledby="safety-heading">
          <h2 className="govuk-heading-m" id="safety-heading">
            {t('case.safetyHeading')}
          </h2>
          {safety.map((s) => (
            <WarningText key={s} assistiveText={t('case.safetyAssistive')}>
              {s}
            </WarningText>
          ))}
        </section>
      ) : null}

      {page.subjectAccess ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/subject-access?reference=${encodeURIComponent(page.reference)}`} data-subject-access="">
            {t('staff-access:subjectAccess.fromCase')}
          </a>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">{t('case.actionsHeading')}</h2>
      {next.length > 0 ? (
        <ul className="govuk-list app-moves" data-next-steps="">
          {next.map((m) => (
            <OfferedMove key={m.move} move={m} />
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{offered.length > 0 ? t('case.noNextSteps') : t('case.noActions')}</p>
      )}
      {other.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">{t('case.otherActionsHeading')}</h3>
          <ul className="govuk-list app-moves" data-other-moves="">
            {other.map((m) => (
              <OfferedMove key={m.move} move={m} />
            ))}
          </ul>
        </>
      ) : null}
      {heldBack.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">{t('case.heldBackHeading')}</h3>
          <HeldBackMoves moves={heldBack} />
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t('case.summaryHeading')}</h2>
      <SummaryList rows={summary} />

      <h2 className="govuk-heading-m">{t('case.complainantHeading')}</h2>
      {c ? (
        c.anonymisedAt ? (
          <p className="govuk-body">{t('case.anonymised')}</p>
        ) : (
          <SummaryList
            rows={[
              { key: t('case.name'), value: c.fullName },
              { key: t('case.role'), value: t(`complainantRoles.${c.role}`) },
              ...(c.onBehalfOfName
                ? [
                    { key: t('case.onBehalfOf'), value: c.onBehalfOfRelationship ? t('case.onBehalfOfValue', { name: c.onBehalfOfName, relationship: c.onBehalfOfRelationship }) : c.onBehalfOfName },
                    ...(c.onBehalfOfConsent ? [{ key: t('case.consent'), value: t(`consent.${c.onBehalfOfConsent}`) }] : []),
                  ]
                : []),
              { key: t('case.preferredContact'), value: t(`contactMethods.${c.preferredContact}`) },
              { key: t('case.email'), value: c.email ?? t('notGiven') },
              { key: t('case.phone'), value: c.phone ? `${c.phone} (${t('log.safeToLeaveVoicemail')} ${yesNo(c.safeToLeaveVoicemail)})` : t('notGiven') },
              {
                key: t('case.address'),
                value: c.postalAddress ? (
                  <>
                    <Lines text={[c.postalAddress, c.postcode].filter(Boolean).join('\n')} />
                    <span className="govuk-!-display-block">
                      {t('log.safeToSendPost')} {yesNo(c.safeToSendPost)}
                    </span>
                  </>
                ) : (
                  t('notGiven')
                ),
              },
              { key: t('case.language'), value: t('case.languageValue', { language: t(`languages.${page.language}`), audience: t(`audiences.${page.audience}`) }) },
              {
                key: t('case.supportNeeds'),
                value:
                  c.supportNeeds.length > 0
                    ? c.supportNeeds.map((n) => (n === 'other' && c.supportNeedsOther ? c.supportNeedsOther : t(`supportNeeds.${n}`))).join(', ')
                    : t('none'),
              },
            ]}
          />
        )
      ) : null}

      <h2 className="govuk-heading-m">{t('case.answersHeading')}</h2>
      <p className="govuk-body">
        {t('case.pointsProgress', { triaged: page.triage.triaged, total: page.triage.total, court: page.triage.courtMatters })}.{' '}
        {t('case.answersProgress', { answered: page.answered, total: page.answerable, stage: page.stage })}
      </p>
      {page.points.map((p) => (
        <div key={p.id} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">{t('case.point', { number: p.position })}</h3>
          <Paragraphs text={p.text} />
          <SummaryList
            rows={[
              ...(p.happenedOn ? [{ key: t('case.happenedOn'), value: p.happenedOn }] : []),
              { key: t('case.category'), value: p.category ?? t('case.notTriaged') },
              { key: t('case.triage'), value: p.triage ? t(`triageOutcomes.${p.triage}`) : t('case.notTriaged') },
              ...(p.triageReason ? [{ key: t('case.triageReason'), value: p.triageReason }] : []),
              ...(p.courtRoute ? [{ key: t('case.courtRoute'), value: p.courtRoute }] : []),
              ...(p.practitioner ? [{ key: t('case.pointPractitioner'), value: p.practitioner }] : []),
              ...(p.stageOneDecision ? [{ key: t('case.answer', { stage: 1 }), value: t(`decisions.${p.stageOneDecision}`) }] : []),
              {
                key: t('case.answer', { stage: page.stage }),
                value: p.answer ? (
                  <>
                    <span className="govuk-!-font-weight-bold">{t(`decisions.${p.answer.decision}`)}</span>
                    <span className="govuk-body-s govuk-!-display-block">{t('case.answeredBy', { name: p.answer.by ?? t('timeline.someone'), when: p.answer.at })}</span>
                  </>
                ) : (
                  <Tag colour="amber">{t('case.notAnswered')}</Tag>
                ),
              },
              ...(p.answer
                ? [
                    { key: t('case.reasons'), value: <Paragraphs text={p.answer.reasons} /> },
                    ...(p.answer.standardCited ? [{ key: t('case.standardCited'), value: p.answer.standardCited }] : []),
                    ...(p.answer.whatShouldHaveHappened ? [{ key: t('case.whatShouldHaveHappened'), value: <Paragraphs text={p.answer.whatShouldHaveHappened} /> }] : []),
                    ...(p.answer.whatHappened ? [{ key: t('case.whatHappened'), value: <Paragraphs text={p.answer.whatHappened} /> }] : []),
                    ...(p.answer.remedy ? [{ key: t('case.remedy'), value: <Paragraphs text={p.answer.remedy} /> }] : []),
                    ...(p.answer.actions.length > 0
                      ? [
                          {
                            key: t('case.actions'),
                            value: (
                              <ul className="govuk-list govuk-list--bullet">
                                {p.answer.actions.map((a, i) => (
                                  <li key={i}>{t('case.actionLine', { description: a.description, owner: a.owner, date: a.due })}</li>
                                ))}
                              </ul>
                            ),
                          },
                        ]
                      : []),
                  ]
                : []),
            ]}
          />
          {page.moves.some((m) => m.move === 'triage_point' && m.heldBack === null) ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/complaints/${page.id}/triage/${p.id}`}>
                <Trans t={t} i18nKey={p.triage ? 'case.changeTriage' : 'case.triagePoint'} values={{ number: p.position }} components={hidden} />
              </a>
            </p>
          ) : null}
          {page.moves.some((m) => m.move === 'record_management_review' && m.heldBack === null) ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/complaints/${page.id}/management-review?point=${p.id}`} data-review-point={p.position}>
                <Trans t={t} i18nKey="case.reviewPoint" values={{ number: p.position }} components={hidden} />
              </a>
            </p>
          ) : null}
        </div>
      ))}

      {page.desiredOutcome ? (
        <>
          <h2 className="govuk-heading-m">{t('case.desiredOutcomeHeading')}</h2>
          <Paragraphs text={page.desiredOutcome} />
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t('case.datesHeading')}</h2>
      <Table
        caption={t('case.datesCaption')}
        captionSize="s"
        columns={[
          { key: 'stage', header: t('case.dates.stage') },
          { key: 'started', header: t('case.dates.started') },
          { key: 'acknowledge', header: t('case.dates.acknowledge') },
          { key: 'passToManager', header: t('case.dates.passToManager') },
          { key: 'response', header: t('case.dates.response') },
          { key: 'assigned', header: t('case.dates.assigned') },
          { key: 'acknowledged', header: t('case.dates.acknowledged') },
        ]}
        rows={page.stages.map((st) => ({
          _key: String(st.stage),
          stage: t('stage', { stage: st.stage }),
          started: st.started,
          acknowledge: st.acknowledge,
          passToManager: st.passToManager,
          response: page.timescale === 'none' ? '–' : st.response,
          assigned: st.assigned ?? '–',
          acknowledged: st.acknowledged ?? '–',
        }))}
      />

      <h2 className="govuk-heading-m">{t('case.lettersHeading')}</h2>
      {page.letters.length === 0 ? (
        <p className="govuk-body">{t('case.noLetters')}</p>
      ) : (
        <Table
          caption={t('case.lettersCaptionAll')}
          captionSize="s"
          columns={[
            { key: 'letter', header: t('case.letterColumns.letter') },
            { key: 'state', header: t('case.letterColumnsState') },
            { key: 'sent', header: t('case.letterColumns.sent') },
            { key: 'delivery', header: t('case.letterColumns.delivery') },
            { key: 'links', header: <span className="govuk-visually-hidden">{t('case.letterColumns.letter')}</span> },
          ]}
          rows={page.letters.map((l) => ({
            _key: l.id,
            letter: (
              <>
                {t(`letters.kinds.${l.kind}`)}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{l.subject}</span>
              </>
            ),
            state: t('case.letterStage', { stage: l.stage, state: t(`letters.states.${l.state}`) }),
            sent: l.sent ?? (l.state === 'sent' ? t('case.notPrinted') : t('case.notSentYet')),
            delivery: t(`case.delivery.${l.delivery}`),
            links: (
              <>
                <a className="govuk-link govuk-!-display-block" href={`/complaints/${page.id}/letters/${l.id}`}>
                  <Trans t={t} i18nKey="case.view" values={{ subject: l.subject }} components={hidden} />
                </a>
                <a className="govuk-link govuk-!-display-block" href={`/complaints/${page.id}/letters/${l.id}/pdf`} download>
                  <Trans t={t} i18nKey="case.download" values={{ subject: l.subject }} components={hidden} />
                </a>
                {l.mayPrint ? (
                  <form method="post" action={`/complaints/${page.id}/letters/${l.id}/print`} className="govuk-!-margin-top-2">
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" aria-describedby={`print-hint-${l.id}`}>
                      {t('case.print')}
                    </button>
                    <span id={`print-hint-${l.id}`} className="govuk-hint govuk-!-display-block govuk-!-font-size-16">
                      {t('case.printHint')}
                    </span>
                  </form>
                ) : null}
              </>
            ),
          }))}
        />
      )}

      <h2 className="govuk-heading-m">{t('case.welcomePackHeading')}</h2>
      {page.practitioner ? (
        <p className="govuk-body" data-welcome-pack="">
          <a className="govuk-link" href={`/complaints/${page.id}/welcome-pack.pdf`} download aria-describedby="welcome-pack-hint">
            {t('case.welcomePack')}
          </a>
          <span id="welcome-pack-hint" className="govuk-hint govuk-!-display-block govuk-!-font-size-16">
            {t('case.welcomePackHint', { practitioner: page.practitioner, language: t(`languages.${page.language}`), audience: t(`audiences.${page.audience}`) })}
          </span>
        </p>
      ) : (
        <p className="govuk-body">{t('case.welcomePackNoPractitioner')}</p>
      )}

      <h2 className="govuk-heading-m">{t('case.attachmentsHeading')}</h2>
      {page.attachments.length === 0 ? (
        <p className="govuk-body">{t('case.noAttachments')}</p>
      ) : (
        <Table
          caption={t('case.attachmentsCaption')}
          captionSize="s"
          columns={[
            { key: 'file', header: t('case.attachmentColumns.file') },
            { key: 'type', header: t('case.attachmentColumns.type') },
            { key: 'size', header: t('case.attachmentColumns.size'), numeric: true },
            { key: 'added', header: t('case.attachmentColumns.added') },
          ]}
          rows={page.attachments.map((a) => ({
            _key: a.id,
            file: (
              <PublicFileLink complaintId={page.id} file={a} />
            ),
            type: a.type,
            size: t('case.kilobytes', { size: a.size }),
            added: a.added,
          }))}
        />
      )}

      <InvestigationRecord record={page.investigation} />

      <CaseEscalation sections={page.escalation} />

      <ComplaintLearningSection items={page.learning} raiseHref={page.mayRaiseLearning ? `/complaints/${page.id}/learning/new` : null} />

      <h2 className="govuk-heading-m">{t('case.timelineHeading')}</h2>
      <p className="govuk-body" data-history={page.history.intact ? 'intact' : 'broken'}>
        {page.history.intact ? t('case.historyIntact', { count: page.history.events }) : t(page.history.reason === 'newest_removed' ? 'case.historyRemoved' : 'case.historyBroken', { sequence: page.history.brokenAtSequence })}
      </p>
      <CaseTimeline events={page.events} />
    </>
  );
}
