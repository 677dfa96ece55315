import { InputError } from '@backstage/errors';
import type { IngestBatch, IngestResult } from '@ml-home/plugin-ml-home-common';
import { CatalogChecks } from '../catalog/CatalogChecks';
import { Clock, systemClock } from '../database/clock';
import { Stores, UnitOfWork } from '../database/UnitOfWork';
import { Caller } from '../domain/Caller';
import { ProjectScope } from '../domain/scopes';
import { planAttachments } from './attachments';
import { validateBatch } from './ingestRequest';
import { ingestBatch } from './writeBatch';

/** ML Home's rules for batch ingestion. Knows nothing of permissions. */
export interface IngestionService {
  /**
   * Writes a batch of runs (with params, tags and metric points), model versions, evaluations
   * and deployments into the project, all or nothing; a retry with the batch's requestId gets the
   * first answer back.
   */
  ingest(
    caller: Caller,
    scope: ProjectScope,
    batch: IngestBatch,
  ): Promise<IngestResult>;
}

/** The rules over the stores, writing each batch in one unit of work. */
export class DefaultIngestionService implements IngestionService {
  constructor(
    private readonly stores: Stores,
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: CatalogChecks,
    private readonly clock: Clock = systemClock,
  ) {}

  async ingest(
    caller: Caller,
    { project }: ProjectScope,
    request: IngestBatch,
  ) {
    // Everything is checked before the unit of work opens: a bad batch writes nothing and holds
    // no lock.
    const batch = validateBatch(request);
    const plan = await planAttachments(this.stores, project, request);
    if (!batch.runs.length && !plan) {
      throw new InputError(
        'runs: a batch carries at least one run, model version, evaluation or deployment',
      );
    }
    await this.catalog.entitiesExist(
      (plan?.deployments ?? []).map(d => ({
        field: `${d.field}.service`,
        ref: d.service,
      })),
      'component',
    );
    return ingestBatch(
      this.unitOfWork,
      project,
      batch,
      caller.actor,
      plan,
      this.clock(),
    );
  }
}
