import { EmptyState, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { EvaluationSummary } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { EvaluationComparison } from '../EvaluationComparison';

/** The most evaluations the slice comparison takes. */
const MAX_EVALUATIONS = 20;

/**
 * Picks one evaluation per version so that the versions are compared on the same data: the
 * dataset most of them were evaluated on (the first version's, on a tie), and each version's
 * newest evaluation on it. Versions without one are left out and named.
 */
export function pickComparableEvaluations(
  perVersion: { label: string; evaluations: EvaluationSummary[] }[],
): { ids: string[]; dataset?: string; missing: string[] } {
  const key = (e: EvaluationSummary) =>
    `${e.dataset.project}/${e.dataset.name}`;
  const counts = new Map<string, number>();
  for (const { evaluations } of perVersion) {
    for (const dataset of new Set(evaluations.map(key))) {
      counts.set(dataset, (counts.get(dataset) ?? 0) + 1);
    }
  }
  let dataset: string | undefined;
  for (const { evaluations } of perVersion) {
    for (const e of evaluations) {
      const k = key(e);
      if (!dataset || counts.get(k)! > counts.get(dataset)!) dataset = k;
    }
  }
  const ids: string[] = [];
  const missing: string[] = [];
  for (const { label, evaluations } of perVersion) {
    // Lists come newest first.
    const match = evaluations.find(e => key(e) === dataset);
    if (match) ids.push(match.id);
    else missing.push(label);
  }
  return { ids: ids.slice(0, MAX_EVALUATIONS), dataset, missing };
}

/**
 * Per-slice evaluation deltas of compared model versions, against the first version.
 *
 * @public
 */
export function VersionEvaluationsSection(props: {
  versions: { model: string; version: number }[];
}) {
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const key = props.versions.map(v => `${v.model}:${v.version}`).join(',');
  const state = useAsyncRetry(async () => {
    const perVersion = await Promise.all(
      props.versions.map(async v => ({
        label: t('compare.versionEvaluations.label', {
          model: v.model,
          version: String(v.version),
        }),
        evaluations: (
          await api.listEvaluations({
            model: v.model,
            version: v.version,
            limit: 100,
          })
        ).items,
      })),
    );
    return pickComparableEvaluations(perVersion);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  if (state.loading) return <Progress />;
  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('compare.versionEvaluations.failed')}
        onRetry={state.retry}
      />
    );
  }
  const picked = state.value!;
  if (picked.ids.length < 2) {
    return (
      <EmptyState
        missing="data"
        title={t('compare.versionEvaluations.tooFewTitle')}
        description={t('compare.versionEvaluations.tooFewDescription')}
      />
    );
  }
  return (
    <>
      <p>
        {t('compare.versionEvaluations.onDataset', {
          dataset: <strong>{picked.dataset}</strong>,
        })}
        {picked.missing.length
          ? t('compare.versionEvaluations.notEvaluated', {
              versions: picked.missing.join(', '),
            })
          : ''}
      </p>
      <EvaluationComparison evaluationIds={picked.ids} />
    </>
  );
}
