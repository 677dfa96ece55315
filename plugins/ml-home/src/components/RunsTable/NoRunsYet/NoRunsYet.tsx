import { CodeSnippet, EmptyState } from '@backstage/core-components';

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
  return (
    <EmptyState
      missing="data"
      title="No runs in this project yet"
      description="Runs appear here as soon as a training script logs them: with an MLflow client pointed at <backend>/api/ml-home/mlflow, or with the batch ingest API, for example:"
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
