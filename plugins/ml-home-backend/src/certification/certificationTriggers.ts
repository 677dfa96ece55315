import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  ML_HOME_EVENTS_TOPIC,
  MlHomeChangeEvent,
} from '@ml-home/plugin-ml-home-common';
import { DeploymentsService } from '../deployments/DeploymentsService';
import { EvaluationsService } from '../evaluations/EvaluationsService';
import type { DefaultCertificationService } from './CertificationService';

/** Re-evaluates one model by name. */
type Reevaluate = (modelName: string) => Promise<unknown>;

/**
 * Runs re-evaluations shortly after relevant writes, at most one pending per model: writes to a
 * model within `delayMs` of each other (a pipeline registering a version, its evaluation and a
 * deployment) cost one evaluation, which starts at most `delayMs` after the first of them.
 */
export class CertificationReevaluator {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly reevaluate: Reevaluate,
    private readonly logger: LoggerService,
    private readonly delayMs = 2000,
  ) {}

  /** Asks for a re-evaluation of the model soon. */
  schedule(modelName: string): void {
    if (this.stopped || this.pending.has(modelName)) return;
    const timer = setTimeout(() => this.run(modelName), this.delayMs);
    timer.unref?.();
    this.pending.set(modelName, timer);
  }

  private run(modelName: string): Promise<void> {
    this.pending.delete(modelName);
    const done = this.reevaluate(modelName)
      .then(() => undefined)
      .catch(error =>
        this.logger.warn(
          `Certification re-evaluation of model '${modelName}' failed: ${error}`,
        ),
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  /** Runs every pending re-evaluation now and waits for all (shutdown, tests). */
  async flush(): Promise<void> {
    for (const [name, timer] of [...this.pending]) {
      clearTimeout(timer);
      this.run(name);
    }
    await Promise.all([...this.running]);
  }

  /**
   * Shutdown: drops what is pending (the scheduled task catches it up on any replica) and waits
   * for the re-evaluations already running, so none touches the database after it is closed.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.all([...this.running]);
  }
}

/**
 * Listens to the changes the backend announces (models, versions, aliases, deployments) and
 * re-evaluates the models they name.
 */
export async function subscribeToChanges(
  events: EventsService,
  reevaluator: CertificationReevaluator,
): Promise<void> {
  await events.subscribe({
    id: 'ml-home-certification',
    topics: [ML_HOME_EVENTS_TOPIC],
    async onEvent({ eventPayload }) {
      const change = eventPayload as MlHomeChangeEvent;
      if (change?.entity === 'model' || change?.entity === 'deployment') {
        if (change.action !== 'deleted') reevaluator.schedule(change.name);
      }
    },
  });
}

type UntypedMethod = (...args: unknown[]) => Promise<unknown>;

function watch<TService extends object>(
  inner: TService,
  modelsOf: Partial<Record<keyof TService, (args: any[]) => string[]>>,
  reevaluator: CertificationReevaluator,
): TService {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const models = Reflect.get(modelsOf, property) as
        ((args: unknown[]) => string[]) | undefined;
      if (typeof value !== 'function' || !models) return value;
      const method = (value as UntypedMethod).bind(target);
      return async (...args: unknown[]) => {
        const result = await method(...args);
        for (const name of models(args)) reevaluator.schedule(name);
        return result;
      };
    },
  });
}

/**
 * The writes that change a scorecard but are not announced to other plugins (evaluations,
 * thresholds, monitoring points): each schedules a re-evaluation of its model after it succeeds.
 */
export function watchEvaluations(
  evaluations: EvaluationsService,
  reevaluator: CertificationReevaluator,
): EvaluationsService {
  return watch(
    evaluations,
    {
      createEvaluation: ([, scope]) => [scope.model.name],
      setEvaluationThresholds: ([, scope]) => [scope.evaluation.model],
    },
    reevaluator,
  );
}

/** The same for monitoring points. */
export function watchMonitoring(
  deployments: DeploymentsService,
  reevaluator: CertificationReevaluator,
): DeploymentsService {
  return watch(
    deployments,
    { logMonitoring: ([, scope]) => [scope.deployment.model] },
    reevaluator,
  );
}

/**
 * The scheduled task: re-evaluates every model (expiry, staleness and monitoring windows change
 * with time alone; owners and components change in the catalog). One failing model is logged and
 * skipped.
 */
export async function runCertificationTask(options: {
  certification: Pick<DefaultCertificationService, 'reevaluateAll'>;
  logger: LoggerService;
}): Promise<number> {
  const { certification, logger } = options;
  const count = await certification.reevaluateAll((name, error) =>
    logger.warn(`Certification of model '${name}' failed: ${error}`),
  );
  logger.info(`Certification: re-evaluated ${count} model(s)`);
  return count;
}
