import { InsetText, SummaryList, Table } from '@complaints/ui';
import { useTranslation } from 'react-i18next';
import { Paragraphs } from './casework-tags';

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
  overallGrade: string | null;
  items: Array<{ key: string; label: string; grade: string; evidence: string }>;
  goodPractice: string | null;
  failings: string | null;
};

export type OmbudsmanReferralItem = {
  id: string;
  ombudsman: string;
  referredOn: string | null;
  theirReference: string | null;
  /** The day the Ombudsman wants our reply by, in words; null when it was not recorded. */
  replyDueOn: string | null;
  finding: string | null;
  findingOn: string | null;
  recommendations: string | null;
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
                  { key: t('ombudsman:case.replyDueOn'), value: r.replyDueOn ?? t('ombudsman:case.replyNotRecorded') },
                  { key: t('ombudsman:case.outcome'), value: r.finding ? t(`ombudsman:findings.${r.finding}`) : t('ombudsman:case.waiting') },
                  ...(r.finding ? [{ key: t('ombudsman:case.findingOn'), value: r.findingOn ?? '–' }] : []),
                  ...(r.finding ? [{ key: t('ombudsman:case.recommendations'), value: r.recommendations ? <Paragraphs text={r.recommendations} /> : t('ombudsman:case.none') }] : []),
                ]}
              />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
