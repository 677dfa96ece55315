import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  RunFilterClause,
  parseRunFilter,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import {
  RunsQueryOptions,
  RunsQueryOrder,
  likeToGlob,
  queryRuns,
} from './runsQuery';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);

const PROJECT = '11111111-1111-4111-8111-111111111111';
const OTHER_PROJECT = '22222222-2222-4222-8222-222222222222';

/* Ids chosen so that id order differs from name and time order. */
const runIds = {
  r1: 'c'.repeat(32),
  r2: '3'.repeat(32),
  r3: 'a'.repeat(32),
  r4: '1'.repeat(32),
  r5: 'e'.repeat(32),
  r6: '5'.repeat(32),
  r7: '7'.repeat(32),
  r8: 'b'.repeat(32),
  r9: 'f'.repeat(32),
};
type RunName = keyof typeof runIds;

type FixtureRun = {
  experiment: 'baseline' | 'tuning' | 'elsewhere';
  name: string;
  status: string;
  user: string;
  start: number;
  end: number | null;
  deleted?: boolean;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, number>;
};

const fixture: Record<RunName, FixtureRun> = {
  r1: {
    experiment: 'baseline',
    name: 'alpha',
    status: 'FINISHED',
    user: 'user:default/ana',
    start: 1000,
    end: 2000,
    params: { lr: '0.1', optimizer: 'Adam' },
    tags: { team: 'Vision', note: '100% done' },
    metrics: { acc: 0.9, loss: 0.3 },
  },
  r2: {
    experiment: 'baseline',
    name: 'Alpha-2',
    status: 'FAILED',
    user: 'user:default/bo',
    start: 2000,
    end: 2500,
    params: { lr: '0.01', optimizer: 'adam' },
    tags: { team: 'vision', note: '1000 done' },
    metrics: { acc: 0.7, loss: NaN },
  },
  r3: {
    experiment: 'tuning',
    name: 'beta',
    status: 'RUNNING',
    user: 'user:default/ana',
    start: 3000,
    end: null,
    params: { lr: '0.1', optimizer: 'sgd' },
    tags: { team: 'speech', note: 'a*b[c]?' },
    metrics: { acc: 0.9, loss: 0.5 },
  },
  r4: {
    experiment: 'tuning',
    name: 'gamma',
    status: 'KILLED',
    user: 'user:default/cy',
    start: 4000,
    end: 4100,
    params: { lr: '0.001' },
    tags: {},
    metrics: { acc: Infinity, loss: 0.2 },
  },
  r5: {
    experiment: 'tuning',
    name: 'delta',
    status: 'FINISHED',
    user: 'user:default/bo',
    start: 5000,
    end: 9000,
    params: {},
    tags: { team: 'Speech', note: 'axxb[c]?' },
    metrics: { acc: 0.95, loss: 0.1 },
  },
  r6: {
    experiment: 'baseline',
    name: 'epsilon',
    status: 'FINISHED',
    user: 'user:default/ana',
    start: 6000,
    end: 7000,
    deleted: true,
    params: { lr: '0.1' },
    tags: { team: 'vision' },
    metrics: { acc: 0.99 },
  },
  r7: {
    experiment: 'baseline',
    name: 'zeta',
    status: 'FINISHED',
    user: 'user:default/ana',
    start: 3000,
    end: 3500,
    params: { optimizer: 'Adam' },
    tags: {},
    metrics: { acc: NaN },
  },
  r8: {
    experiment: 'tuning',
    name: 'eta',
    status: 'SCHEDULED',
    user: 'user:default/cy',
    start: 7000,
    end: null,
    params: {},
    tags: {},
    metrics: {},
  },
  r9: {
    experiment: 'elsewhere',
    name: 'alpha',
    status: 'FINISHED',
    user: 'user:default/ana',
    start: 1500,
    end: 1600,
    params: { lr: '0.1' },
    tags: { team: 'vision' },
    metrics: { acc: 0.9 },
  },
};

const allRuns = Object.keys(runIds) as RunName[];
/* What a search of PROJECT sees by default: r6 is deleted, r9 elsewhere. */
const visibleRuns = allRuns.filter(r => r !== 'r6' && r !== 'r9');

async function insertFixture(knex: Knex): Promise<Record<string, number>> {
  const now = new Date('2026-11-26T00:00:00Z');
  await knex('projects').insert(
    [PROJECT, OTHER_PROJECT].map((id, i) => ({
      id,
      name: `project-${i}`,
      title: `Project ${i}`,
      owner: 'group:default/ml',
      lifecycle: 'experimental',
      created_by: 'user:default/ana',
      updated_by: 'user:default/ana',
      created_at: now,
      updated_at: now,
      last_activity_at: now,
    })),
  );
  const experimentIds: Record<string, number> = {};
  for (const [name, projectId] of [
    ['baseline', PROJECT],
    ['tuning', PROJECT],
    // Same name as one of PROJECT's, in another project.
    ['elsewhere', OTHER_PROJECT],
    ['baseline', OTHER_PROJECT],
  ]) {
    const [row] = await knex('experiments')
      .insert({
        project_id: projectId,
        name,
        created_by: 'user:default/ana',
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    experimentIds[`${projectId}/${name}`] = Number(
      typeof row === 'object' ? row.id : row,
    );
  }
  for (const run of allRuns) {
    const f = fixture[run];
    const projectId = f.experiment === 'elsewhere' ? OTHER_PROJECT : PROJECT;
    const id = runIds[run];
    await knex('runs').insert({
      id,
      experiment_id: experimentIds[`${projectId}/${f.experiment}`],
      project_id: projectId,
      name: f.name,
      status: f.status,
      user: f.user,
      start_time: f.start,
      end_time: f.end,
      lifecycle_stage: f.deleted ? 'deleted' : 'active',
      created_by: f.user,
      created_at: now,
      updated_at: now,
    });
    for (const [key, value] of Object.entries(f.params)) {
      await knex('run_params').insert({ run_id: id, key, value });
    }
    for (const [key, value] of Object.entries(f.tags)) {
      await knex('run_tags').insert({ run_id: id, key, value });
    }
    for (const [key, value] of Object.entries(f.metrics)) {
      const isNan = Number.isNaN(value);
      await knex('latest_metrics').insert({
        run_id: id,
        project_id: projectId,
        key,
        value: isNan ? 0 : value,
        is_nan: isNan,
        step: 10,
        timestamp: f.start + 10,
        min_value: isNan ? null : value,
        max_value: isNan ? null : value,
        point_count: 1,
      });
    }
  }
  return experimentIds;
}

/* The order the query must produce, computed independently in JavaScript. */
function expectedOrder(runs: RunName[], order: RunsQueryOrder): RunName[] {
  const valueOf = (run: RunName): string | number | null => {
    const f = fixture[run];
    if (order.kind === 'metric') {
      const v = f.metrics[order.key];
      return v === undefined || Number.isNaN(v) ? null : v;
    }
    if (order.kind === 'param') {
      return f.params[order.key] ?? null;
    }
    switch (order.key) {
      case 'startTime':
        return f.start;
      case 'endTime':
        return f.end;
      case 'name':
        return f.name;
      case 'status':
        return f.status;
      case 'user':
        return f.user;
      default:
        throw new Error(`no attribute ${order.key}`);
    }
  };
  const sign = order.direction === 'asc' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => {
    if (a === b) {
      return 0;
    }
    return a < b ? -1 : 1;
  };
  return [...runs].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) {
      if (va !== vb) {
        return va === null ? 1 : -1;
      }
    } else if (va !== vb) {
      return sign * compare(va, vb);
    }
    return sign * compare(runIds[a], runIds[b]);
  });
}

const namesOf = (ids: string[]): RunName[] =>
  ids.map(id => allRuns.find(r => runIds[r] === id)!);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('queryRuns on %s', databaseId => {
  let knex: Knex;
  let experimentIds: Record<string, number>;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    experimentIds = await insertFixture(knex);
  });

  const search = async (
    filter: string | RunFilterClause[],
    extra: Partial<RunsQueryOptions> = {},
  ) => {
    const result = await queryRuns(knex, {
      projectId: PROJECT,
      clauses: typeof filter === 'string' ? parseRunFilter(filter) : filter,
      limit: 1000,
      ...extra,
    });
    return result;
  };

  /* The matching runs, as a sorted set of fixture names. */
  const matching = async (
    filter: string,
    extra: Partial<RunsQueryOptions> = {},
  ) => {
    const { rows, totalCount } = await search(filter, extra);
    expect(totalCount).toBe(rows.length);
    return namesOf(rows.map(r => r.id)).sort();
  };

  it('returns the visible runs of the project, newest first, by default', async () => {
    const result = await search('');
    expect(namesOf(result.rows.map(r => r.id))).toEqual(
      expectedOrder(visibleRuns, {
        kind: 'attribute',
        key: 'startTime',
        direction: 'desc',
      }),
    );
    expect(result.totalCount).toBe(visibleRuns.length);
    expect(result.nextCursor).toBeUndefined();
    expect(result.rows[0]).toMatchObject({
      id: runIds.r8,
      name: 'eta',
      project_id: PROJECT,
      user: 'user:default/cy',
      lifecycle_stage: 'active',
    });
    expect(Number(result.rows[0].start_time)).toBe(7000);
    expect(result.rows[0]).not.toHaveProperty('ml_home_sort_value');
  });

  it.each<[string, RunName[]]>([
    ['metrics.acc = 0.9', ['r1', 'r3']],
    ['metrics.acc != 0.9', ['r2', 'r4', 'r5']],
    ['metrics.acc < 0.9', ['r2']],
    ['metrics.acc <= 0.9', ['r1', 'r2', 'r3']],
    ['metrics.acc > 0.9', ['r4', 'r5']],
    ['metrics.acc >= 0.9', ['r1', 'r3', 'r4', 'r5']],
    ['metrics.acc > 1e300', ['r4']],
    ['metrics.missing >= 0', []],
  ])('filters metrics: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it.each<[string, RunName[]]>([
    // r2's latest loss is NaN, stored as 0: it never compares.
    ['metrics.loss = 0', []],
    ['metrics.loss != 0.3', ['r3', 'r4', 'r5']],
    ['metrics.loss < 1', ['r1', 'r3', 'r4', 'r5']],
    ['metrics.loss >= -1', ['r1', 'r3', 'r4', 'r5']],
    // r7's latest acc is NaN.
    ['metrics.acc != 123', ['r1', 'r2', 'r3', 'r4', 'r5']],
  ])('never matches a NaN latest value: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it.each<[string, RunName[]]>([
    ["params.lr = '0.1'", ['r1', 'r3']],
    // Only runs that have the param, as in MLflow.
    ["params.lr != '0.1'", ['r2', 'r4']],
    ["params.lr LIKE '0.0%'", ['r2', 'r4']],
    ["params.lr LIKE '0._'", ['r1', 'r3']],
    ["params.optimizer = 'adam'", ['r2']],
    ["params.optimizer LIKE 'Adam'", ['r1', 'r7']],
    ["params.optimizer LIKE 'adam'", ['r2']],
    ["params.optimizer LIKE 'A%'", ['r1', 'r7']],
    ["params.optimizer LIKE 'a_am'", ['r2']],
    ["params.optimizer ILIKE 'ADAM'", ['r1', 'r2', 'r7']],
    ["params.optimizer ILIKE '%AM'", ['r1', 'r2', 'r7']],
    ["params.optimizer ILIKE 's_D'", ['r3']],
  ])('filters params: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it.each<[string, RunName[]]>([
    ["tags.team = 'vision'", ['r2']],
    ["tags.team != 'vision'", ['r1', 'r3', 'r5']],
    ["tags.team LIKE 'S%'", ['r5']],
    ["tags.team LIKE 's%'", ['r3']],
    ["tags.team ILIKE 's%'", ['r3', 'r5']],
    ["tags.team ILIKE 'VISION'", ['r1', 'r2']],
    // A backslash escapes % in a pattern: '100%…' but not '1000…'.
    ["tags.note LIKE '100\\\\%%'", ['r1']],
    ["tags.note LIKE '100%'", ['r1', 'r2']],
    ["tags.note ILIKE '100\\\\% DONE'", ['r1']],
    // GLOB's own wildcards are plain characters in a LIKE pattern.
    ["tags.note LIKE 'a*b[c]?'", ['r3']],
    ["tags.note LIKE 'a*b%'", ['r3']],
    ["tags.note ILIKE 'A*B[C]_'", ['r3']],
    ["tags.note LIKE 'a__b[c]?'", ['r5']],
  ])('filters tags: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it.each<[string, RunName[]]>([
    ["status = 'FINISHED'", ['r1', 'r5', 'r7']],
    ["status != 'FINISHED'", ['r2', 'r3', 'r4', 'r8']],
    ["status LIKE 'F%'", ['r1', 'r2', 'r5', 'r7']],
    ["status LIKE 'f%'", []],
    ["status ILIKE 'f%'", ['r1', 'r2', 'r5', 'r7']],
    ["name = 'beta'", ['r3']],
    ["name != 'beta'", ['r1', 'r2', 'r4', 'r5', 'r7', 'r8']],
    ["name LIKE 'alpha%'", ['r1']],
    ["name LIKE 'Alpha%'", ['r2']],
    ["name ILIKE 'ALPHA%'", ['r1', 'r2']],
    ["attributes.user_id = 'user:default/ana'", ['r1', 'r3', 'r7']],
    ["user LIKE '%/bo'", ['r2', 'r5']],
    [`runId = '${runIds.r3}'`, ['r3']],
    [`run_id != '${runIds.r3}'`, ['r1', 'r2', 'r4', 'r5', 'r7', 'r8']],
    ["runId LIKE 'a%'", ['r3']],
    ["runId ILIKE 'A%'", ['r3']],
    ["experiment = 'tuning'", ['r3', 'r4', 'r5', 'r8']],
    ["experiment != 'baseline'", ['r3', 'r4', 'r5', 'r8']],
    ["experiment LIKE 'tun%'", ['r3', 'r4', 'r5', 'r8']],
    ["experiment LIKE 'TUN%'", []],
    ["experiment ILIKE 'TUN%'", ['r3', 'r4', 'r5', 'r8']],
    // Only PROJECT's experiments count, though OTHER_PROJECT has one too.
    ["experiment = 'elsewhere'", []],
  ])('filters string attributes: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it.each<[string, RunName[]]>([
    ['startTime = 3000', ['r3', 'r7']],
    ['startTime != 3000', ['r1', 'r2', 'r4', 'r5', 'r8']],
    ['startTime < 3000', ['r1', 'r2']],
    ['startTime <= 3000', ['r1', 'r2', 'r3', 'r7']],
    ['startTime > 3000', ['r4', 'r5', 'r8']],
    ['start_time >= 3000', ['r3', 'r4', 'r5', 'r7', 'r8']],
    // Fractional and huge bounds on the integer columns.
    ['startTime > 2999.5', ['r3', 'r4', 'r5', 'r7', 'r8']],
    ['startTime < 3000.5', ['r1', 'r2', 'r3', 'r7']],
    ['startTime = 3000.5', []],
    ['startTime != 3000.5', ['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r8']],
    ['startTime < 1e300', ['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r8']],
    ['startTime > 1e300', []],
    ['startTime > -1e300', ['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r8']],
    // Runs without an end time match no endTime comparison.
    ['endTime < 3000', ['r1', 'r2']],
    ['endTime != 2000', ['r2', 'r4', 'r5', 'r7']],
    ['endTime >= 0', ['r1', 'r2', 'r4', 'r5', 'r7']],
    ['endTime != 0.5', ['r1', 'r2', 'r4', 'r5', 'r7']],
  ])('filters time attributes: %s', async (filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it('ANDs clauses, including two on one metric', async () => {
    expect(
      await matching(
        "metrics.acc >= 0.9 and params.lr = '0.1' and status = 'FINISHED'",
      ),
    ).toEqual(['r1']);
    expect(await matching('metrics.acc > 0.8 and metrics.acc < 0.92')).toEqual([
      'r1',
      'r3',
    ]);
    expect(
      await matching(
        "tags.team ILIKE 'vision' and params.optimizer ILIKE 'adam' and metrics.loss < 1",
      ),
    ).toEqual(['r1']);
  });

  it('restricts to experiments', async () => {
    const baseline = experimentIds[`${PROJECT}/baseline`];
    const tuning = experimentIds[`${PROJECT}/tuning`];
    expect(await matching('', { experimentIds: [baseline] })).toEqual([
      'r1',
      'r2',
      'r7',
    ]);
    expect(await matching('', { experimentIds: [baseline, tuning] })).toEqual(
      [...visibleRuns].sort(),
    );
    expect(await matching('', { experimentIds: [] })).toEqual([]);
    expect(
      await matching('metrics.acc >= 0.9', { experimentIds: [tuning] }),
    ).toEqual(['r3', 'r4', 'r5']);
  });

  it('hides deleted runs unless asked', async () => {
    expect(await matching("params.lr = '0.1'")).toEqual(['r1', 'r3']);
    expect(
      await matching("params.lr = '0.1'", { includeDeleted: true }),
    ).toEqual(['r1', 'r3', 'r6']);
    expect(await matching('', { includeDeleted: true })).toEqual(
      allRuns.filter(r => r !== 'r9').sort(),
    );
  });

  it('orders by a metric with missing and NaN values last both ways', async () => {
    const asc = await search('', {
      orderBy: { kind: 'metric', key: 'acc', direction: 'asc' },
    });
    // r3 and r1 tie at 0.9 and go by id; r7 (NaN) and r8 (none) come last.
    expect(namesOf(asc.rows.map(r => r.id))).toEqual([
      'r2',
      'r3',
      'r1',
      'r5',
      'r4',
      'r7',
      'r8',
    ]);
    const desc = await search('', {
      orderBy: { kind: 'metric', key: 'acc', direction: 'desc' },
    });
    expect(namesOf(desc.rows.map(r => r.id))).toEqual([
      'r4',
      'r5',
      'r1',
      'r3',
      'r2',
      'r8',
      'r7',
    ]);
  });

  const orders: RunsQueryOrder[] = [
    { kind: 'attribute', key: 'startTime', direction: 'desc' },
    { kind: 'attribute', key: 'startTime', direction: 'asc' },
    { kind: 'attribute', key: 'endTime', direction: 'asc' },
    { kind: 'attribute', key: 'endTime', direction: 'desc' },
    { kind: 'attribute', key: 'name', direction: 'asc' },
    { kind: 'attribute', key: 'status', direction: 'desc' },
    { kind: 'attribute', key: 'user', direction: 'asc' },
    { kind: 'metric', key: 'acc', direction: 'asc' },
    { kind: 'metric', key: 'acc', direction: 'desc' },
    { kind: 'metric', key: 'loss', direction: 'asc' },
    { kind: 'metric', key: 'nothing', direction: 'desc' },
    { kind: 'param', key: 'lr', direction: 'asc' },
    { kind: 'param', key: 'lr', direction: 'desc' },
    { kind: 'param', key: 'optimizer', direction: 'asc' },
  ];

  it.each(
    orders.flatMap(order =>
      [1, 2, 3].map(limit => [
        `${order.kind} ${order.key} ${order.direction}`,
        limit,
        order,
      ]),
    ) as [string, number, RunsQueryOrder][],
  )(
    'pages through every run once by %s, %d a page',
    async (_, limit, orderBy) => {
      const expected = expectedOrder(visibleRuns, orderBy);
      const seen: RunName[] = [];
      const sizes: number[] = [];
      const cursors: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await search('', { orderBy, limit, cursor });
        expect(page.totalCount).toBe(visibleRuns.length);
        seen.push(...namesOf(page.rows.map(r => r.id)));
        sizes.push(page.rows.length);
        cursor = page.nextCursor;
        cursors.push(cursor ?? '');
      } while (cursor && sizes.length < 20);
      expect(seen).toEqual(expected);
      // Full pages with a cursor each, then a last page without one.
      const pages = Math.ceil(expected.length / limit);
      expect(sizes).toEqual(
        Array.from({ length: pages }, (_x, i) =>
          i < pages - 1 ? limit : expected.length - limit * (pages - 1),
        ),
      );
      expect(cursors).toEqual([
        ...Array(pages - 1).fill(expect.stringMatching(/^[A-Za-z0-9_-]+$/)),
        '',
      ]);
    },
  );

  it('pages through a filtered search with the filter held', async () => {
    const filter = 'metrics.acc >= 0.9';
    const orderBy: RunsQueryOrder = {
      kind: 'metric',
      key: 'acc',
      direction: 'desc',
    };
    const first = await search(filter, { orderBy, limit: 2 });
    expect(first.totalCount).toBe(4);
    const second = await search(filter, {
      orderBy,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.totalCount).toBe(4);
    expect(second.nextCursor).toBeUndefined();
    expect(namesOf([...first.rows, ...second.rows].map(r => r.id))).toEqual([
      'r4',
      'r5',
      'r1',
      'r3',
    ]);
  });

  it('rejects cursors it did not issue for this order', async () => {
    const orderBy: RunsQueryOrder = {
      kind: 'metric',
      key: 'acc',
      direction: 'asc',
    };
    const { nextCursor } = await search('', { orderBy, limit: 2 });
    expect(nextCursor).toBeDefined();
    const encode = (value: unknown) =>
      Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = [
      'not a cursor!',
      '',
      encode('just a string'),
      encode(null),
      Buffer.from('{"o":').toString('base64url'),
      encode({ o: ['metric', 'acc', 'asc'], v: 'high', id: runIds.r1 }),
      encode({ o: ['metric', 'acc', 'asc'], v: 0.5, id: 'not-a-run-id' }),
      encode({ o: ['metric', 'acc', 'asc'], v: 0.5 }),
    ];
    for (const cursor of bad) {
      const attempt = search('', { orderBy, limit: 2, cursor });
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(/cursor/);
    }
    // A good cursor under another order is refused too.
    for (const other of [
      { ...orderBy, direction: 'desc' as const },
      { ...orderBy, key: 'loss' },
      { ...orderBy, kind: 'param' as const },
    ]) {
      await expect(
        search('', { orderBy: other, limit: 2, cursor: nextCursor }),
      ).rejects.toThrow(/cursor/);
    }
    // A null value where the sort column has none.
    await expect(
      search('', {
        limit: 2,
        cursor: encode({
          o: ['attribute', 'startTime', 'desc'],
          v: null,
          id: runIds.r1,
        }),
      }),
    ).rejects.toThrow(InputError);
  });

  it('rejects bad limits, orders and clauses', async () => {
    for (const limit of [0, 1001, 1.5, NaN]) {
      await expect(search('', { limit })).rejects.toThrow(/limit/);
    }
    await expect(
      search('', {
        orderBy: { kind: 'attribute', key: 'experiment', direction: 'asc' },
      }),
    ).rejects.toThrow(InputError);
    await expect(
      search([{ kind: 'metric', key: 'acc', op: 'LIKE', value: '1%' }]),
    ).rejects.toThrow(InputError);
    await expect(
      search([{ kind: 'attribute', key: 'startTime', op: '>', value: 'x' }]),
    ).rejects.toThrow(InputError);
    await expect(
      search([{ kind: 'attribute', key: 'colour', op: '=', value: 'x' }]),
    ).rejects.toThrow(InputError);
    await expect(
      search([{ kind: 'param', key: 'lr', op: 'LIKE', value: 'abc\\' }]),
    ).rejects.toThrow(/backslash/);
  });
});

describe('likeToGlob', () => {
  it('keeps LIKE meaning in GLOB syntax', () => {
    expect(likeToGlob('a%b_c')).toBe('a*b?c');
    expect(likeToGlob('*?[]')).toBe('[*][?][[]]');
    expect(likeToGlob('100\\%\\_\\\\x')).toBe('100%_\\x');
    expect(likeToGlob('\\*')).toBe('[*]');
  });
});
