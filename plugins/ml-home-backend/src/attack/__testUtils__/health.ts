/*
 * Whether one heavy request freezes the backend for everyone: `/health` is asked again and again
 * while the request runs, and the slowest of its answers is what a monitor would have seen.
 */
import { BASE, asUser, ALICE } from './attackBackend';

/** Generous: a freeze shows as seconds, a loaded CI machine as tens of milliseconds. */
export const HEALTH_BOUND_MS = 5_000;
/** A heavy request, refused or processed, is answered within this. */
export const REQUEST_BOUND_MS = 60_000;

export interface Measured<T> {
  result: T;
  /** How long the heavy request took. */
  took: number;
  /** The slowest `/health` answer while it ran (at least one is asked). */
  slowestHealth: number;
  /** `/health` answers that were not a 200, or did not come within the bound. */
  healthFailures: string[];
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** What a heavy request that never finished is reported as. */
export const TIMED_OUT = {
  status: 0,
  body: { error: { message: 'no answer within the bound' } },
};

/**
 * Runs `heavy` and measures `/health` while it runs. A request still unanswered after
 * {@link REQUEST_BOUND_MS} is given up on and reported as {@link TIMED_OUT}.
 */
export async function whileHealthAnswers<T>(
  api: () => any,
  heavy: () => PromiseLike<T>,
): Promise<Measured<T | typeof TIMED_OUT>> {
  const started = Date.now();
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const running = Promise.race([
    Promise.resolve(heavy()),
    new Promise<typeof TIMED_OUT>(resolve => {
      timer = setTimeout(() => resolve(TIMED_OUT), REQUEST_BOUND_MS);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    done = true;
  });
  const healthFailures: string[] = [];
  let slowestHealth = 0;
  // Give the heavy request a head start, so that health is asked while it is being processed.
  await sleep(20);
  do {
    const asked = Date.now();
    try {
      const res = await api()
        .get(`${BASE}/health`)
        .set('Authorization', asUser(ALICE))
        .timeout(HEALTH_BOUND_MS);
      if (res.status !== 200) healthFailures.push(`health → ${res.status}`);
    } catch (error) {
      healthFailures.push(`health: ${(error as Error).message}`);
    }
    slowestHealth = Math.max(slowestHealth, Date.now() - asked);
    if (!done) await sleep(25);
  } while (!done);
  const result = await running;
  return { result, took: Date.now() - started, slowestHealth, healthFailures };
}
