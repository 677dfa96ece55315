import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Deployment } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { declaredModels, entityRefOf } from '../entityPredicates';

/** How many active deployments of one service are read at most (a service serves a handful). */
const MAX_DEPLOYMENTS = 1000;
const PAGE_SIZE = 200;

/** A model a service uses: recorded as deployed on it, named in its annotation, or both. */
export type ServedModel = {
  name: string;
  /** The service's active deployments of this model, production first. */
  deployments: Deployment[];
  /** Named in the component's `ml-home.io/models` annotation. */
  declared: boolean;
};

const ENVIRONMENT_ORDER = ['production', 'prod', 'staging', 'canary'];

function environmentRank(environment: string): number {
  const i = ENVIRONMENT_ORDER.indexOf(environment);
  return i === -1 ? ENVIRONMENT_ORDER.length : i;
}

/**
 * The ML models a component serves: its active deployments in ML Home (where the deployment's
 * service is this component) joined with the models its `ml-home.io/models` annotation names.
 * Deployed models come first, then the ones only named; each group by name.
 */
export function useServedModels(entity: Entity) {
  const api = useApi(mlHomeApiRef);
  const service = entityRefOf(entity);
  const declared = declaredModels(entity);
  const declaredKey = declared.names.join(',');
  const state = useAsyncRetry(async () => {
    const deployments: Deployment[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.listDeployments({
        service,
        status: 'active',
        limit: PAGE_SIZE,
        cursor,
      });
      deployments.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && deployments.length < MAX_DEPLOYMENTS);

    const byName = new Map<string, ServedModel>();
    for (const d of deployments) {
      const entry = byName.get(d.model) ?? {
        name: d.model,
        deployments: [],
        declared: false,
      };
      entry.deployments.push(d);
      byName.set(d.model, entry);
    }
    for (const name of declaredKey ? declaredKey.split(',') : []) {
      const entry = byName.get(name);
      if (entry) entry.declared = true;
      else byName.set(name, { name, deployments: [], declared: true });
    }
    for (const entry of byName.values()) {
      entry.deployments.sort(
        (a, b) =>
          environmentRank(a.environment) - environmentRank(b.environment) ||
          a.environment.localeCompare(b.environment) ||
          b.version - a.version,
      );
    }
    return [...byName.values()].sort(
      (a, b) =>
        Number(b.deployments.length > 0) - Number(a.deployments.length > 0) ||
        a.name.localeCompare(b.name),
    );
  }, [api, service, declaredKey]);
  return { ...state, invalidNames: declared.invalid, service };
}
