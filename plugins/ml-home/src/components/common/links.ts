import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  certificationRouteRef,
  compareRouteRef,
  featuresRouteRef,
  modelRouteRef,
  projectRouteRef,
} from '../../routes';

/**
 * Links between ML Home pages, built from the plugin's route refs so they follow wherever the
 * app mounts ML Home.
 */
export function useMlHomeLinks() {
  const project = useRouteRef(projectRouteRef);
  const model = useRouteRef(modelRouteRef);
  const compare = useRouteRef(compareRouteRef);
  const features = useRouteRef(featuresRouteRef);
  const certification = useRouteRef(certificationRouteRef);
  return {
    project: (projectName: string, tab?: string) =>
      `${project?.({ projectName }) ?? ''}${tab ? `/${tab}` : ''}`,
    /** A model's page; `tab` opens one of its tabs, e.g. `certification`. */
    model: (modelName: string, version?: number, tab?: string) =>
      `${model?.({ modelName }) ?? ''}${tab ? `/${tab}` : ''}${version !== undefined ? `?version=${version}` : ''}`,
    certification: () => certification?.() ?? '',
    /** A run has no page of its own: the comparison view of that one run shows it all. */
    run: (runId: string) =>
      `${compare?.() ?? ''}?runs=${encodeURIComponent(runId)}`,
    dataset: (projectName: string, datasetName: string) =>
      `${features?.() ?? ''}?${new URLSearchParams({
        project: projectName,
        q: datasetName,
        open: `${projectName}/${datasetName}`,
      })}`,
    features: () => features?.() ?? '',
  };
}
