import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  MetricSeriesPoint,
  downsampleSeries,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import { SQL_DOWNSAMPLE_THRESHOLD, queryMetricHistory } from './metricHistory';

jest.setTimeout(120_000);

const migrationsDir = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);

const PROJECT = '11111111-1111-4111-8111-111111111111';
const SMALL = '1'.repeat(32);
const LARGE = '2'.repeat(32);
const HUGE = '3'.repeat(32);

/* Out of order, with a step logged twice and every non-finite value. */
const smallSeries: MetricSeriesPoint[] = [
  { step: 3, timestamp: 400, value: 0 },
  { step: 0, timestamp: 100, value: 1.5 },
  { step: 2, timestamp: 300, value: Infinity },
  { step: 1, timestamp: 200, value: NaN },
  { step: 5, timestamp: 500, value: -2.5 },
  { step: 2, timestamp: 250, value: -Infinity },
];

/* 20,000 points, under the SQL threshold: a wave with a spike, a dip and a NaN. */
function largeSeries(): MetricSeriesPoint[] {
  return Array.from({ length: 20_000 }, (_, i) => {
    let value = Math.sin(i / 100);
    if (i === 12_345) {
      value = 1e6;
    } else if (i === 777) {
      value = -1e6;
    } else if (i === 15_000) {
      value = NaN;
    }
    return { step: i, timestamp: 1_700_000_000_000 + i * 1000, value };
  });
}

/*
 * Over the SQL threshold: a spike, an infinity, a stretch of NaN longer
 * than a bucket, steps logged twice, and a tie on step and timestamp.
 */
function hugeSeries(): MetricSeriesPoint[] {
  const points: MetricSeriesPoint[] = [];
  for (let i = 0; i < 60_000; i++) {
    let value = Math.cos(i / 250) + (i % 7) / 100;
    if (i === 45_678) {
      value = 1e9;
    } else if (i === 100) {
      value = Infinity;
    } else if (i >= 30_000 && i < 30_400) {
      value = NaN;
    }
    points.push({ step: i, timestamp: 1_700_000_000_000 + i, value });
    if (i % 1000 === 0) {
      points.push({ step: i, timestamp: 1_600_000_000_000 + i, value: -value });
    }
  }
  points.push({ step: 50_000, timestamp: 1_700_000_050_000, value: -5 });
  return points;
}

/* The database's order: step, timestamp, then the stored value and is_nan. */
function sortSeries(points: MetricSeriesPoint[]): MetricSeriesPoint[] {
  const stored = (p: MetricSeriesPoint) =>
    Number.isNaN(p.value) ? 0 : p.value;
  return [...points].sort(
    (a, b) =>
      a.step - b.step ||
      a.timestamp - b.timestamp ||
      (stored(a) === stored(b) ? 0 : Math.sign(stored(a) - stored(b))) ||
      Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value)),
  );
}

async function insertSeries(
  knex: Knex,
  runId: string,
  key: string,
  points: MetricSeriesPoint[],
) {
  await knex.batchInsert(
    'metric_points',
    points.map(p => ({
      run_id: runId,
      key,
      step: p.step,
      timestamp: p.timestamp,
      value: Number.isNaN(p.value) ? 0 : p.value,
      is_nan: Number.isNaN(p.value),
    })),
    // SQLite allows 500 terms in the compound SELECT Knex inserts with.
    500,
  );
}

async function insertFixture(knex: Knex) {
  const now = new Date('2026-11-26T00:00:00Z');
  await knex('projects').insert({
    id: PROJECT,
    name: 'project',
    title: 'Project',
    owner: 'group:default/ml',
    lifecycle: 'experimental',
    created_by: 'user:default/ana',
    updated_by: 'user:default/ana',
    created_at: now,
    updated_at: now,
    last_activity_at: now,
  });
  const [experiment] = await knex('experiments')
    .insert({
      project_id: PROJECT,
      name: 'baseline',
      created_by: 'user:default/ana',
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  for (const id of [SMALL, LARGE, HUGE]) {
    await knex('runs').insert({
      id,
      experiment_id: experiment.id,
      project_id: PROJECT,
      status: 'FINISHED',
      start_time: 0,
      created_by: 'user:default/ana',
      created_at: now,
      updated_at: now,
    });
  }
  await insertSeries(knex, SMALL, 'loss', smallSeries);
  // Same key in another run and another key in the same run, to be ignored.
  await insertSeries(knex, SMALL, 'acc', [{ step: 0, timestamp: 1, value: 9 }]);
  await insertSeries(knex, LARGE, 'loss', [
    { step: 0, timestamp: 1, value: 9 },
  ]);
  await insertSeries(knex, LARGE, 'wave', largeSeries());
  await insertSeries(knex, HUGE, 'wave', hugeSeries());
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'queryMetricHistory on %s',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await insertFixture(knex);
    });

    it('returns a short series whole, ordered, with NaN and infinities', async () => {
      const history = await queryMetricHistory(knex, {
        runId: SMALL,
        key: 'loss',
        maxPoints: 100,
      });
      expect(history).toEqual({
        points: [
          { step: 0, timestamp: 100, value: 1.5 },
          { step: 1, timestamp: 200, value: NaN },
          { step: 2, timestamp: 250, value: -Infinity },
          { step: 2, timestamp: 300, value: Infinity },
          { step: 3, timestamp: 400, value: 0 },
          { step: 5, timestamp: 500, value: -2.5 },
        ],
        totalPoints: 6,
        downsampled: false,
      });
      expect(
        (
          await queryMetricHistory(knex, {
            runId: SMALL,
            key: 'loss',
            maxPoints: 6,
          })
        ).downsampled,
      ).toBe(false);
    });

    it('downsamples a short series over the budget', async () => {
      const history = await queryMetricHistory(knex, {
        runId: SMALL,
        key: 'loss',
        maxPoints: 4,
      });
      expect(history.totalPoints).toBe(6);
      expect(history.downsampled).toBe(true);
      expect(history.points).toEqual(
        downsampleSeries(sortSeries(smallSeries), 4),
      );
    });

    it('returns nothing for an unknown run or key', async () => {
      for (const [runId, key] of [
        [SMALL, 'nothing'],
        ['9'.repeat(32), 'loss'],
      ]) {
        await expect(
          queryMetricHistory(knex, { runId, key, maxPoints: 10 }),
        ).resolves.toEqual({ points: [], totalPoints: 0, downsampled: false });
      }
    });

    it('keeps the extremes of a long series within the budget', async () => {
      const full = largeSeries();
      const history = await queryMetricHistory(knex, {
        runId: LARGE,
        key: 'wave',
        maxPoints: 500,
      });
      expect(history.totalPoints).toBe(20_000);
      expect(history.downsampled).toBe(true);
      expect(history.points.length).toBeLessThanOrEqual(500);
      // At least one point in each of the 166 buckets.
      expect(history.points.length).toBeGreaterThanOrEqual(166);
      const steps = history.points.map(p => p.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(history.points).toContainEqual(full[12_345]);
      expect(history.points).toContainEqual(full[777]);
      expect(history.points).toContainEqual(full[15_000]);
      expect(history.points[history.points.length - 1]).toEqual(full[19_999]);
      expect(history.points).toEqual(downsampleSeries(full, 500));
    });

    it('downsamples a very long series in the database, as in Node', async () => {
      const full = sortSeries(hugeSeries());
      expect(full.length).toBeGreaterThan(SQL_DOWNSAMPLE_THRESHOLD);
      const statements: string[] = [];
      const onQuery = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', onQuery);
      try {
        for (const maxPoints of [1, 2, 3, 4, 5, 7, 1000, 5000]) {
          const history = await queryMetricHistory(knex, {
            runId: HUGE,
            key: 'wave',
            maxPoints,
          });
          expect(history.totalPoints).toBe(full.length);
          expect(history.downsampled).toBe(true);
          expect(history.points.length).toBeLessThanOrEqual(maxPoints);
          expect(history.points).toEqual(downsampleSeries(full, maxPoints));
        }
      } finally {
        knex.removeListener('query', onQuery);
      }
      // The points themselves never left the database (this series has no chunks: it was
      // written past ingestion, so its point count in latest_metrics is all that is looked up,
      // in a read transaction).
      expect(statements.some(sql => /row_number\(\)/i.test(sql))).toBe(true);
      expect(
        statements.some(
          sql =>
            !/row_number|count\(|from .latest_metrics.|^(begin|commit|set transaction)/i.test(
              sql.trim(),
            ),
        ),
      ).toBe(false);

      const spiky = await queryMetricHistory(knex, {
        runId: HUGE,
        key: 'wave',
        maxPoints: 1000,
      });
      expect(spiky.points).toContainEqual({
        step: 45_678,
        timestamp: 1_700_000_045_678,
        value: 1e9,
      });
      expect(spiky.points).toContainEqual({
        step: 100,
        timestamp: 1_700_000_000_100,
        value: Infinity,
      });
      expect(spiky.points.some(p => Number.isNaN(p.value))).toBe(true);
    });

    it('returns a very long series whole when the budget allows', async () => {
      const full = sortSeries(hugeSeries());
      const history = await queryMetricHistory(knex, {
        runId: HUGE,
        key: 'wave',
        maxPoints: 100_000,
      });
      expect(history.downsampled).toBe(false);
      expect(history.totalPoints).toBe(full.length);
      expect(history.points).toEqual(full);
    });

    it('rejects a budget that is not a positive integer', async () => {
      for (const maxPoints of [0, -1, 2.5, NaN]) {
        await expect(
          queryMetricHistory(knex, { runId: SMALL, key: 'loss', maxPoints }),
        ).rejects.toThrow(InputError);
      }
    });
  },
);
