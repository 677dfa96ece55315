import {
  CodeSnippet,
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { MlflowImport } from '@ml-home/plugin-ml-home-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { tableOptions } from '../common/tableOptions';

const CONFIG_EXAMPLE = `mlHome:
  mlflowImport:
    servers:
      - id: prod
        url: https://mlflow.example.com
        token: \${MLFLOW_IMPORT_TOKEN}
        experiments: all
        project: churn`;

/** A running import's progress, or the last import's, as a bar with its numbers in words. */
function ImportProgress(props: { item: MlflowImport }) {
  const { item } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  if (item.status === 'never') return <>{t('imports.notYet')}</>;
  const percent =
    item.itemsTotal > 0
      ? Math.round((100 * item.itemsDone) / item.itemsTotal)
      : 0;
  const label = t('imports.progressLabel', {
    done: item.itemsDone,
    total: item.itemsTotal,
    points: item.pointsDone,
  });
  return (
    <Box minWidth={160}>
      <LinearProgress
        variant="determinate"
        value={item.status === 'succeeded' ? 100 : percent}
        aria-label={t('imports.progressFor', { server: item.serverId })}
        aria-valuetext={label}
      />
      <Typography variant="caption">{label}</Typography>
    </Box>
  );
}

type ImportLogEntry = MlflowImport['recent'][number];

/** One server's latest imports, newest first: when, why, how far, and what went wrong. */
function RecentImports(props: { item: MlflowImport }) {
  const { item } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const columns: TableColumn<ImportLogEntry>[] = [
    {
      title: t('imports.startedColumn'),
      field: 'startedAt',
      render: entry => <RelativeTime value={entry.startedAt} />,
    },
    {
      title: t('imports.triggerColumn'),
      field: 'trigger',
      render: entry => t(`imports.trigger.${entry.trigger}`),
    },
    {
      title: t('imports.statusColumn'),
      field: 'status',
      render: entry => t(`imports.logStatus.${entry.status}`),
    },
    {
      title: t('imports.itemsColumn'),
      field: 'itemsDone',
      render: entry =>
        t('imports.itemsValue', {
          done: entry.itemsDone,
          total: entry.itemsTotal,
        }),
    },
    {
      title: t('imports.pointsColumn'),
      field: 'pointsDone',
      type: 'numeric',
      render: entry => t('imports.pointsValue', { points: entry.pointsDone }),
    },
    {
      title: t('imports.errorColumn'),
      field: 'error',
      render: entry => entry.error ?? t('imports.noError'),
    },
  ];
  return (
    <Box mt={2}>
      <Table<ImportLogEntry>
        title={t('imports.recentTitle', { server: item.serverId })}
        columns={columns}
        data={item.recent}
        options={{
          ...tableOptions,
          paging: false,
          search: false,
          padding: 'dense',
        }}
      />
    </Box>
  );
}

/**
 * The imports from MLflow tracking servers, for the portal's admins: each configured server with
 * its last import, status, progress, last error and next attempt, and a button to import now; then
 * a table per server of its latest imports.
 *
 * @public
 */
export const ImportsPage = () => {
  const api = useApi(mlHomeApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(() => api.listMlflowImports(), [api]);
  const [starting, setStarting] = useState<string>();
  const [announcement, setAnnouncement] = useState('');

  const runNow = async (serverId: string) => {
    setStarting(serverId);
    try {
      await api.runMlflowImport(serverId);
      setAnnouncement(t('imports.started', { server: serverId }));
      state.retry();
    } catch (error) {
      setAnnouncement(
        t('imports.startFailed', {
          server: serverId,
          reason: (error as Error).message,
        }),
      );
    } finally {
      setStarting(undefined);
    }
  };

  const statusText = (item: MlflowImport) =>
    ({
      never: t('imports.status.never'),
      running: t('imports.status.running'),
      succeeded: t('imports.status.succeeded'),
      failed: t('imports.status.failed', { count: item.failures }),
    })[item.status];

  const columns: TableColumn<MlflowImport>[] = [
    {
      title: t('imports.serverColumn'),
      field: 'serverId',
      render: item => (
        <>
          <Typography variant="body2">{item.serverId}</Typography>
          <Typography variant="caption">{item.url}</Typography>
        </>
      ),
    },
    { title: t('imports.projectColumn'), field: 'project' },
    {
      title: t('imports.statusColumn'),
      field: 'status',
      render: statusText,
    },
    {
      title: t('imports.lastRunColumn'),
      field: 'finishedAt',
      render: item => {
        const at = item.status === 'running' ? item.startedAt : item.finishedAt;
        return at ? <RelativeTime value={at} /> : t('imports.notYet');
      },
    },
    {
      title: t('imports.progressColumn'),
      field: 'itemsDone',
      render: item => <ImportProgress item={item} />,
    },
    {
      title: t('imports.lastErrorColumn'),
      field: 'lastError',
      render: item =>
        item.lastError ? (
          <Typography variant="body2" color="error">
            {item.lastError}
          </Typography>
        ) : (
          t('imports.noError')
        ),
    },
    {
      title: t('imports.nextAttemptColumn'),
      field: 'nextAttemptAt',
      render: item =>
        item.nextAttemptAt ? (
          <RelativeTime value={item.nextAttemptAt} />
        ) : (
          t('imports.soon')
        ),
    },
    {
      title: t('imports.actionsColumn'),
      field: 'serverId',
      render: item => (
        <Button
          variant="outlined"
          color="primary"
          size="small"
          disabled={starting !== undefined || item.status === 'running'}
          aria-label={t('imports.runNowFor', { server: item.serverId })}
          onClick={() => runNow(item.serverId)}
        >
          {t('imports.runNow')}
        </Button>
      ),
    },
  ];

  let body: JSX.Element;
  if (state.error) {
    const denied =
      (state.error as { response?: { status?: number } }).response?.status ===
      403;
    body = (
      <LoadErrorPanel
        error={state.error}
        title={denied ? t('imports.denied') : t('imports.loadFailed')}
        onRetry={state.retry}
      />
    );
  } else if (!state.loading && state.value?.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('imports.emptyTitle')}
        description={t('imports.emptyDescription')}
        action={
          <CodeSnippet
            language="yaml"
            text={CONFIG_EXAMPLE}
            showCopyCodeButton
          />
        }
      />
    );
  } else {
    body = (
      <>
        <Table<MlflowImport>
          title={t('imports.tableTitle')}
          isLoading={state.loading}
          columns={columns}
          data={state.value?.items ?? []}
          options={{
            ...tableOptions,
            paging: false,
            search: false,
            padding: 'dense',
          }}
        />
        {(state.value?.items ?? [])
          .filter(item => item.recent.length > 0)
          .map(item => (
            <RecentImports key={item.serverId} item={item} />
          ))}
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        type={t('title')}
        typeLink={rootLink?.()}
      />
      <Content>
        <ContentHeader title={t('imports.contentTitle')}>
          <Button
            variant="outlined"
            onClick={state.retry}
            disabled={state.loading}
          >
            {t('imports.refresh')}
          </Button>
        </ContentHeader>
        <Typography role="status" aria-live="polite" variant="body2">
          {announcement}
        </Typography>
        {body}
      </Content>
    </Page>
  );
};
