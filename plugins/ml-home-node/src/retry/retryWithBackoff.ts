import {
  LoggerService,
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';

/**
 * Options of {@link retryWithBackoff}.
 *
 * @public
 */
export type RetryWithBackoffOptions = {
  /** What is being retried, for the log (e.g. `ML Home catalog refresh`). */
  what: string;
  logger: LoggerService;
  /** The first wait after a failure; doubled after each further failure. Default 2 s. */
  initialDelayMs?: number;
  /** The longest wait between two attempts. Default 60 s. */
  maxDelayMs?: number;
  /**
   * How long to keep trying after the first failure before giving up with the last error.
   * Default 5 minutes: well inside the default task timeouts, and then the next scheduled run
   * takes over.
   */
  giveUpAfterMs?: number;
  /** Stops waiting and retrying (e.g. the scheduler's abort signal at shut-down). */
  signal?: AbortSignal;
  /** Waits; replaceable so that tests need not wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

const DEFAULTS = {
  initialDelayMs: 2_000,
  maxDelayMs: 60_000,
  giveUpAfterMs: 5 * 60_000,
};

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const pending: { timer?: ReturnType<typeof setTimeout> } = {};
    const onAbort = () => {
      clearTimeout(pending.timer);
      resolve();
    };
    pending.timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `fn`, and after a failure runs it again after 2, 4, 8 … seconds (at most a minute apart)
 * until it succeeds or `giveUpAfterMs` has passed, when the last error is thrown.
 *
 * @remarks
 * Modules that read ML Home on a schedule use it so that a run failing at start-up — ML Home
 * answers 503 "Service has not started up yet" while it loads — is repeated within seconds
 * rather than at the next scheduled run, minutes later.
 *
 * @public
 */
export async function retryWithBackoff<T>(
  fn: () => Promise<T>,
  options: RetryWithBackoffOptions,
): Promise<T> {
  const initialDelayMs = options.initialDelayMs ?? DEFAULTS.initialDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const giveUpAfterMs = options.giveUpAfterMs ?? DEFAULTS.giveUpAfterMs;
  const sleep = options.sleep ?? abortableSleep;
  let waited = 0;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted || waited + delay > giveUpAfterMs) {
        throw error;
      }
      options.logger.warn(
        `${options.what} failed (attempt ${attempt}); trying again in ${Math.round(delay / 1000)} s: ${error}`,
      );
      await sleep(delay, options.signal);
      if (options.signal?.aborted) {
        throw error;
      }
      waited += delay;
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

/**
 * Wraps a scheduled task runner so that every run of its task is retried with
 * {@link retryWithBackoff} (the task's abort signal stops the retries).
 *
 * @public
 */
export function withRetries(
  runner: SchedulerServiceTaskRunner,
  options: Omit<RetryWithBackoffOptions, 'signal'>,
): SchedulerServiceTaskRunner {
  return {
    run(task: SchedulerServiceTaskInvocationDefinition) {
      const fn: SchedulerServiceTaskFunction = async signal => {
        await retryWithBackoff(async () => task.fn(signal), {
          ...options,
          signal,
        });
      };
      return runner.run({ ...task, fn });
    },
  };
}
