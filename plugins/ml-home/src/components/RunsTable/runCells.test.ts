import type { Run } from '@ml-home/plugin-ml-home-common';
import { cellValue, columnsOf, runDuration } from './runCells';

const run = (extra: Partial<Run>): Run =>
  ({
    id: 'r1',
    name: 'run-1',
    status: 'FINISHED',
    startTime: Date.UTC(2026, 10, 1, 10),
    endTime: Date.UTC(2026, 10, 1, 11, 30),
    params: [{ key: 'lr', value: '0.05' }],
    metrics: [
      { key: 'auc', value: 0.8712, step: 10, timestamp: 0, min: 0.5, max: 0.9 },
    ],
    ...extra,
  }) as Run;

describe('runCells', () => {
  it('says how long a run took, or has been running', () => {
    const soFar = (d: string) => `${d} so far`;
    expect(runDuration(run({}), 0, soFar)).toBe('1h 30m 00s');
    const start = Date.UTC(2026, 10, 1, 10);
    expect(
      runDuration(
        run({ status: 'RUNNING', endTime: undefined }),
        start + 65_000,
        soFar,
      ),
    ).toBe('1m 05s so far');
    expect(
      runDuration(run({ status: 'KILLED', endTime: undefined }), 0, soFar),
    ).toBe('');
  });

  it("reads a param's value and a metric's latest value, empty when the run has none", () => {
    expect(cellValue(run({}), { kind: 'param', key: 'lr' })).toBe('0.05');
    expect(cellValue(run({}), { kind: 'metric', key: 'auc' })).toBe('0.8712');
    expect(cellValue(run({}), { kind: 'metric', key: 'loss' })).toBe('');
    expect(cellValue(run({}), { kind: 'param', key: 'auc' })).toBe('');
  });

  it('offers each key of the loaded runs once', () => {
    expect(
      columnsOf([
        run({}),
        run({
          params: [
            { key: 'lr', value: '1' },
            { key: 'depth', value: '3' },
          ],
        }),
      ]),
    ).toEqual([
      { kind: 'metric', key: 'auc' },
      { kind: 'param', key: 'lr' },
      { kind: 'param', key: 'depth' },
    ]);
  });
});
