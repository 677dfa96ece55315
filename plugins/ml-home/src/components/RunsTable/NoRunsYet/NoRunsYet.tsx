import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../../translation';

function ingestExample(projectName: string) {
  return `curl -X POST "$BACKEND/api/ml-home/projects/${projectName}/ingest" \\
  -H "Authorization: Bearer $ML_HOME_TOKEN" -H 'Content-Type: application/json' \\
  -d '{"runs": [{"experiment": "baseline", "status": "FINISHED",
        "startTime": 1764115200000, "endTime": 1764118800000,
        "params": [{"key": "learning_rate", "value": "0.05"}],
        "metrics": [{"key": "auc", "value": 0.87, "step": 10}]}]}'`;
}

/** A project without runs: how a training script logs its first ones, with a copyable example. */
export function NoRunsYet(props: { projectName: string }) {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <EmptyState
      missing="data"
      title={t('runs.empty.title')}
      description={t('runs.empty.description')}
      action={
        <CodeSnippet
          language="bash"
          text={ingestExample(props.projectName)}
          showCopyCodeButton
        />
      }
    />
  );
}
