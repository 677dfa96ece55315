import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useComponentOwners } from '../../hooks/useComponentOwners';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { Deployment } from '@ml-home/plugin-ml-home-common';
import { useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { MetricCurvesChart, type CurveSeries } from '../charts';
import { CatalogRefLink } from '../common/CatalogRefLink';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { shortEntityRef } from '../common/format';
import { useMlHomeLinks } from '../common/links';
import { DeploymentStatus } from '../ProjectPage/DeploymentsTab';
import { RelativeTime } from '../common/RelativeTime';
import { tableOptions } from '../common/tableOptions';

/** Metrics that serving systems commonly report; any other name can be typed. */
export const SUGGESTED_MONITORING_METRICS = [
  'latency_p99_ms',
  'latency_p50_ms',
  'error_rate',
  'requests_per_second',
  'prediction_drift',
];

const MAX_POINTS = 500;
const TIME_SETTINGS = { xAxis: 'time' as const, logScale: false, smoothing: 0 };

/** One metric of every active deployment over time, overlaid in one chart. */
function MonitoringChart(props: { deployments: Deployment[]; metric: string }) {
  const { deployments, metric } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(async () => {
    const series = await Promise.all(
      deployments.map(d =>
        api.getMonitoring(d.id, metric, { maxPoints: MAX_POINTS }),
      ),
    );
    return series.map((s, i): CurveSeries => ({
      name: t('model.deployments.series', {
        environment: deployments[i].environment,
        service: shortEntityRef(deployments[i].service),
      }),
      points: s.points.map((p, step) => ({
        step,
        value: p.value,
        timestamp: p.timestamp,
      })),
    }));
  }, [api, metric, deployments.map(d => d.id).join(',')]);
  if (state.loading) return <Progress />;
  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('model.deployments.seriesFailed', { metric })}
        onRetry={state.retry}
      />
    );
  }
  const series = (state.value ?? []).filter(s => s.points.length);
  if (!series.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('model.deployments.noPoints', { metric })}
      </Typography>
    );
  }
  return (
    <MetricCurvesChart
      series={series}
      metricKey={metric}
      settings={TIME_SETTINGS}
      hideControls
      height={280}
    />
  );
}

/**
 * The model's deployments (version, environment, serving service) and, for the active ones, a
 * monitoring metric over time.
 */
export function DeploymentsCard(props: {
  deployments: Deployment[];
  loading: boolean;
  error?: Error;
  onRetry: () => void;
  metric: string;
  onMetricChange: (metric: string) => void;
  /** A deployment picked elsewhere (the lineage graph), highlighted and scrolled to. */
  selectedId?: string;
}) {
  const {
    deployments,
    loading,
    error,
    onRetry,
    metric,
    onMetricChange,
    selectedId,
  } = props;
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const owners = useComponentOwners(props.deployments.map(d => d.service));
  const selectedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selectedId) selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId, deployments]);
  const active = deployments.filter(d => d.status === 'active');
  const columns: TableColumn<Deployment>[] = [
    {
      title: t('model.deployments.versionColumn'),
      field: 'version',
      render: d => (
        <Box
          id={`deployment-${d.id}`}
          fontWeight={d.id === selectedId ? 'bold' : undefined}
          {...({
            ref: d.id === selectedId ? selectedRef : undefined,
          } as object)}
        >
          <Link to={links.model(d.model, d.version)}>
            {t('model.deployments.version', { version: String(d.version) })}
          </Link>
        </Box>
      ),
    },
    { title: t('model.deployments.environmentColumn'), field: 'environment' },
    {
      title: t('model.deployments.serviceColumn'),
      field: 'service',
      render: d => (
        <EntityRefLink entityRef={d.service} defaultKind="component" />
      ),
    },
    {
      title: t('model.deployments.serviceOwnerColumn'),
      field: 'service',
      render: d =>
        owners.get(d.service) ? (
          <CatalogRefLink
            entityRef={owners.get(d.service)!}
            defaultKind="group"
          />
        ) : (
          t('model.deployments.unknown')
        ),
    },
    {
      title: t('model.deployments.endpointColumn'),
      field: 'endpoint',
      render: d =>
        /^https?:\/\//.test(d.endpoint) ? (
          <Link to={d.endpoint}>{d.endpoint}</Link>
        ) : (
          d.endpoint || '—'
        ),
    },
    {
      title: t('model.deployments.statusColumn'),
      field: 'status',
      render: d => <DeploymentStatus status={d.status} />,
    },
    {
      title: t('model.deployments.deployedColumn'),
      field: 'deployedAt',
      render: d => <RelativeTime value={d.deployedAt} />,
    },
  ];
  return (
    <InfoCard title={t('model.deployments.title')}>
      {error ? (
        <LoadErrorPanel
          error={error}
          title={t('model.deployments.loadFailed')}
          onRetry={onRetry}
        />
      ) : (
        <Table<Deployment>
          title={t('model.deployments.tableTitle', { count: active.length })}
          isLoading={loading}
          columns={columns}
          data={deployments}
          options={{
            ...tableOptions,
            paging: deployments.length > 10,
            pageSize: 10,
            search: false,
            padding: 'dense',
            rowStyle: (d: Deployment) =>
              d.id === selectedId
                ? { background: 'rgba(25,118,210,0.08)' }
                : {},
          }}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">
                {t('model.deployments.none')}
              </Typography>
            </Box>
          }
        />
      )}
      {active.length ? (
        <Box mt={2}>
          <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={1}>
            <Typography variant="h6" component="h3">
              {t('model.deployments.monitoring')}
            </Typography>
            <Autocomplete<string, false, true, true>
              id="model-monitoring-metric"
              freeSolo
              disableClearable
              options={SUGGESTED_MONITORING_METRICS}
              value={metric}
              onChange={(_, value) => value && onMetricChange(value.trim())}
              style={{ minWidth: 260 }}
              renderInput={params => (
                <TextField
                  {...params}
                  label={t('model.deployments.metric')}
                  variant="outlined"
                  size="small"
                  helperText={t('model.deployments.metricHelp')}
                />
              )}
            />
          </Box>
          <MonitoringChart deployments={active} metric={metric} />
        </Box>
      ) : null}
    </InfoCard>
  );
}
