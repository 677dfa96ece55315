import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { retryWithBackoff, withRetries } from './retryWithBackoff';

function failingTimes(n: number, error = new Error('503 Service Unavailable')) {
  let calls = 0;
  const fn = jest.fn(async () => {
    calls++;
    if (calls <= n) {
      throw error;
    }
    return `done after ${calls}`;
  });
  return fn;
}

describe('retryWithBackoff', () => {
  const logger = mockServices.logger.mock();

  it('tries again after 2, 4 and 8 seconds and returns the first success', async () => {
    const waits: number[] = [];
    const fn = failingTimes(3);
    await expect(
      retryWithBackoff(fn, {
        what: 'refresh',
        logger,
        sleep: async ms => {
          waits.push(ms);
        },
      }),
    ).resolves.toBe('done after 4');
    expect(waits).toEqual([2000, 4000, 8000]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'refresh failed (attempt 1); trying again in 2 s',
      ),
    );
  });

  it('waits at most maxDelayMs between attempts and gives up with the last error', async () => {
    const waits: number[] = [];
    const fn = failingTimes(100, new Error('still down'));
    await expect(
      retryWithBackoff(fn, {
        what: 'refresh',
        logger,
        initialDelayMs: 1000,
        maxDelayMs: 4000,
        giveUpAfterMs: 14000,
        sleep: async ms => {
          waits.push(ms);
        },
      }),
    ).rejects.toThrow('still down');
    // 1 + 2 + 4 + 4 = 11 s waited; another 4 s would pass 14 s.
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(fn).toHaveBeenCalledTimes(5);
  });

  it('stops retrying once aborted', async () => {
    const controller = new AbortController();
    const fn = failingTimes(100);
    await expect(
      retryWithBackoff(fn, {
        what: 'refresh',
        logger,
        signal: controller.signal,
        sleep: async () => controller.abort(),
      }),
    ).rejects.toThrow('503');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('waits with a timer by default', async () => {
    jest.useFakeTimers();
    try {
      const fn = failingTimes(1);
      const result = retryWithBackoff(fn, { what: 'refresh', logger });
      await jest.advanceTimersByTimeAsync(1999);
      expect(fn).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe('done after 2');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('withRetries', () => {
  it('retries each run of the task and passes the abort signal on', async () => {
    const logger = mockServices.logger.mock();
    const runs: SchedulerServiceTaskInvocationDefinition[] = [];
    const runner = withRetries(
      {
        run: async task => {
          runs.push(task);
        },
      },
      { what: 'collator', logger, initialDelayMs: 1 },
    );
    const seen: AbortSignal[] = [];
    let calls = 0;
    await runner.run({
      id: 'search_index_ml_home',
      fn: async (signal: AbortSignal) => {
        seen.push(signal);
        calls++;
        if (calls < 3) {
          throw new Error('503');
        }
      },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0].id).toBe('search_index_ml_home');
    const signal = new AbortController().signal;
    await runs[0].fn(signal);
    expect(calls).toBe(3);
    expect(seen).toEqual([signal, signal, signal]);
  });
});
