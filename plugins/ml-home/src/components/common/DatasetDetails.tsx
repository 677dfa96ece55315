import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { Feature } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from './LoadErrorPanel';
import { useMlHomeLinks } from './links';
import { tableOptions } from './tableOptions';

/**
 * A dataset's schema and who consumes it: the runs that read it and the model versions those
 * runs produced. Loads the dataset when shown.
 */
export function DatasetDetails(props: { project: string; name: string }) {
  const { project, name } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const state = useAsyncRetry(
    () => api.getDataset(project, name),
    [api, project, name],
  );
  if (state.loading) {
    return <Progress />;
  }
  if (state.error || !state.value) {
    return (
      <LoadErrorPanel
        error={state.error ?? new Error('No dataset')}
        title={t('datasets.loadFailed', { name })}
        onRetry={state.retry}
      />
    );
  }
  const dataset = state.value;
  const featureColumns: TableColumn<Feature>[] = [
    { title: t('datasets.featureColumn'), field: 'name' },
    { title: t('datasets.typeColumn'), field: 'type' },
    { title: t('datasets.descriptionColumn'), field: 'description' },
  ];
  const consumers = dataset.consumers;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={7}>
        <Typography variant="body2" gutterBottom>
          {t('datasets.project', {
            project: (
              <Link to={links.project(dataset.project, 'data')}>
                {dataset.project}
              </Link>
            ),
          })}
        </Typography>
        {dataset.uri ? (
          <Typography variant="body2" gutterBottom>
            {t('datasets.location', { uri: <code>{dataset.uri}</code> })}
          </Typography>
        ) : null}
        <Table<Feature>
          title={t('datasets.schemaTitle', {
            count: dataset.features.length,
          })}
          columns={featureColumns}
          data={dataset.features}
          options={{
            ...tableOptions,
            paging: dataset.features.length > 20,
            pageSize: 20,
            search: dataset.features.length > 20,
            padding: 'dense',
          }}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">{t('datasets.noSchema')}</Typography>
            </Box>
          }
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <Typography variant="h6" component="h4">
          {t('datasets.modelsTrainedOnIt')}
        </Typography>
        {consumers?.modelVersions.length ? (
          <List
            dense
            aria-label={t('datasets.modelVersionsTrainedOn', { name })}
          >
            {consumers.modelVersions.map(mv => (
              <ListItem key={`${mv.model}/${mv.version}`}>
                <ListItemText
                  primary={
                    <Link to={links.model(mv.model, mv.version)}>
                      {t('datasets.modelVersion', {
                        model: mv.model,
                        version: String(mv.version),
                      })}
                    </Link>
                  }
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography variant="body2" color="textSecondary" paragraph>
            {t('datasets.noModelVersion')}
          </Typography>
        )}
        <Typography variant="h6" component="h4">
          {consumers
            ? t('datasets.runsThatReadItCount', { count: consumers.runCount })
            : t('datasets.runsThatReadIt')}
        </Typography>
        {consumers?.runs.length ? (
          <>
            <List dense aria-label={t('datasets.runsThatRead', { name })}>
              {consumers.runs.map(run => (
                <ListItem key={run.runId}>
                  <ListItemText
                    primary={
                      <Link to={links.run(run.runId)}>
                        {run.name || run.runId.slice(0, 8)}
                      </Link>
                    }
                    secondary={
                      <Link to={links.project(run.project)}>{run.project}</Link>
                    }
                  />
                </ListItem>
              ))}
            </List>
            {consumers.runCount > consumers.runs.length ? (
              <Typography variant="caption" color="textSecondary">
                {t('datasets.mostRecentOf', {
                  shown: consumers.runs.length,
                  count: consumers.runCount,
                })}
              </Typography>
            ) : null}
          </>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('datasets.noRun')}
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
