// The charts tab: pairwise agreement between annotators (choose the measure and the label), the
// label confusion matrix, and the confusion of one attribute's values (e.g. claimType).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewReport } from '../../shared/review/review-report';
import { NO_SPAN } from '../../shared/review/label-confusion';
import type { PairUnitizingAlpha } from './compute-review';
import { EChartPanel } from './EChartPanel';
import { formatMeasureValue } from './format-measure';
import { attributeConfusionData, attributeKeys, hasAllLabels, labelConfusionData, PAIR_MEASURE_KINDS, pairHeatmapData, type PairMeasureKind } from './heatmap-data';
import { heatmapOption, type HeatmapWords } from './heatmap-option';
import { labelName } from './label-name';
import { overlapThreshold } from './MeasureTables';

const ALL = '*';

export function ReviewCharts({ report, pairUnitizing }: { report: ReviewReport; pairUnitizing: readonly PairUnitizingAlpha[] }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<PairMeasureKind>('overlapF1');
  const [labelChoice, setLabelChoice] = useState<string>(ALL);
  const attributes = useMemo(() => attributeKeys(report), [report]);
  // claimType first when there is one: the attribute reviewers ask about most.
  const [attributeIndex, setAttributeIndex] = useState(() => Math.max(0, attributes.findIndex((a) => a.attribute === 'claimType')));
  const labels = report.agreement.labels;
  const rtl = i18n.language === 'ar';
  const threshold = overlapThreshold(report);
  // κ exists per label only: "all labels" falls back to the first label.
  const label = labelChoice === ALL || !labels.includes(labelChoice) ? (hasAllLabels(kind) ? null : (labels[0] ?? null)) : labelChoice;

  const words = useMemo(
    () => (title: string, xLabels: readonly string[], yLabels: readonly string[]): HeatmapWords => ({
      title,
      xLabels,
      yLabels,
      rtl,
      formatValue: (value, digits) => formatMeasureValue(value, i18n.language, digits),
      emptyCell: (reason) => (reason === undefined ? t('review.chart.diagonal') : t(`review.reasons.${reason}`, { defaultValue: reason })),
    }),
    [rtl, i18n.language, t],
  );
  const categoryName = (category: string): string => (category === NO_SPAN ? t('review.chart.none') : labelName(t, category));

  const pairOption = useMemo(() => {
    const data = pairHeatmapData(report, pairUnitizing, kind, label);
    const title = t('review.chart.pairTitle', { measure: t(`review.chart.kinds.${kind}`), label: label === null ? t('review.allLabels') : labelName(t, label) });
    return heatmapOption(data, words(title, data.xLabels, data.yLabels));
  }, [report, pairUnitizing, kind, label, words, t]);

  const confusionOption = useMemo(() => {
    const data = labelConfusionData(report);
    const names = data.xLabels.map(categoryName);
    return heatmapOption(data, words(t('review.chart.labelConfusionTitle', { threshold }), names, names));
  }, [report, words, t, threshold]);

  const attribute = attributes[Math.min(attributeIndex, attributes.length - 1)];
  const attributeOption = useMemo(() => {
    if (attribute === undefined) return null;
    const data = attributeConfusionData(report, attribute);
    return heatmapOption(data, words(t('review.chart.attributeConfusionTitle', { attribute: attribute.attribute, label: labelName(t, attribute.label) }), data.xLabels, data.yLabels));
  }, [report, attribute, words, t]);

  if (report.agreement.annotators.length < 2) return <p className="review-muted">{t('review.chart.needTwo')}</p>;
  const pairHeight = Math.max(300, 120 + report.agreement.annotators.length * 56);
  const confusionHeight = Math.max(320, 120 + (labels.length + 1) * 52);

  return (
    <div className="review-charts">
      <section>
        <div className="review-chart-controls">
          <label>
            {t('review.chart.measure')}
            <select data-testid="heatmap-measure" value={kind} onChange={(event) => setKind(event.target.value as PairMeasureKind)}>
              {PAIR_MEASURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`review.chart.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('review.chart.label')}
            <select data-testid="heatmap-label" value={label ?? ALL} onChange={(event) => setLabelChoice(event.target.value)}>
              {hasAllLabels(kind) && <option value={ALL}>{t('review.allLabels')}</option>}
              {labels.map((l) => (
                <option key={l} value={l}>
                  {labelName(t, l)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <EChartPanel option={pairOption} fileName={`isnad-agreement-${kind}${label === null ? '' : `-${label}`}`} testId="pair-heatmap" height={pairHeight} />
      </section>
      <section>
        <EChartPanel option={confusionOption} fileName="isnad-label-confusion" testId="label-confusion" height={confusionHeight} />
      </section>
      {attributeOption !== null && attribute !== undefined && (
        <section>
          {attributes.length > 1 && (
            <div className="review-chart-controls">
              <label>
                {t('review.chart.attribute')}
                <select data-testid="attribute-select" value={attributeIndex} onChange={(event) => setAttributeIndex(Number(event.target.value))}>
                  {attributes.map((a, i) => (
                    <option key={`${a.label}.${a.attribute}`} value={i}>
                      {labelName(t, a.label)} · {a.attribute}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          <EChartPanel option={attributeOption} fileName={`isnad-${attribute.label}-${attribute.attribute}-confusion`} testId="attribute-confusion" height={confusionHeight} />
        </section>
      )}
    </div>
  );
}
