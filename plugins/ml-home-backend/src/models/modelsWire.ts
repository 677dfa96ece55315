import type * as Wire from '@ml-home/plugin-ml-home-common';
import {
  AliasHistoryEntry,
  Model,
  ModelAlias,
  ModelVersion,
} from '../domain/types';

/* Models, versions and aliases → wire: ISO times. */

export function modelAliasToWire(a: ModelAlias): Wire.ModelAlias {
  return {
    alias: a.alias,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: a.updatedBy,
  };
}

export function modelToWire(m: Model): Wire.Model {
  return {
    id: m.id,
    project: m.project,
    name: m.name,
    description: m.description,
    owner: m.owner,
    ownerIsProjectOwner: m.ownerIsProjectOwner,
    ...(m.latestVersion !== undefined
      ? { latestVersion: m.latestVersion }
      : {}),
    versionCount: m.versionCount,
    aliases: m.aliases.map(modelAliasToWire),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    createdBy: m.createdBy,
    ...(m.certificationLevel
      ? { certificationLevel: m.certificationLevel }
      : {}),
  };
}

export function modelVersionToWire(v: ModelVersion): Wire.ModelVersion {
  return {
    id: v.id,
    model: v.model,
    version: v.version,
    ...(v.runId ? { runId: v.runId } : {}),
    artifactUri: v.artifactUri,
    framework: v.framework,
    description: v.description,
    modelCard: v.modelCard,
    aliases: v.aliases,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}

export function aliasHistoryToWire(
  e: AliasHistoryEntry,
): Wire.AliasHistoryEntry {
  return {
    alias: e.alias,
    ...(e.fromVersion !== undefined ? { fromVersion: e.fromVersion } : {}),
    ...(e.toVersion !== undefined ? { toVersion: e.toVersion } : {}),
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
  };
}
