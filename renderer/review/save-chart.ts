// "Save PNG" and "Save SVG" for a chart: a blob or data URL downloaded through <a download>, which
// works the same in the browser and in Electron (its save dialog).
import { init, type EChartsType } from 'echarts/core';
import { downloadBlob, downloadUrl } from '../util/download-blob';
import type { HeatmapOption } from './heatmap-option';
import './register-echarts';

export function saveChartPng(chart: EChartsType, fileName: string): void {
  downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), fileName);
}

/** Renders the option again with the SVG renderer (server-side mode: no DOM needed) at the chart's size. */
export function chartSvg(option: HeatmapOption, width: number, height: number): string {
  const svgChart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    svgChart.setOption({ ...option, backgroundColor: '#ffffff' });
    return svgChart.renderToSVGString();
  } finally {
    svgChart.dispose();
  }
}

export function saveChartSvg(option: HeatmapOption, width: number, height: number, fileName: string): void {
  downloadBlob(new Blob([chartSvg(option, width, height)], { type: 'image/svg+xml' }), fileName);
}
