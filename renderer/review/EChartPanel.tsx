// One echarts heat-map on the page (canvas), with "Save PNG" and "Save SVG". The chart is drawn
// only once the Arabic font is loaded, or the canvas would shape Arabic names in a fallback font.
import { init, type EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatmapOption } from './heatmap-option';
import './register-echarts';
import { saveChartPng, saveChartSvg } from './save-chart';

interface Props {
  option: HeatmapOption;
  /** Without extension. */
  fileName: string;
  testId: string;
  height: number;
}

const fontsReady = (): Promise<unknown> =>
  Promise.all(["13px 'Noto Naskh Arabic'", "bold 15px 'Noto Naskh Arabic'"].map((font) => document.fonts.load(font, 'عربي'))).catch(() => undefined);

export function EChartPanel({ option, fileName, testId, height }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement | null>(null);
  const chart = useRef<EChartsType | null>(null);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const created = init(element, null, { renderer: 'canvas' });
    chart.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setRendered(false);
    void fontsReady().then(() => {
      const current = chart.current;
      if (!live || current === null) return;
      current.setOption(option, { notMerge: true });
      setRendered(true);
      performance.mark('isnad:review-chart-rendered');
    });
    return () => {
      live = false;
    };
  }, [option]);

  const size = (): { width: number; height: number } => ({ width: chart.current?.getWidth() ?? 720, height: chart.current?.getHeight() ?? height });

  return (
    <figure className="review-chart" data-testid={testId} data-rendered={rendered}>
      <div ref={container} className="review-chart-canvas" style={{ blockSize: height }} />
      <figcaption className="review-chart-actions">
        <button type="button" className="button" data-testid="save-png" disabled={!rendered} onClick={() => chart.current !== null && saveChartPng(chart.current, `${fileName}.png`)}>
          {t('review.chart.savePng')}
        </button>
        <button type="button" className="button" data-testid="save-svg" disabled={!rendered} onClick={() => saveChartSvg(option, size().width, size().height, `${fileName}.svg`)}>
          {t('review.chart.saveSvg')}
        </button>
      </figcaption>
    </figure>
  );
}
