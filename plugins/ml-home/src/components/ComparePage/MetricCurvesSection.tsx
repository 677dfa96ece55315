import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { CompareResult, MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import {
  CurveSeries,
  CurveSettings,
  CurveSettingsControls,
  MetricCurvesChart,
} from '../charts';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { mapWithLimit } from './compareState';

/** Points per curve asked of the server, which downsamples keeping each bucket's extremes. */
export const CURVE_MAX_POINTS = 1000;

/** Runs per history request: the API answers up to 100 runs' series of one metric in one call. */
const RUNS_PER_REQUEST = 100;

const NO_SERIES: CurveSeries[] = [];

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

type MetricRow = CompareResult['metrics'][number];
type CurveRequest = { runId: string; label: string };

/** The runs whose history of a metric is drawn: those that logged it, with their labels. */
function curveRequests(
  runIds: (string | undefined)[],
  row: MetricRow,
  labels: string[],
): CurveRequest[] {
  return runIds.flatMap((runId, i) =>
    runId && row.last[i] !== null ? [{ runId, label: labels[i] }] : [],
  );
}

/** Fetches the curves, {@link RUNS_PER_REQUEST} runs a request, two requests at a time. */
function fetchCurves(
  api: MlHomeApi,
  wanted: CurveRequest[],
  metricKey: string,
): Promise<CurveSeries[]> {
  return mapWithLimit(chunk(wanted, RUNS_PER_REQUEST), 2, async part => {
    const { items } = await api.getMetricHistories({
      runIds: part.map(w => w.runId),
      key: metricKey,
      maxPoints: CURVE_MAX_POINTS,
    });
    return part.map(
      (w, i) => ({ name: w.label, points: items[i].points }) as CurveSeries,
    );
  }).then(parts => parts.flat());
}

/*
 * Curves asked for before their chart is on the page: the comparison starts them as soon as it
 * has its answer, so that they load while the page renders its tables and charts instead of
 * after (with 50 runs, rendering the page took longer than the histories request). Each is
 * taken once; a few at most are kept.
 */
const prefetched = new WeakMap<
  MlHomeApi,
  Map<string, Promise<CurveSeries[]>>
>();
const MAX_PREFETCHED = 4;

function prefetchKey(wanted: CurveRequest[], metricKey: string): string {
  return JSON.stringify([metricKey, wanted]);
}

/** Starts loading the curves of `metricKey` that {@link MetricCurvesSection} will draw. */
export function prefetchCurves(
  api: MlHomeApi,
  result: CompareResult,
  labels: string[],
  metricKey: string,
): void {
  const row = result.metrics.find(m => m.key === metricKey);
  if (!row) return;
  const runIds = result.items.map(i => i.runId);
  const wanted = curveRequests(runIds, row, labels);
  if (wanted.length === 0) return;
  const promise = fetchCurves(api, wanted, metricKey);
  // Whoever takes it sees the failure; one never taken must not be an unhandled rejection.
  promise.catch(() => undefined);
  let pending = prefetched.get(api);
  if (!pending) {
    pending = new Map();
    prefetched.set(api, pending);
  }
  pending.set(prefetchKey(wanted, metricKey), promise);
  for (const key of pending.keys()) {
    if (pending.size <= MAX_PREFETCHED) break;
    pending.delete(key);
  }
}

function takePrefetched(
  api: MlHomeApi,
  wanted: CurveRequest[],
  metricKey: string,
): Promise<CurveSeries[]> | undefined {
  const pending = prefetched.get(api);
  const key = prefetchKey(wanted, metricKey);
  const promise = pending?.get(key);
  pending?.delete(key);
  return promise;
}

/** One metric's curves of every item that logged it. */
function MetricCurvesForKey(props: {
  metricKey: string;
  row: CompareResult['metrics'][number];
  runIds: (string | undefined)[];
  labels: string[];
  settings: CurveSettings;
}) {
  const { metricKey, row, runIds, labels, settings } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const wanted = useMemo(
    () => curveRequests(runIds, row, labels),
    [runIds, row, labels],
  );
  const histories = useAsyncRetry(
    () =>
      takePrefetched(api, wanted, metricKey) ??
      fetchCurves(api, wanted, metricKey),
    [api, wanted, metricKey],
  );
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3">
        {metricKey}
      </Typography>
      {histories.error ? (
        <LoadErrorPanel
          error={histories.error}
          title={t('compare.curves.historyFailed', { metric: metricKey })}
          onRetry={histories.retry}
        />
      ) : null}
      {histories.loading ? (
        <LinearProgress
          aria-label={t('compare.curves.loadingHistory', { metric: metricKey })}
        />
      ) : null}
      {/* Mounted while the histories load, so the chart is ready to draw when they arrive. */}
      {histories.error ? null : (
        <MetricCurvesChart
          series={histories.value ?? NO_SERIES}
          metricKey={metricKey}
          settings={settings}
          hideControls
        />
      )}
    </Box>
  );
}

/**
 * Overlaid curves of the chosen metrics, one chart per metric, with one set of controls for all.
 */
export function MetricCurvesSection(props: {
  metrics: CompareResult['metrics'];
  runIds: (string | undefined)[];
  labels: string[];
  chosen: string[];
  onChosenChange: (keys: string[]) => void;
  settings: CurveSettings;
  onSettingsChange: (settings: CurveSettings) => void;
}) {
  const {
    metrics,
    runIds,
    labels,
    chosen,
    onChosenChange,
    settings,
    onSettingsChange,
  } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const rows = new Map(metrics.map(m => [m.key, m]));
  const keys = metrics.map(m => m.key);
  const shown = chosen.filter(k => rows.has(k));
  return (
    <div>
      <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mb={1}>
        <Autocomplete
          id="ml-home-compare-curve-metrics"
          multiple
          size="small"
          style={{ minWidth: 300, flex: '1 1 300px' }}
          options={keys}
          value={shown}
          filterSelectedOptions
          disableCloseOnSelect
          onChange={(_e, next) => onChosenChange(next)}
          renderInput={params => (
            <TextField
              {...params}
              variant="outlined"
              label={t('compare.curves.metricsToPlot')}
            />
          )}
        />
        <CurveSettingsControls
          settings={settings}
          onChange={onSettingsChange}
          idPrefix="ml-home-compare-curves"
        />
      </Box>
      {shown.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('compare.curves.choose')}
        </Typography>
      ) : (
        shown.map(key => (
          <MetricCurvesForKey
            key={key}
            metricKey={key}
            row={rows.get(key)!}
            runIds={runIds}
            labels={labels}
            settings={settings}
          />
        ))
      )}
    </div>
  );
}
