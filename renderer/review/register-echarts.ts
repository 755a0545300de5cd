// The parts of echarts the review page uses, registered once: heat-maps with their components, the
// canvas renderer for the page and PNG files, the SVG renderer for SVG files. Keeps the bundle small.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);
