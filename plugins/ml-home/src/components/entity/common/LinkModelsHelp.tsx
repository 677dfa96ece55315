import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../../translation';
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const annotationYaml = `metadata:\n  annotations:\n    ${ML_HOME_MODELS_ANNOTATION}: <model-name>, <other-model-name>`;
  const deploymentJson = JSON.stringify(
    { version: 3, environment: 'production', service },
    null,
    2,
  );
  if (compact) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('entity.linkModels.compact', {
          annotation: (
            <code>{`${ML_HOME_MODELS_ANNOTATION}: <model-name>`}</code>
          ),
          service: <code>{service}</code>,
        })}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body1" paragraph>
        {t('entity.linkModels.intro')}
      </Typography>
      <Typography variant="subtitle2" component="h3">
        {t('entity.linkModels.annotateTitle')}
      </Typography>
      <Typography variant="body2" paragraph>
        {t('entity.linkModels.annotate', {
          annotation: <code>{ML_HOME_MODELS_ANNOTATION}</code>,
        })}
      </Typography>
      <CodeSnippet language="yaml" text={annotationYaml} showCopyCodeButton />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          {t('entity.linkModels.deploymentTitle')}
        </Typography>
        <Typography variant="body2" paragraph>
          {t('entity.linkModels.deployment', {
            route: (
              <code>
                POST /api/ml-home/models/&lt;model-name&gt;/deployments
              </code>
            ),
            field: <code>deployments</code>,
            ingest: (
              <code>POST /api/ml-home/projects/&lt;project&gt;/ingest</code>
            ),
          })}
        </Typography>
        <CodeSnippet language="json" text={deploymentJson} showCopyCodeButton />
      </Box>
    </Box>
  );
}
