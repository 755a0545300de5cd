// An echarts option for one heat-map, from HeatmapData and the words of the interface language.
// Empty cells carry their reason for the tooltip; the same option draws the page and the SVG file.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TitleComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { HeatmapData } from './heatmap-data';

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption>;

/** The article's Arabic font first, so Arabic names and labels are shaped by it in the canvas and the SVG. */
export const CHART_FONT_FAMILY = "'Noto Naskh Arabic', 'Isnad UI Arabic', system-ui, sans-serif";

export interface HeatmapWords {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly yLabels: readonly string[];
  /** Tooltip text of an empty cell: its reason, in words. */
  readonly emptyCell: (reason: string | undefined) => string;
  readonly formatValue: (value: number, digits: number) => string;
  readonly rtl: boolean;
}

export function heatmapOption(data: HeatmapData, words: HeatmapWords): HeatmapOption {
  const values = data.cells.map((c) => ({ value: [c.x, c.y, c.value ?? '-'] as [number, number, number | string], reason: c.reason }));
  const longest = Math.max(4, ...words.yLabels.map((l) => l.length));
  const sideMargin = Math.min(220, 24 + longest * 8);
  // Column names that would not fit side by side are slanted, with room made for them below.
  const longestColumn = Math.max(1, ...words.xLabels.map((l) => l.length));
  const slant = words.xLabels.length * longestColumn * 8 > 480 ? 30 : 0;
  const bottom = slant === 0 ? 56 : Math.min(160, 40 + longestColumn * 5);
  return {
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    animation: false,
    title: { text: words.title, left: words.rtl ? 'right' : 'left', textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 15, fontWeight: 'bold' } },
    tooltip: {
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const item = p?.data as { value: [number, number, number | string]; reason?: string } | undefined;
        if (item === undefined) return '';
        const [x, y, v] = item.value;
        const cell = typeof v === 'number' ? words.formatValue(v, data.digits) : words.emptyCell(item.reason);
        return `${escapeHtml(words.yLabels[y] ?? '')} × ${escapeHtml(words.xLabels[x] ?? '')}: ${escapeHtml(cell)}`;
      },
    },
    // Labels sit on the reading side: the row names at the right in Arabic, the first column at the right.
    grid: { top: 48, bottom, left: words.rtl ? 70 : sideMargin, right: words.rtl ? sideMargin : 70, containLabel: false },
    xAxis: { type: 'category', data: [...words.xLabels], inverse: words.rtl, splitArea: { show: true }, axisLabel: { interval: 0, rotate: words.rtl ? -slant : slant, fontFamily: CHART_FONT_FAMILY, fontSize: 13 } },
    yAxis: { type: 'category', data: [...words.yLabels], inverse: true, position: words.rtl ? 'right' : 'left', splitArea: { show: true }, axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 } },
    visualMap: {
      min: data.min,
      max: data.max,
      calculable: false,
      orient: 'vertical',
      [words.rtl ? 'left' : 'right']: 8,
      top: 'middle',
      itemHeight: 120,
      precision: data.digits,
      inRange: { color: data.min < 0 ? ['#b42318', '#f8f7f4', '#0e5e63'] : ['#f8f7f4', '#7fb8b3', '#0a4649'] },
      textStyle: { fontFamily: CHART_FONT_FAMILY },
    },
    series: [
      {
        type: 'heatmap',
        data: values,
        label: {
          show: true,
          fontFamily: CHART_FONT_FAMILY,
          fontSize: 13,
          formatter: (p) => {
            const v = (p.data as { value: [number, number, number | string] }).value[2];
            return typeof v === 'number' ? words.formatValue(v, data.digits) : '—';
          },
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#1d2327', borderWidth: 1 } },
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
