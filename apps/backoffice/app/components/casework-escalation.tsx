import { InsetText, SummaryList, Table } from '@complaints/ui';
import { useTranslation } from 'react-i18next';
import type { RagStatus } from '@complaints/domain';
import { Paragraphs, RagTag } from './casework-tags';

/**
 * The parts of a complaint's page about its timescales, the management reviews of the case and
 * the Ombudsman, made from the words and dates prepared on the server (casework-escalation.server.ts).
 */

export type StageClockItem = {
  stage: number;
  firstDue: string | null;
  dueNow: string | null;
  extension: { from: string | null; to: string | null; when: string | null; reason: string | null } | null;
  pausedWorkingDays: number;
};

export type ManagementReviewItem = {
  id: string;
  by: string | null;
  when: string | null;
  team: string | null;
  practitioner: string | null;
  /** The number of the point it is about, when it is about one. */
  point: number | null;
  frameworkVersion: number | null;
  overallGrade: string | null;
  items: Array<{ key: string; label: string; grade: string; evidence: string }>;
  goodPractice: string | null;
  failings: string | null;
};

export type OmbudsmanEnquiryItem = {
  id: string;
  number: number;
  receivedOn: string | null;
  summary: string | null;
  dueOn: string | null;
  /** The warning while our reply is owed; null once it went or the Ombudsman has found. */
  rag: RagStatus | null;
  repliedOn: string | null;
  onTime: boolean | null;
  reply: string | null;
  /** Where to record our reply, for someone who may. */
  replyLink: string | null;
};

export type OmbudsmanRecommendationItem = {
  id: string;
  number: number;
  action: string;
  owner: string;
  dueOn: string | null;
  doneOn: string | null;
  evidence: string | null;
  doneLink: string | null;
  /** Where to raise learning from it, for someone the lifecycle lets raise learning. */
  learningLink: string | null;
};

export type OmbudsmanReferralItem = {
  id: string;
  ombudsman: string;
  referredOn: string | null;
  theirReference: string | null;
  finding: string | null;
  findingOn: string | null;
  summary: string | null;
  enquiries: OmbudsmanEnquiryItem[];
  recommendations: OmbudsmanRecommendationItem[];
};

export type EscalationSections = {
  /** Whether the complaint is owed a reply at all (compliments are not): then it has timescales. */
  owed: boolean;
  /** Whether the case may have management reviews (complaints only). */
  reviewable: boolean;
  stages: StageClockItem[];
  paused: { since: string | null; reason: string | null } | null;
  reviews: ManagementReviewItem[];
  referrals: OmbudsmanReferralItem[];
};

export function CaseEscalation({ sections }: { sections: EscalationSections }) {
  const { t } = useTranslation(['timescales', 'management-review', 'ombudsman', 'casework']);
  return (
    <>
      {sections.owed && sections.stages.length > 0 ? (
        <section aria-labelledby="timescales-heading">
          <h2 className="govuk-heading-m" id="timescales-heading">
            {t('timescales:case.heading')}
          </h2>
          {sections.paused ? (
            <InsetText>
              <p className="govuk-body govuk-!-font-weight-bold">{t('timescales:case.pausedHeading')}</p>
              <p className="govuk-body">{t('timescales:case.pausedSince', { when: sections.paused.since })}</p>
              {sections.paused.reason ? <p className="govuk-body">{t('timescales:case.pausedWhy', { reason: sections.paused.reason })}</p> : null}
              <p className="govuk-body">{t('timescales:case.pausedNext')}</p>
            </InsetText>
          ) : null}
          {sections.stages.map((s) => (
            <div key={s.stage} data-stage-clock={s.stage}>
              <h3 className="govuk-heading-s">{t('timescales:case.stage', { stage: s.stage })}</h3>
              <SummaryList
                rows={[
                  { key: t('timescales:case.firstDue'), value: s.firstDue ?? '–' },
                  { key: t('timescales:case.dueNow'), value: s.dueNow ?? '–' },
                  {
                    key: t('timescales:case.extension'),
                    value: s.extension ? (
                      <>
                        {s.extension.from && s.extension.to
                          ? t('timescales:case.extended', { from: s.extension.from, to: s.extension.to, when: s.extension.when })
                          : t('timescales:case.extendedShort', { when: s.extension.when })}
                        {s.extension.reason ? <span className="govuk-!-display-block">{t('timescales:case.extensionReason', { reason: s.extension.reason })}</span> : null}
                      </>
                    ) : (
                      t('timescales:case.notExtended')
                    ),
                  },
                  { key: t('timescales:case.pausedDays'), value: String(s.pausedWorkingDays) },
                ]}
              />
            </div>
          ))}
        </section>
      ) : null}

      {sections.reviewable || sections.reviews.length > 0 ? (
        <section aria-labelledby="management-reviews-heading">
          <h2 className="govuk-heading-m" id="management-reviews-heading">
            {t('management-review:case.heading')}
          </h2>
          {sections.reviews.length === 0 ? <p className="govuk-body">{t('management-review:case.none')}</p> : null}
          {sections.reviews.map((r) => (
            <div key={r.id} className="govuk-!-margin-bottom-6" data-management-review={r.id}>
              <h3 className="govuk-heading-s">{t('management-review:case.review', { name: r.by ?? t('management-review:case.someone'), when: r.when })}</h3>
              <SummaryList
                rows={[
                  { key: t('management-review:case.team'), value: r.team ?? '–' },
                  { key: t('management-review:case.practitioner'), value: r.practitioner ?? t('management-review:case.noPractitioner') },
                  { key: t('management-review:case.point'), value: r.point !== null ? t('management-review:case.pointNumber', { number: r.point }) : t('management-review:case.wholeCase') },
                  ...(r.frameworkVersion !== null ? [{ key: t('management-review:case.frameworkVersion'), value: String(r.frameworkVersion) }] : []),
                  { key: t('management-review:case.overallGrade'), value: r.overallGrade ?? '–' },
                  ...(r.goodPractice ? [{ key: t('management-review:case.goodPractice'), value: <Paragraphs text={r.goodPractice} /> }] : []),
                  ...(r.failings ? [{ key: t('management-review:case.failings'), value: <Paragraphs text={r.failings} /> }] : []),
                ]}
              />
              {r.items.length > 0 ? (
                <Table
                  caption={t('management-review:case.itemsCaption')}
                  captionSize="s"
                  columns={[
                    { key: 'item', header: t('management-review:case.item') },
                    { key: 'grade', header: t('management-review:case.itemGrade') },
                    { key: 'evidence', header: t('management-review:case.itemEvidence') },
                  ]}
                  rows={r.items.map((i) => ({ _key: i.key, item: i.label, grade: i.grade, evidence: <Paragraphs text={i.evidence} /> }))}
                />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      {sections.referrals.length > 0 ? (
        <section aria-labelledby="ombudsman-heading">
          <h2 className="govuk-heading-m" id="ombudsman-heading">
            {t('ombudsman:case.heading')}
          </h2>
          {sections.referrals.map((r) => (
            <div key={r.id} data-ombudsman-referral={r.id}>
              <SummaryList
                rows={[
                  { key: t('ombudsman:case.ombudsman'), value: r.ombudsman },
                  { key: t('ombudsman:case.referredOn'), value: r.referredOn ?? '–' },
                  { key: t('ombudsman:case.theirReference'), value: r.theirReference ?? '–' },
                  { key: t('ombudsman:case.outcome'), value: r.finding ? t(`ombudsman:findings.${r.finding}`) : t('ombudsman:case.waiting') },
                  ...(r.finding ? [{ key: t('ombudsman:case.findingOn'), value: r.findingOn ?? '–' }] : []),
                  ...(r.finding && r.summary ? [{ key: t('ombudsman:case.summary'), value: <Paragraphs text={r.summary} /> }] : []),
                ]}
              />
              {r.enquiries.length > 0 ? (
                <Table
                  caption={t('ombudsman:case.enquiriesCaption')}
                  captionSize="s"
                  columns={[
                    { key: 'enquiry', header: t('ombudsman:case.enquiry') },
                    { key: 'due', header: t('ombudsman:case.dueOn') },
                    { key: 'reply', header: t('ombudsman:case.reply') },
                  ]}
                  rows={r.enquiries.map((e) => ({
                    _key: e.id,
                    enquiry: (
                      <span data-ombudsman-enquiry={e.id}>
                        {t('ombudsman:case.enquiryNumber', { number: e.number, on: e.receivedOn })}
                        {e.summary ? <span className="govuk-!-display-block">{e.summary}</span> : null}
                      </span>
                    ),
                    due: (
                      <>
                        {e.dueOn} {e.rag ? <RagTag rag={e.rag} /> : null}
                      </>
                    ),
                    reply: e.repliedOn ? (
                      <>
                        {t(e.onTime ? 'ombudsman:case.sentOnTime' : 'ombudsman:case.sentLate', { on: e.repliedOn })}
                        {e.reply ? <span className="govuk-!-display-block">{e.reply}</span> : null}
                      </>
                    ) : e.replyLink ? (
                      <a className="govuk-link" href={e.replyLink}>
                        {t('ombudsman:case.recordReply')}
                        <span className="govuk-visually-hidden"> {t('ombudsman:case.toEnquiry', { number: e.number })}</span>
                      </a>
                    ) : (
                      t('ombudsman:case.notSent')
                    ),
                  }))}
                />
              ) : null}
              {r.recommendations.length > 0 ? (
                <Table
                  caption={t('ombudsman:case.recommendationsCaption')}
                  captionSize="s"
                  columns={[
                    { key: 'action', header: t('ombudsman:case.action') },
                    { key: 'owner', header: t('ombudsman:case.owner') },
                    { key: 'due', header: t('ombudsman:case.recommendationDue') },
                    { key: 'done', header: t('ombudsman:case.done') },
                  ]}
                  rows={r.recommendations.map((x) => ({
                    _key: x.id,
                    action: (
                      <>
                        <span id={`ombudsman-recommendation-${x.id}`} data-ombudsman-recommendation={x.id}>
                          {x.action}
                        </span>
                        {x.learningLink ? (
                          <a className="govuk-link govuk-!-display-block govuk-!-margin-top-1" href={x.learningLink} data-raise-learning-from={x.id}>
                            {t('ombudsman:case.raiseLearning')}
                            <span className="govuk-visually-hidden"> {t('ombudsman:case.toRecommendation', { number: x.number })}</span>
                          </a>
                        ) : null}
                      </>
                    ),
                    owner: x.owner,
                    due: x.dueOn ?? '–',
                    done: x.doneOn ? (
                      <>
                        {t('ombudsman:case.doneOn', { on: x.doneOn })}
                        {x.evidence ? <span className="govuk-!-display-block">{x.evidence}</span> : null}
                      </>
                    ) : x.doneLink ? (
                      <a className="govuk-link" href={x.doneLink}>
                        {t('ombudsman:case.recordDone')}
                        <span className="govuk-visually-hidden"> {t('ombudsman:case.toRecommendation', { number: x.number })}</span>
                      </a>
                    ) : (
                      t('ombudsman:case.notDone')
                    ),
                  }))}
                />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
