// The measures tab: per label × measure, per annotator pair, attribution links, attributes of matched
// spans, and the coding rules in words under them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OVERLAP_MIN_IOU } from '../../shared/agreement/span-matching';
import type { ReviewReport } from '../../shared/review/review-report';
import type { PairUnitizingAlpha } from './compute-review';
import { CODING_RULE_KEYS } from './coding-rule-keys';
import { labelName } from './label-name';
import { MeasureCell } from './MeasureCell';
import { attributeRows, labelRows, linkRows, pairRows, type LabelRow } from './measure-rows';

export function overlapThreshold(report: ReviewReport): number {
  const rule = report.agreement.spanF1.overlap.rule;
  return rule.kind === 'overlap' ? rule.minIoU : DEFAULT_OVERLAP_MIN_IOU;
}

export function LabelTable({ rows, threshold, testId }: { rows: readonly LabelRow[]; threshold: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="review-table-wrap">
      <table className="review-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('review.columns.label')}</th>
            <th scope="col">{t('review.columns.exactF1')}</th>
            <th scope="col">{t('review.columns.overlapF1', { threshold })}</th>
            <th scope="col">{t('review.columns.cohenKappa')}</th>
            <th scope="col">{t('review.columns.fleissKappa')}</th>
            <th scope="col">{t('review.columns.krippendorffAlpha')}</th>
            <th scope="col">{t('review.columns.unitizingAlpha')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = row.label ?? '*';
            return (
              <tr key={key} data-label={key} className={row.label === null ? 'review-total-row' : undefined}>
                <th scope="row">
                  <bdi>{row.label === null ? t('review.allLabels') : labelName(t, row.label)}</bdi>
                </th>
                <MeasureCell cell={row.exactF1} testId="exact-f1" />
                <MeasureCell cell={row.overlapF1} testId="overlap-f1" />
                <MeasureCell cell={row.cohenKappa} testId="cohen-kappa" />
                <MeasureCell cell={row.fleissKappa} testId="fleiss-kappa" />
                <MeasureCell cell={row.krippendorffAlpha} testId="krippendorff-alpha" />
                <MeasureCell cell={row.unitizingAlpha} testId="unitizing-alpha" />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function MeasureTables({ report, pairUnitizing }: { report: ReviewReport; pairUnitizing: readonly PairUnitizingAlpha[] }) {
  const { t } = useTranslation();
  const threshold = overlapThreshold(report);
  const labels = report.agreement.labels;
  const byLabel = useMemo(() => labelRows(report), [report]);
  const byPair = useMemo(() => pairRows(report, pairUnitizing), [report, pairUnitizing]);
  const links = useMemo(() => linkRows(report), [report]);
  const attributes = useMemo(() => attributeRows(report), [report]);
  return (
    <div className="review-measures">
      <section>
        <h3>{t('review.byLabel')}</h3>
        <LabelTable rows={byLabel} threshold={threshold} testId="label-table" />
      </section>

      <section>
        <h3>{t('review.byPair')}</h3>
        <div className="review-table-wrap">
          <table className="review-table" data-testid="pair-table">
            <thead>
              <tr>
                <th scope="col">{t('review.columns.pair')}</th>
                <th scope="col">{t('review.columns.documents')}</th>
                <th scope="col">{t('review.columns.exactF1')}</th>
                <th scope="col">{t('review.columns.overlapF1', { threshold })}</th>
                <th scope="col">{t('review.columns.unitizingAlpha')}</th>
                {labels.map((label) => (
                  <th scope="col" key={label}>
                    <bdi>{t('review.columns.kappaOf', { label: labelName(t, label) })}</bdi>
                  </th>
                ))}
                <th scope="col">{t('review.columns.linkPrecision')}</th>
                <th scope="col">{t('review.columns.linkRecall')}</th>
                <th scope="col">{t('review.columns.linkF1')}</th>
                <th scope="col">{t('review.columns.sameSpeaker')}</th>
              </tr>
            </thead>
            <tbody>
              {byPair.map((row) => (
                <tr key={`${row.annotatorA}\u0000${row.annotatorB}`} data-pair={`${row.annotatorA} | ${row.annotatorB}`}>
                  <th scope="row">
                    <bdi>{row.annotatorA}</bdi> ↔ <bdi>{row.annotatorB}</bdi>
                  </th>
                  <td className="measure-cell">{row.documentCount}</td>
                  <MeasureCell cell={row.exactF1} testId="exact-f1" />
                  <MeasureCell cell={row.overlapF1} testId="overlap-f1" />
                  <MeasureCell cell={row.unitizingAlpha} testId="unitizing-alpha" />
                  {row.cohenKappaByLabel.map((kappa, i) => (
                    <MeasureCell key={labels[i]} cell={kappa} testId={`cohen-kappa-${labels[i]}`} />
                  ))}
                  <MeasureCell cell={row.linkPrecision} testId="link-precision" />
                  <MeasureCell cell={row.linkRecall} testId="link-recall" />
                  <MeasureCell cell={row.linkF1} testId="link-f1" />
                  <MeasureCell cell={row.sameSpeakerShare} testId="same-speaker" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="review-columns">
        <section>
          <h3>{t('review.links')}</h3>
          <div className="review-table-wrap">
            <table className="review-table" data-testid="link-table">
              <thead>
                <tr>
                  <th scope="col">{t('review.columns.type')}</th>
                  <th scope="col">{t('review.columns.meanF1')}</th>
                  <th scope="col">{t('review.columns.sameTarget')}</th>
                </tr>
              </thead>
              <tbody>
                {links.map((row) => (
                  <tr key={row.type ?? '*'} data-type={row.type ?? '*'} className={row.type === null ? 'review-total-row' : undefined}>
                    <th scope="row">{row.type === null ? t('review.allTypes') : <code>{row.type}</code>}</th>
                    <MeasureCell cell={row.f1} testId="link-f1" />
                    <MeasureCell cell={row.sameTargetShare} testId="same-target" />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section>
          <h3>{t('review.attributes')}</h3>
          {attributes.length === 0 ? (
            <p className="review-muted">{t('review.noAttributes')}</p>
          ) : (
            <div className="review-table-wrap">
              <table className="review-table" data-testid="attribute-table">
                <thead>
                  <tr>
                    <th scope="col">{t('review.columns.pair')}</th>
                    <th scope="col">{t('review.columns.attribute')}</th>
                    <th scope="col">{t('review.columns.pairedValues')}</th>
                    <th scope="col">{t('review.columns.missingOnOneSide')}</th>
                    <th scope="col">{t('review.columns.attributeKappa')}</th>
                    <th scope="col">{t('review.columns.attributeAlpha')}</th>
                  </tr>
                </thead>
                <tbody>
                  {attributes.map((row) => (
                    <tr key={`${row.annotatorA}\u0000${row.annotatorB}\u0000${row.label}\u0000${row.attribute}`}>
                      <th scope="row">
                        <bdi>{row.annotatorA}</bdi> ↔ <bdi>{row.annotatorB}</bdi>
                      </th>
                      <td>
                        <bdi>{labelName(t, row.label)}</bdi> · <code>{row.attribute}</code>
                      </td>
                      <td className="measure-cell">{row.pairedValues}</td>
                      <td className="measure-cell">{row.missingOnOneSide}</td>
                      <MeasureCell cell={row.cohenKappa} testId="attribute-kappa" />
                      <MeasureCell cell={row.krippendorffAlpha} testId="attribute-alpha" />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>

      <section className="review-rules" data-testid="coding-rules">
        <h3>{t('review.codingRules')}</h3>
        <dl>
          {report.coding.rules.map((rule) => {
            const key = CODING_RULE_KEYS[rule.topic];
            return (
              <div key={rule.topic}>
                <dt>{key === undefined ? rule.topic : t(`review.ruleTopics.${key}`)}</dt>
                <dd>{key === undefined ? rule.text : t(`review.rules.${key}`, { threshold: report.coding.overlapMinIoU, locale: report.coding.locale })}</dd>
              </div>
            );
          })}
        </dl>
      </section>
    </div>
  );
}
