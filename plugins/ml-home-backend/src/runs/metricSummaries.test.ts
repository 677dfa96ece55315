import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  parseMetricSummary,
  readRunMetrics,
  refreshMetricSummaries,
} from './metricSummaries';

jest.setTimeout(60_000);

const migrations = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);
const SUMMARY_MIGRATION = '20261127090000_run_metric_summaries.js';
const RUN = 'a'.repeat(32);
const EMPTY_RUN = 'b'.repeat(32);

/** Migrates to just before the summaries, then writes a run's latest metrics as rows. */
async function runWithRowsOnly(knex: Knex) {
  for (;;) {
    const [, pending] = await knex.migrate.list({ directory: migrations });
    if (pending[0]?.file === SUMMARY_MIGRATION) break;
    await knex.migrate.up({ directory: migrations });
  }
  const now = new Date();
  await knex('projects').insert({
    id: 'p1',
    name: 'p1',
    title: 'P1',
    owner: 'group:default/a',
    lifecycle: 'experimental',
    created_by: 'user:default/a',
    updated_by: 'user:default/a',
    created_at: now,
    updated_at: now,
    last_activity_at: now,
  });
  const [experiment] = await knex('experiments')
    .insert({
      project_id: 'p1',
      name: 'e',
      created_by: 'user:default/a',
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const experimentId =
    typeof experiment === 'object' ? experiment.id : experiment;
  for (const id of [RUN, EMPTY_RUN]) {
    await knex('runs').insert({
      id,
      experiment_id: experimentId,
      project_id: 'p1',
      status: 'FINISHED',
      start_time: 1,
      created_by: 'user:default/a',
      created_at: now,
      updated_at: now,
    });
  }
  const row = (
    key: string,
    value: number,
    isNan: boolean,
    min: number | null,
    max: number | null,
  ) => ({
    run_id: RUN,
    project_id: 'p1',
    key,
    value,
    is_nan: isNan,
    step: 1,
    timestamp: 1,
    min_value: min,
    max_value: max,
    point_count: 2,
  });
  await knex('latest_metrics').insert([
    row('acc', 0.30000000000000004, false, 0.1, 0.9),
    row('loss', 0, true, null, null),
    row('tail', -Infinity, false, -Infinity, Infinity),
    row('tiny', 5e-324, false, 5e-324, 1e308),
  ]);
}

const EXPECTED = [
  { key: 'acc', value: 0.30000000000000004, min: 0.1, max: 0.9 },
  { key: 'loss', value: NaN },
  { key: 'tail', value: -Infinity, min: -Infinity, max: Infinity },
  { key: 'tiny', value: 5e-324, min: 5e-324, max: 1e308 },
];

describe('run metric summaries', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'are backfilled by the migration and rewritten alike, reading back every double exactly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await runWithRowsOnly(knex);
      await knex.migrate.latest({ directory: migrations });

      const summaryOf = async (id: string) =>
        (await knex('runs').where({ id }).first('metrics_summary'))
          .metrics_summary as string | null;
      const backfilled = await summaryOf(RUN);
      expect(parseMetricSummary(backfilled!)).toEqual(EXPECTED);
      expect(parseMetricSummary((await summaryOf(EMPTY_RUN))!)).toEqual([]);

      await knex('runs').update({ metrics_summary: null });
      await refreshMetricSummaries(knex, [RUN, EMPTY_RUN], 1);
      expect(await summaryOf(RUN)).toBe(backfilled);

      // Readers take a summary where there is one and the rows where there is none.
      const runs = await knex('runs').select('id', 'metrics_summary');
      expect((await readRunMetrics(knex, runs)).get(RUN)).toEqual(EXPECTED);
      await knex('runs').where({ id: RUN }).update({ metrics_summary: null });
      const fromRows = await readRunMetrics(
        knex,
        await knex('runs').select('id', 'metrics_summary'),
      );
      expect(
        [...fromRows.get(RUN)!].sort((a, b) => a.key.localeCompare(b.key)),
      ).toEqual(EXPECTED);
      expect(fromRows.get(EMPTY_RUN)).toEqual([]);

      // Down again keeps the runs and their metrics (SQLite must not rebuild the table, which
      // would cascade to every table that references runs).
      await knex.migrate.down({
        directory: migrations,
        name: SUMMARY_MIGRATION,
      });
      expect(await knex.schema.hasColumn('runs', 'metrics_summary')).toBe(
        false,
      );
      expect((await knex('latest_metrics').where('run_id', RUN)).length).toBe(
        4,
      );
      expect((await knex('runs').select('id')).map(r => r.id).sort()).toEqual([
        RUN,
        EMPTY_RUN,
      ]);
    },
  );
});
