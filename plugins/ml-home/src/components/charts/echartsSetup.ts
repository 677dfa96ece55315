/*
 * The one place that imports ECharts. Only the parts ML Home draws are
 * registered (through `echarts/core`), so the bundle carries bar, line and
 * parallel-coordinates charts and their components, not all of ECharts.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ParallelChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  ParallelComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  LineSeriesOption,
  ParallelSeriesOption,
} from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  ParallelComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

/**
 * The ECharts option type restricted to the charts and components ML Home registers, so that
 * an option using anything else fails to type-check instead of silently drawing nothing.
 *
 * @public
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ParallelSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
> & {
  // ECharts' ComposeOption turns the parallel component's dependencies into an index signature
  // that rejects every other key, so the two parallel keys are typed here instead.
  parallel?: ParallelComponentOption;
  parallelAxis?: ParallelAxisOption[];
};

/**
 * One axis of a parallel-coordinates chart (ECharts does not export its type).
 *
 * @public
 */
export interface ParallelAxisOption {
  dim: number;
  name?: string;
  type?: 'value' | 'log' | 'category';
  data?: string[];
  min?: number;
  max?: number;
  inverse?: boolean;
  nameLocation?: 'start' | 'middle' | 'end';
  nameGap?: number;
  nameTextStyle?: Record<string, unknown>;
  axisLabel?: Record<string, unknown>;
  scale?: boolean;
}

let registered = false;

/** Registers the used parts once, on first use rather than at import (the package is side-effect free). */
export function loadECharts(): typeof echarts {
  if (!registered) {
    echarts.use([
      BarChart,
      LineChart,
      ParallelChart,
      DataZoomComponent,
      GridComponent,
      LegendComponent,
      MarkLineComponent,
      ParallelComponent,
      ToolboxComponent,
      TooltipComponent,
      VisualMapContinuousComponent,
      CanvasRenderer,
      SVGRenderer,
    ]);
    if (preferredRenderer() === 'svg') {
      // Without a 2D canvas, ECharts measures text by its built-in width table instead of
      // asking a canvas that cannot answer.
      echarts.setPlatformAPI({
        createCanvas: () => null as unknown as HTMLCanvasElement,
      });
    }
    registered = true;
  }
  return echarts;
}

/**
 * Canvas draws thousands of points far faster than SVG, so it is the renderer wherever the
 * browser has a 2D canvas; without one (server-side DOMs, some locked-down embeds) the chart
 * still draws, as SVG.
 */
export function preferredRenderer(): 'canvas' | 'svg' {
  return typeof window !== 'undefined' &&
    typeof (window as { CanvasRenderingContext2D?: unknown })
      .CanvasRenderingContext2D === 'function'
    ? 'canvas'
    : 'svg';
}
