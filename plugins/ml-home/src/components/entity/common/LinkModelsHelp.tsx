import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ML_HOME_MODELS_ANNOTATION } from '../entityPredicates';

/**
 * How to tell the catalog which models a service serves: name them in its catalog-info.yaml, or
 * record a deployment that names the service. `compact` leaves out the examples (for cards).
 */
export function LinkModelsHelp(props: {
  /** The component's full ref, e.g. `component:default/churn-scoring-service`. */
  service: string;
  compact?: boolean;
}) {
  const { service, compact } = props;
  const annotationYaml = `metadata:\n  annotations:\n    ${ML_HOME_MODELS_ANNOTATION}: <model-name>, <other-model-name>`;
  const deploymentJson = JSON.stringify(
    { version: 3, environment: 'production', service },
    null,
    2,
  );
  if (compact) {
    return (
      <Typography variant="body2" color="textSecondary">
        No ML model is linked to this service. Add{' '}
        <code>{ML_HOME_MODELS_ANNOTATION}: &lt;model-name&gt;</code> to its
        catalog-info.yaml, or record a deployment in ML Home that names{' '}
        <code>{service}</code>. The ML tab shows how.
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body1" paragraph>
        Link this service to the models it serves in either of two ways:
      </Typography>
      <Typography variant="subtitle2" component="h3">
        1. Name the models in the service's catalog-info.yaml
      </Typography>
      <Typography variant="body2" paragraph>
        Add the <code>{ML_HOME_MODELS_ANNOTATION}</code> annotation with the ML
        Home model names, comma-separated. The catalog picks it up at its next
        refresh.
      </Typography>
      <CodeSnippet language="yaml" text={annotationYaml} showCopyCodeButton />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          2. Record a deployment that names the service
        </Typography>
        <Typography variant="body2" paragraph>
          When the service starts serving a model version, record it with{' '}
          <code>POST /api/ml-home/models/&lt;model-name&gt;/deployments</code>{' '}
          (or in the <code>deployments</code> of a batch ingestion,{' '}
          <code>POST /api/ml-home/projects/&lt;project&gt;/ingest</code>). Its
          active deployments show here with their version and environment.
        </Typography>
        <CodeSnippet language="json" text={deploymentJson} showCopyCodeButton />
      </Box>
    </Box>
  );
}
