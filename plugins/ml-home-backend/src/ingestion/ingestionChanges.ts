import { MlHomeChangeEvent } from '@ml-home/plugin-ml-home-common';
import { ChangeTable, change } from '../changes/publishChanges';
import { IngestionService } from './IngestionService';

/**
 * What a batch announces: the same as its versions, aliases and deployments would through their
 * own routes (a model updated by a new version or a moved alias, a deployment created). A replay
 * wrote nothing and announces nothing; runs, metrics and evaluations are not mirrored.
 */
export const ingestionChanges: ChangeTable<IngestionService> = {
  ingest: ([, { project }, request], result) => {
    if (result.replayed) return [];
    const moved = new Set(
      (request.modelVersions ?? [])
        .filter(v => v.aliases?.length)
        .map(v => `${v.model}\n${v.runId}`),
    );
    const models = new Set(
      (result.modelVersions ?? [])
        .filter(v => v.created || moved.has(`${v.model}\n${v.runId}`))
        .map(v => v.model),
    );
    const changes: MlHomeChangeEvent[] = [...models].map(model =>
      change('model', 'updated', project.name, model),
    );
    for (const d of result.deployments ?? []) {
      if (d.created) {
        changes.push(change('deployment', 'created', project.name, d.model));
      }
    }
    return changes;
  },
};
