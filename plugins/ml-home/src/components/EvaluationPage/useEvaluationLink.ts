import { useRouteRef } from '@backstage/frontend-plugin-api';
import { evaluationRouteRef } from '../../routes';

/**
 * Builds links to evaluation pages from the plugin's route ref, so they follow wherever the app
 * mounts ML Home.
 */
export function useEvaluationLink(): (evaluationId: string) => string {
  const evaluation = useRouteRef(evaluationRouteRef);
  return (evaluationId: string) => evaluation?.({ evaluationId }) ?? '';
}
