// A heat-map as a static SVG string, drawn by echarts' server-side renderer: no DOM and no
// script, so the HTML report can inline it under a Content-Security-Policy that allows no script.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([HeatmapChart, GridComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

export interface HeatmapSpec {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly yLabels: readonly string[];
  /** [x index, y index, value]; cells without a value are left blank. */
  readonly cells: readonly (readonly [number, number, number])[];
  readonly min: number;
  readonly max: number;
  readonly digits: number;
}

export function heatmapSvg(spec: HeatmapSpec): string {
  const longestY = Math.max(4, ...spec.yLabels.map((l) => l.length));
  const left = Math.min(260, 24 + longestY * 7);
  const width = Math.max(420, left + 60 + spec.xLabels.length * 90);
  const height = Math.max(260, 130 + spec.yLabels.length * 42);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left, right: 40, top: 50, bottom: 70 },
      // Names are isolated so that an Arabic name next to a Latin one keeps its place in "A | B".
      xAxis: { type: 'category', data: spec.xLabels.map(isolate), axisLabel: { interval: 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: spec.yLabels.map(isolate), axisLabel: { interval: 0 }, inverse: true, splitArea: { show: true } },
      visualMap: { min: spec.min, max: spec.max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, text: [spec.max.toFixed(spec.digits), spec.min.toFixed(spec.digits)], calculable: false },
      series: [
        {
          type: 'heatmap',
          data: spec.cells.map((c) => [...c]),
          label: { show: true, formatter: (p: { value: unknown }) => (Array.isArray(p.value) ? Number(p.value[2]).toFixed(spec.digits) : '') },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Wraps each side of "A | B" (or a single name) in Unicode first-strong isolates (FSI … PDI). */
function isolate(label: string): string {
  return label
    .split(' | ')
    .map((part) => `\u2068${part}\u2069`)
    .join(' | ');
}
