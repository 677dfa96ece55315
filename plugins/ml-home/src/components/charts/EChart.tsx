import { useTheme } from '@material-ui/core/styles';
import {
  CSSProperties,
  ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './echartsSetup';

/**
 * Hides content visually while keeping it for screen readers.
 *
 * @public
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * Props of {@link EChart}.
 *
 * @public
 */
export interface EChartProps {
  /** The full chart option; a new object redraws the chart. */
  option: ChartOption;
  /** Height in pixels (the width follows the container). Defaults to 320. */
  height?: number;
  /** What the chart shows, in a few words; the accessible name of the chart. */
  ariaLabel: string;
  /** A text summary of the data for screen readers (e.g. each series' last value). */
  summary?: ReactNode;
  /**
   * Component types to replace rather than merge when the option changes, e.g. `['series']`:
   * the rest (zoom window, legend selection) then survives the update. By default every update
   * replaces the whole option.
   */
  replaceMerge?: string[];
  /** ECharts events to listen to, e.g. `{ datazoom: handler }`. */
  onEvents?: Record<string, (params: unknown) => void>;
}

/**
 * Draws an Apache ECharts option: canvas in the browser, resized with its container, disposed on
 * unmount. The container is an image for assistive technology, named by `ariaLabel` and described
 * by the visually hidden `summary`. It carries `data-rendered="true"` once ECharts has finished
 * drawing the current option, so that tests and benchmarks can wait for the drawn chart.
 *
 * @public
 */
export function EChart(props: EChartProps) {
  const {
    option,
    height = 320,
    ariaLabel,
    summary,
    replaceMerge,
    onEvents,
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();
  const dark = useTheme().palette.type === 'dark';

  // One ECharts instance per container and theme. ECharts is loaded on first use, so pages
  // without charts never download it.
  const [chart, setChart] = useState<EChartsType>();
  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    let cancelled = false;
    let release: (() => void) | undefined;
    import('./echartsSetup').then(({ loadECharts, preferredRenderer }) => {
      if (cancelled) return;
      const echarts = loadECharts();
      // A container without a size yet (a hidden tab) gets a provisional one; the resize
      // observer hands the real size over as soon as it has one.
      const instance = echarts.init(container, dark ? 'dark' : undefined, {
        renderer: preferredRenderer(),
        width: container.clientWidth > 0 ? undefined : 640,
        height: container.clientHeight > 0 ? undefined : height,
      });
      instance.on('finished', () => {
        container.dataset.rendered = 'true';
      });
      let frame: number | undefined;
      const resize = () => {
        if (frame !== undefined) return;
        frame = requestAnimationFrame(() => {
          frame = undefined;
          if (
            !instance.isDisposed() &&
            container.clientWidth > 0 &&
            container.clientHeight > 0
          ) {
            instance.resize({ width: 'auto', height: 'auto' });
          }
        });
      };
      let observer: ResizeObserver | undefined;
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(resize);
        observer.observe(container);
      } else {
        window.addEventListener('resize', resize);
      }
      release = () => {
        observer?.disconnect();
        window.removeEventListener('resize', resize);
        if (frame !== undefined) cancelAnimationFrame(frame);
        instance.dispose();
        delete container.dataset.rendered;
      };
      setChart(instance);
    });
    return () => {
      cancelled = true;
      release?.();
      setChart(undefined);
    };
    // The height only matters for the provisional size; later changes reach ECharts through
    // the container's style and the resize observer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dark]);

  // A layout effect, so that the container never shows a new label with the previous
  // drawing's data-rendered="true" (waiters would take the old drawing for the new one).
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!chart || !container || chart.isDisposed()) {
      return;
    }
    container.dataset.rendered = 'false';
    chart.setOption(
      { backgroundColor: 'transparent', ...option },
      replaceMerge ? { replaceMerge } : { notMerge: true },
    );
  }, [chart, option, replaceMerge]);

  useEffect(() => {
    if (!chart || !onEvents) {
      return undefined;
    }
    const entries = Object.entries(onEvents);
    for (const [name, handler] of entries) chart.on(name, handler);
    return () => {
      if (chart.isDisposed()) return;
      for (const [name, handler] of entries) chart.off(name, handler);
    };
  }, [chart, onEvents]);

  return (
    <div style={{ position: 'relative', width: '100%' }}>
      <div
        ref={containerRef}
        role="img"
        aria-label={ariaLabel}
        aria-describedby={summary ? summaryId : undefined}
        data-rendered="false"
        style={{ width: '100%', height }}
      />
      {summary ? (
        <div id={summaryId} style={visuallyHidden}>
          {summary}
        </div>
      ) : null}
    </div>
  );
}
