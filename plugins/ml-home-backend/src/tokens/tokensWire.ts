import type * as Wire from '@ml-home/plugin-ml-home-common';
import { ProjectToken } from '../domain/types';

/* Project tokens → wire: ISO times; the secret never, except once in the creation's answer. */

export function projectTokenToWire(t: ProjectToken): Wire.ProjectToken {
  return {
    id: t.id,
    project: t.project,
    name: t.name,
    prefix: t.prefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    ...(t.lastUsedAt ? { lastUsedAt: t.lastUsedAt.toISOString() } : {}),
    ...(t.revokedAt ? { revokedAt: t.revokedAt.toISOString() } : {}),
    ...(t.revokedBy ? { revokedBy: t.revokedBy } : {}),
  };
}
