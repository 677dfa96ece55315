import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Model } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';

/** True when the API answered 404: the thing asked for does not exist (or is hidden from us). */
export function isNotFound(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 404;
}

/**
 * The ML Home models with these names, read in parallel. A name ML Home does not know maps to
 * `null` (a stale annotation or a deleted model), so the page can say so next to the others;
 * any other failure fails the whole read, to be retried.
 */
export function useModels(names: string[]) {
  const api = useApi(mlHomeApiRef);
  const key = names.join(',');
  const state = useAsyncRetry(async () => {
    const entries = await Promise.all(
      (key ? key.split(',') : []).map(async name => {
        try {
          return [name, await api.getModel(name)] as const;
        } catch (error) {
          if (isNotFound(error)) return [name, null] as const;
          throw error;
        }
      }),
    );
    return { key, models: new Map<string, Model | null>(entries) };
  }, [api, key]);
  // While other names load, the previous answer is still there: never show it for these names.
  const current = state.value?.key === key ? state.value.models : undefined;
  return {
    loading: state.loading || (!state.error && !current),
    error: state.error,
    value: current,
    retry: state.retry,
  };
}
