import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';

/**
 * The ML Home landing page.
 *
 * @public
 */
export const MlHomePage = () => {
  const api = useApi(mlHomeApiRef);
  const health = useAsyncRetry(() => api.getHealth(), [api]);

  let body: JSX.Element;
  if (health.loading) {
    body = <Progress aria-label="Loading ML Home" />;
  } else if (health.error) {
    body = (
      <>
        <ResponseErrorPanel error={health.error} title="ML Home is unreachable" />
        <Button variant="outlined" color="primary" onClick={health.retry}>
          Retry
        </Button>
      </>
    );
  } else {
    body = (
      <EmptyState
        missing="data"
        title="No ML projects yet"
        description="ML projects gather your team's experiments, runs, models, evaluations and deployments. Log runs with the batch API or an MLflow client to create the first one."
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="ML Home"
        subtitle="Every machine-learning project, model and run of the organisation in one place"
      />
      <Content>
        <ContentHeader title="Projects">
          <SupportButton>
            ML Home gathers ML projects, experiments, models and their production readiness.
          </SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
