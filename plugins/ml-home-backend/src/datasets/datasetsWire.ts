import type * as Wire from '@ml-home/plugin-ml-home-common';
import { Dataset } from '../domain/types';

/* Datasets → wire: ISO times. */

export function datasetToWire(d: Dataset): Wire.Dataset {
  return {
    id: d.id,
    project: d.project,
    name: d.name,
    kind: d.kind,
    uri: d.uri,
    description: d.description,
    features: d.features,
    ...(d.consumers ? { consumers: d.consumers } : {}),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    createdBy: d.createdBy,
  };
}
