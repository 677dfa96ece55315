import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Slider from '@material-ui/core/Slider';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useMemo, useState } from 'react';
import { mlHomeTranslationRef } from '../../translation';
import { EChart } from './EChart';
import {
  CurveSeries,
  CurveSettings,
  CurveXAxis,
  DEFAULT_CURVE_SETTINGS,
  MAX_SMOOTHING,
  buildMetricCurvesOption,
  summarizeCurves,
} from './metricCurves';

/**
 * Props of {@link MetricCurvesChart}.
 *
 * @public
 */
export interface MetricCurvesChartProps {
  /** The curves to overlay, e.g. one run's history of the metric each. */
  series: CurveSeries[];
  /** The metric's key, shown on the y axis and in the accessible name. */
  metricKey: string;
  height?: number;
  /** Controlled settings (e.g. kept in the URL); leave out to let the chart keep its own. */
  settings?: CurveSettings;
  onSettingsChange?: (settings: CurveSettings) => void;
  /** Hides the x-axis, log and smoothing controls (e.g. when one set of controls drives several charts). */
  hideControls?: boolean;
}

const REPLACE_SERIES = ['series'];

const SMOOTHING_MARKS = [
  { value: 0, label: '0' },
  { value: 0.6, label: '0.6' },
  { value: MAX_SMOOTHING, label: '0.99' },
];

/**
 * Props of {@link CurveSettingsControls}.
 *
 * @public
 */
export interface CurveSettingsControlsProps {
  settings: CurveSettings;
  onChange: (settings: CurveSettings) => void;
  /** Makes the control ids unique when several charts are on one page. */
  idPrefix: string;
}

/**
 * The labelled controls of a metric-curve chart: x axis, log scale and smoothing.
 *
 * @public
 */
export function CurveSettingsControls(props: CurveSettingsControlsProps) {
  const { settings, onChange, idPrefix } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const xId = `${idPrefix}-x-axis`;
  const smoothingId = `${idPrefix}-smoothing`;
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 24,
        alignItems: 'center',
      }}
    >
      <FormControl size="small" style={{ minWidth: 150 }}>
        <InputLabel id={`${xId}-label`}>{t('charts.xAxis')}</InputLabel>
        <Select
          labelId={`${xId}-label`}
          id={xId}
          value={settings.xAxis}
          onChange={e =>
            onChange({ ...settings, xAxis: e.target.value as CurveXAxis })
          }
        >
          <MenuItem value="step">{t('charts.step')}</MenuItem>
          <MenuItem value="time">{t('charts.time')}</MenuItem>
          <MenuItem value="relative">{t('charts.relativeTime')}</MenuItem>
        </Select>
      </FormControl>
      <FormControlLabel
        control={
          <Switch
            id={`${idPrefix}-log`}
            checked={settings.logScale}
            onChange={e =>
              onChange({ ...settings, logScale: e.target.checked })
            }
            color="primary"
          />
        }
        label={t('charts.logScale')}
      />
      <div style={{ minWidth: 220, flex: '0 1 280px' }}>
        <Typography id={`${smoothingId}-label`} variant="caption">
          {t('charts.smoothing', { value: settings.smoothing.toFixed(2) })}
        </Typography>
        <Slider
          id={smoothingId}
          aria-labelledby={`${smoothingId}-label`}
          value={settings.smoothing}
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          marks={SMOOTHING_MARKS}
          onChange={(_e, value) =>
            onChange({ ...settings, smoothing: value as number })
          }
        />
      </div>
    </div>
  );
}

/**
 * Overlaid metric curves with the controls practitioners expect from TensorBoard: x axis by step,
 * time or relative time, log scale, exponential-moving-average smoothing, and zoom (wheel or
 * drag on the plot, the slider below it, or a box from the toolbox).
 *
 * @public
 */
export function MetricCurvesChart(props: MetricCurvesChartProps) {
  const {
    series,
    metricKey,
    height = 360,
    onSettingsChange,
    hideControls,
  } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [ownSettings, setOwnSettings] = useState(DEFAULT_CURVE_SETTINGS);
  const settings = props.settings ?? ownSettings;
  const change = (next: CurveSettings) => {
    if (!props.settings) setOwnSettings(next);
    onSettingsChange?.(next);
  };
  const option = useMemo(
    () => buildMetricCurvesOption(series, settings, t, { metricKey }),
    [series, settings, metricKey, t],
  );
  const summary = useMemo(
    () => summarizeCurves(series, t, metricKey),
    [series, metricKey, t],
  );
  const idPrefix = `curves-${metricKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div>
      {hideControls ? null : (
        <CurveSettingsControls
          settings={settings}
          onChange={change}
          idPrefix={idPrefix}
        />
      )}
      <EChart
        option={option}
        height={height}
        // Keep the zoom window and legend selection while smoothing or scale change.
        replaceMerge={REPLACE_SERIES}
        ariaLabel={t('charts.lineChart', {
          metric: metricKey,
          count: series.length,
        })}
        summary={
          <ul>
            {summary.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        }
      />
    </div>
  );
}
