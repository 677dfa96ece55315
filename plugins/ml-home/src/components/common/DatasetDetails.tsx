import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { Feature } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { LoadErrorPanel } from './LoadErrorPanel';
import { useMlHomeLinks } from './links';
import { tableOptions } from './tableOptions';

const featureColumns: TableColumn<Feature>[] = [
  { title: 'Feature', field: 'name' },
  { title: 'Type', field: 'type' },
  { title: 'Description', field: 'description' },
];

/**
 * A dataset's schema and who consumes it: the runs that read it and the model versions those
 * runs produced. Loads the dataset when shown.
 */
export function DatasetDetails(props: { project: string; name: string }) {
  const { project, name } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
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
        title={`The dataset ${name} could not be loaded`}
        onRetry={state.retry}
      />
    );
  }
  const dataset = state.value;
  const consumers = dataset.consumers;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={7}>
        <Typography variant="body2" gutterBottom>
          Project:{' '}
          <Link to={links.project(dataset.project, 'data')}>
            {dataset.project}
          </Link>
        </Typography>
        {dataset.uri ? (
          <Typography variant="body2" gutterBottom>
            Location: <code>{dataset.uri}</code>
          </Typography>
        ) : null}
        <Table<Feature>
          title={`Schema (${dataset.features.length} features)`}
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
              <Typography variant="body2">
                No schema recorded. Send the features (name, type, description)
                when you register the dataset.
              </Typography>
            </Box>
          }
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <Typography variant="h6" component="h4">
          Models trained on it
        </Typography>
        {consumers?.modelVersions.length ? (
          <List dense aria-label={`Model versions trained on ${name}`}>
            {consumers.modelVersions.map(mv => (
              <ListItem key={`${mv.model}/${mv.version}`}>
                <ListItemText
                  primary={
                    <Link to={links.model(mv.model, mv.version)}>
                      {mv.model} v{mv.version}
                    </Link>
                  }
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography variant="body2" color="textSecondary" paragraph>
            No registered model version was trained on it yet.
          </Typography>
        )}
        <Typography variant="h6" component="h4">
          Runs that read it
          {consumers ? ` (${consumers.runCount.toLocaleString()})` : ''}
        </Typography>
        {consumers?.runs.length ? (
          <>
            <List dense aria-label={`Runs that read ${name}`}>
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
                The {consumers.runs.length} most recent of{' '}
                {consumers.runCount.toLocaleString()} runs.
              </Typography>
            ) : null}
          </>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No run has declared it as an input. Runs declare their inputs with
            POST /api/ml-home/runs/&#123;id&#125;/inputs.
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
