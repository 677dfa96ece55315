import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MetricSeriesPoint,
  downsampleSeries,
} from '@ml-home/plugin-ml-home-common';
import { DatabaseStores } from '../database/DatabaseStores';
import { ingestBatch } from '../ingestion/writeBatch';
import { queryMetricHistory } from './metricHistory';
import { CHUNKED_FROM, readChunkedHistory } from './metricSeriesChunks';

jest.setTimeout(180_000);

const RUN = 'a'.repeat(32);
const KEY = 'loss';
const BUDGETS = [1, 2, 3, 4, 5, 7, 10, 100, 333, 1000, 5000];

/** The series' points in stored order: step, timestamp, value (NaN last at equal others). */
function inSeriesOrder(points: MetricSeriesPoint[]): MetricSeriesPoint[] {
  const unique = new Map<string, MetricSeriesPoint>();
  for (const p of points) {
    unique.set(`${p.step}/${p.timestamp}/${p.value}`, p);
  }
  const dbValue = (p: MetricSeriesPoint) =>
    Number.isNaN(p.value) ? 0 : p.value;
  return [...unique.values()].sort(
    (a, b) =>
      a.step - b.step ||
      a.timestamp - b.timestamp ||
      dbValue(a) - dbValue(b) ||
      Number(Number.isNaN(a.value)) - Number(Number.isNaN(b.value)),
  );
}

/* A wave with spikes, dips, ties of equal extremes, infinities and NaN. */
function wave(
  from: number,
  count: number,
  timestamp = 1000,
): MetricSeriesPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const step = from + i;
    // Many equal values; + 0 turns -0 into 0, as the databases store it.
    let value = Math.round(Math.sin(step / 37) * 100) / 100 + 0;
    if (step % 997 === 0) value = 50;
    if (step % 1361 === 0) value = -50;
    if (step % 2203 === 0) value = NaN;
    if (step === 7001) value = Infinity;
    if (step === 7002) value = -Infinity;
    return { step, timestamp: timestamp + step, value };
  });
}

describe('metric series chunks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'give the same downsampled history as every point does, through appends, out-of-order points and repeats, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      const storage = new DatabaseStores(knex);
      const project = await storage.stores.projects.createProject(
        {
          name: 'chunks',
          title: 'Chunks',
          description: '',
          owner: 'group:default/a',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        'user:default/a',
      );
      const sent: MetricSeriesPoint[] = [];
      const ingest = async (points: MetricSeriesPoint[]) => {
        sent.push(...points);
        await ingestBatch(
          storage,
          project,
          {
            runs: [
              {
                runId: RUN,
                runIdSupplied: true,
                experiment: 'e',
                params: [],
                tags: [],
                metrics: points.map(p => ({ key: KEY, ...p })),
              },
            ],
          },
          'user:default/a',
        );
      };
      const expectSameAsEveryPoint = async () => {
        const all = inSeriesOrder(sent);
        // From CHUNKED_FROM on, the chunks hold the whole series: the history below comes from them.
        const chunked =
          all.length >= CHUNKED_FROM
            ? await readChunkedHistory(knex, RUN, KEY, all.length, 10)
            : 'not chunked yet';
        expect(chunked).toBeDefined();
        for (const maxPoints of BUDGETS) {
          const history = await queryMetricHistory(knex, {
            runId: RUN,
            key: KEY,
            maxPoints,
          });
          expect({ maxPoints, total: history.totalPoints }).toEqual({
            maxPoints,
            total: all.length,
          });
          expect({ maxPoints, points: history.points }).toEqual({
            maxPoints,
            points: downsampleSeries(all, maxPoints),
          });
        }
      };

      await ingest(wave(0, 3000)); // no chunks yet
      await expectSameAsEveryPoint();
      await ingest(wave(3000, 3000)); // reaches CHUNKED_FROM: chunks from every point
      await expectSameAsEveryPoint();
      await ingest(wave(6000, 5000).reverse()); // appended, sent in any order
      await expectSameAsEveryPoint();
      await ingest(wave(11000, 70)); // fills the last chunk and starts another
      await expectSameAsEveryPoint();
      // Steps logged again at another time, in the middle: the chunks are rewritten.
      await ingest(wave(500, 300, 5000));
      await expectSameAsEveryPoint();
      // Points already stored with new ones after them: rewritten too.
      await ingest([...wave(11000, 70), ...wave(11070, 100)]);
      await expectSameAsEveryPoint();
      // Nothing new: nothing to do.
      await ingest(wave(11100, 70));
      await expectSameAsEveryPoint();

      const [{ n }] = await knex('metric_series_chunks')
        .where({ run_id: RUN, key: KEY })
        .count({ n: '*' });
      expect(Number(n)).toBe(Math.ceil(inSeriesOrder(sent).length / 64));
    },
  );
});
