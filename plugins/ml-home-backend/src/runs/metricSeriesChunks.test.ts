import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MetricSeriesPoint,
  downsampleSeries,
} from '@ml-home/plugin-ml-home-common';
import { DatabaseStores } from '../database/DatabaseStores';
import { ingestBatch } from '../ingestion/writeBatch';
import { queryMetricHistory } from './metricHistory';
import { Knex } from 'knex';
import {
  BLOCK_SIZE,
  CHUNKED_FROM,
  CHUNK_SIZE,
  readChunkedHistory,
  readShortChunkedHistory,
} from './metricSeriesChunks';
import { MIGRATIONS, createTestProject } from '../__testUtils__/testStores';

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

const migrations = MIGRATIONS;

/* A small pseudo-random generator, so that every run sees the same series. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Every point's shape: NaN runs, ties, infinities, a constant, all NaN. */
const SHAPES: Record<string, (count: number) => MetricSeriesPoint[]> = {
  constant: count =>
    Array.from({ length: count }, (_, step) => ({
      step,
      timestamp: step,
      value: 1,
    })),
  'all NaN': count =>
    Array.from({ length: count }, (_, step) => ({
      step,
      timestamp: step,
      value: NaN,
    })),
  noisy: count => {
    const next = random(count);
    return Array.from({ length: count }, (_, step) => {
      const r = next();
      let value = Math.round(next() * 20) - 10;
      if (r < 0.01) value = NaN;
      else if (r < 0.012) value = Infinity;
      else if (r < 0.014) value = -Infinity;
      else if (r < 0.02) value = 1e9 * (next() - 0.5);
      return { step, timestamp: 1_700_000_000_000 + step, value };
    });
  },
  // Whole chunks of NaN between chunks of numbers: summaries with and without picks.
  'NaN chunks': count =>
    Array.from({ length: count }, (_, step) => ({
      step,
      timestamp: step,
      value: Math.floor(step / CHUNK_SIZE) % 3 === 1 ? NaN : 0 - (step % 50),
    })),
};

describe('metric series chunks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    const storage = new DatabaseStores(knex);
    const project = await createTestProject(storage, 'shapes');
    const ingest = async (runId: string, points: MetricSeriesPoint[]) => {
      for (let i = 0; i < points.length; i += 10_000) {
        await ingestBatch(
          storage,
          project,
          {
            runs: [
              {
                runId,
                runIdSupplied: true,
                experiment: 'e',
                params: [],
                tags: [],
                metrics: points
                  .slice(i, i + 10_000)
                  .map(p => ({ key: KEY, ...p })),
              },
            ],
          },
          'user:default/a',
        );
      }
    };
    return { knex, ingest };
  }

  /* The chunks' answer for every budget below the series' length, never the fallback's. */
  async function expectChunkedAnswer(
    knex: Knex,
    runId: string,
    all: MetricSeriesPoint[],
    series = runId,
  ) {
    for (const maxPoints of [...BUDGETS, 1500, 2000]) {
      if (maxPoints < all.length) {
        expect({
          series,
          maxPoints,
          points: await readChunkedHistory(
            knex,
            runId,
            KEY,
            all.length,
            maxPoints,
          ),
        }).toEqual({
          series,
          maxPoints,
          points: downsampleSeries(all, maxPoints),
        });
      }
    }
  }

  it.each(databases.eachSupportedId())(
    'give downsampleSeries’ answer for series of every shape and length around chunk and block edges, on %p',
    async databaseId => {
      const { knex, ingest } = await setUp(databaseId);
      const lengths = [
        CHUNKED_FROM,
        CHUNKED_FROM + 1,
        3 * CHUNK_SIZE * BLOCK_SIZE - 1,
        3 * CHUNK_SIZE * BLOCK_SIZE + CHUNK_SIZE + 5,
      ];
      let run = 0;
      for (const [name, shape] of Object.entries(SHAPES)) {
        for (const length of lengths) {
          const runId = (++run).toString(16).padStart(32, '0');
          const all = shape(length);
          // In step order, then one more point, then the rest of a chunk: appends across edges.
          await ingest(runId, all.slice(0, length - CHUNK_SIZE));
          await ingest(runId, all.slice(length - CHUNK_SIZE, length - 1));
          await ingest(runId, all.slice(length - 1));
          await expectChunkedAnswer(knex, runId, all, `${name} × ${length}`);
        }
      }
      // A series long enough for several blocks, with one point changed in its middle (rewritten).
      const runId = 'f'.repeat(32);
      const all = SHAPES.noisy(5 * CHUNK_SIZE * BLOCK_SIZE + 17);
      await ingest(runId, all);
      const moved = { ...all[9_000], timestamp: all[9_000].timestamp + 1 };
      await ingest(runId, [moved]);
      const [{ n }] = await knex('metric_series_blocks')
        .where({ run_id: runId, key: KEY })
        .count({ n: '*' });
      expect(Number(n)).toBe(6);
      await expectChunkedAnswer(knex, runId, inSeriesOrder([...all, moved]));
    },
  );

  it.each(databases.eachSupportedId())(
    'answer a series with about as many chunks as buckets in one statement, and tell the others apart, on %p',
    async databaseId => {
      const { knex, ingest } = await setUp(databaseId);
      const all = SHAPES.noisy(10_000);
      await ingest(RUN, all);
      // What the route answers: the same as every point gives.
      const expectRouteAnswer = async () =>
        expect(
          await queryMetricHistory(knex, {
            runId: RUN,
            key: KEY,
            maxPoints: 1000,
          }),
        ).toEqual({
          points: downsampleSeries(all, 1000),
          totalPoints: 10_000,
          downsampled: true,
        });
      // 10,000 points to 1,000 (333 buckets, 157 chunks): every chunk, in one statement.
      for (const maxPoints of [1000, 700, 5000, 9999]) {
        expect({
          maxPoints,
          ...(await readShortChunkedHistory(knex, RUN, KEY, maxPoints)),
        }).toEqual({
          maxPoints,
          total: 10_000,
          points: downsampleSeries(all, maxPoints),
        });
      }
      // Few buckets for many chunks: the summaries' path answers, the count is handed on.
      expect(await readShortChunkedHistory(knex, RUN, KEY, 100)).toEqual({
        total: 10_000,
      });
      // As many points as asked for or more: nothing to downsample.
      expect(await readShortChunkedHistory(knex, RUN, KEY, 10_000)).toEqual({
        total: 10_000,
      });
      expect(
        await readShortChunkedHistory(knex, RUN, 'no-such-key', 1000),
      ).toBeUndefined();
      await expectRouteAnswer();
      // A chunk missing (chunked before its last write, say): no answer from the chunks, and the
      // route falls back to the points.
      await knex('metric_series_chunks')
        .where({ run_id: RUN, key: KEY, chunk: 7 })
        .delete();
      expect(await readShortChunkedHistory(knex, RUN, KEY, 1000)).toEqual({
        total: 10_000,
        points: undefined,
      });
      await expectRouteAnswer();
    },
  );

  it.each(databases.eachSupportedId())(
    'get their blocks from the migration for series chunked before it, the same as ingestion writes, on %p',
    async databaseId => {
      const { knex, ingest } = await setUp(databaseId);
      const all = SHAPES.noisy(2 * CHUNK_SIZE * BLOCK_SIZE + 100);
      await ingest(RUN, all.slice(0, 5000));
      await ingest(RUN, all.slice(5000));
      const blocks = () =>
        knex('metric_series_blocks')
          .where({ run_id: RUN, key: KEY })
          .orderBy('block')
          .select('block', 'chunk_count', 'summaries');
      const written = await blocks();
      expect(written.map(b => Number(b.chunk_count))).toEqual([
        BLOCK_SIZE,
        BLOCK_SIZE,
        2,
      ]);
      const name = '20261206150000_metric_series_blocks.js';
      const storage = '20261206150100_metric_series_blocks_storage.js';
      await knex.migrate.down({ directory: migrations, name: storage });
      await knex.migrate.down({ directory: migrations, name });
      expect(await knex.schema.hasTable('metric_series_blocks')).toBe(false);
      await knex.migrate.up({ directory: migrations, name });
      await knex.migrate.up({ directory: migrations, name: storage });
      expect(await blocks()).toEqual(written);
      await expectChunkedAnswer(knex, RUN, all);
    },
  );

  it.each(databases.eachSupportedId())(
    'give the same downsampled history as every point does, through appends, out-of-order points and repeats, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      const storage = new DatabaseStores(knex);
      const project = await createTestProject(storage, 'chunks');
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
