/*
 * Attack: hostile text in every place a caller's text reaches a query — free-text search, the
 * run filter language, sort orders, page cursors, path parameters and page sizes. SQL
 * metacharacters, tautologies, stacked statements, unicode, NUL bytes, huge strings, prototype
 * keys, regex bombs, LIKE wildcards (which must match literally), JSON in cursors and absurd
 * limits. Each must get a 400 that names the parameter, or a correct answer that is no broader
 * than the literal one; never a 500, never internals in the error, and the tables intact after.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  TEAM_A,
  asUser,
  startAttackBackend,
} from './__testUtils__/attackBackend';
import {
  TOKEN_USE_COLUMNS,
  contentSnapshot,
  snapshotDiff,
  tableNames,
} from './__testUtils__/database';
import { Fixtures, seedFixtures } from './__testUtils__/fixtures';
import { leaksIn } from './__testUtils__/leaks';

jest.setTimeout(180_000);

/** What a 200 must contain; a message when it does not. */
type Check = (body: any) => string | undefined;

const FAMILIES = [
  'SQL metacharacters',
  'LIKE wildcards',
  'unicode and NUL bytes',
  'huge strings',
  'prototype keys',
  'regex bombs',
  'cursors',
  'sort orders',
  'path parameters',
  'page sizes and numbers',
  'objects and lists as parameters',
] as const;
type Family = (typeof FAMILIES)[number];

interface Case {
  family?: Family;
  name: string;
  /** The path below the plugin, with the payload already encoded into it. */
  path: string;
  method?: 'get' | 'put' | 'delete';
  body?: object;
  /** What a 400 must name. */
  param: string;
  /** How a 200 is judged; without it only a 400 (or `also`) will do. */
  ok?: Check;
  /** Other acceptable statuses (404 for an id that names nothing, 414/431 for a huge URL). */
  also?: number[];
  /** The raw payload, which an error message may quote back. */
  payload?: string;
}

const enc = encodeURIComponent;
const b64 = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** Projects whose texts test literal matching of LIKE's wildcards and unicode. */
const LITERAL_PROJECTS = [
  { name: 'literal-pct', title: '100% pure' },
  { name: 'literal-plain', title: '1000 pure' },
  { name: 'literal-under', title: 'snake_case' },
  { name: 'literal-x', title: 'snakeXcase' },
  { name: 'literal-back', title: 'back\\slash' },
  { name: 'literal-emoji', title: 'Rocket 🚀 größe' },
];

const SQL_PAYLOADS = [
  "'",
  '"',
  '\\',
  ';',
  '--',
  '/*',
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE runs; --",
  "1' UNION SELECT secret_hash FROM project_tokens --",
  "%' OR '1'='1",
  ') OR (1=1',
  "admin'--",
  '`',
  "'||(SELECT 1)||'",
];

describe('attack: injection', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let api: () => any;
    let fixtures: Fixtures;
    let projects: { name: string; text: string }[] = [];
    let models: { name: string; text: string }[] = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const started = await startAttackBackend(knex);
      api = started.api;
      fixtures = await seedFixtures(started.server, knex);
      for (const p of LITERAL_PROJECTS) {
        const res = await api()
          .post(`${BASE}/projects`)
          .set('Authorization', asUser(ALICE))
          .send({ ...p, owner: TEAM_A });
        if (res.status !== 201) {
          throw new Error(`Could not create ${p.name}: ${res.status}`);
        }
      }
      const all = await api()
        .get(`${BASE}/projects?limit=1000`)
        .set('Authorization', asUser(ALICE));
      projects = all.body.items.map((p: any) => ({
        name: p.name,
        text: [p.name, p.title, p.description, ...p.tags]
          .join(' ')
          .toLowerCase(),
      }));
      const allModels = await api()
        .get(`${BASE}/models?limit=1000`)
        .set('Authorization', asUser(ALICE));
      models = allModels.body.items.map((m: any) => ({
        name: m.name,
        text: `${m.name} ${m.description}`.toLowerCase(),
      }));
    });

    const projectTexts = () => projects;
    const modelTexts = () => models;
    const names = (body: any): string[] =>
      (body?.items ?? []).map((i: any) => i.name).sort();

    /** Every word of `q` appears literally (wildcards included) in the item's text. */
    const literal = (items: { name: string; text: string }[], q: string) => {
      const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
      return items
        .filter(i => words.slice(0, 10).every(w => i.text.includes(w)))
        .map(i => i.name)
        .sort();
    };

    /** The answer holds nothing beyond the literal matches. */
    const withinLiteral =
      (items: () => { name: string; text: string }[], q: string): Check =>
      body => {
        const allowed = new Set(literal(items(), q));
        const extra = names(body).filter(n => !allowed.has(n));
        return extra.length ? `matched ${extra.join(', ')}` : undefined;
      };
    const exactly =
      (expected: string[]): Check =>
      body => {
        const got = names(body);
        return JSON.stringify(got) === JSON.stringify([...expected].sort())
          ? undefined
          : `got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
      };
    const none: Check = body =>
      (body?.items?.length ?? 0) === 0 && !(body?.totalCount > 0)
        ? undefined
        : `answered ${body?.items?.length} items`;
    const runIds =
      (expected: () => string[]): Check =>
      body => {
        const got = (body?.items ?? []).map((r: any) => r.id).sort();
        return JSON.stringify(got) === JSON.stringify(expected().sort())
          ? undefined
          : `got runs ${JSON.stringify(got)}`;
      };
    const anyAnswer: Check = () => undefined;
    /** A page after a forged cursor shows only what the unpaged list shows. */
    const withinAll: Check = body => {
      const all = new Set(projects.map(p => p.name));
      const extra = names(body).filter(n => !all.has(n));
      return extra.length ? `showed ${extra.join(', ')}` : undefined;
    };

    function cases(): Case[] {
      const alphaRuns = () => [fixtures.alpha.runId];
      const runs = (query: string) => `/projects/alpha/runs?${query}`;
      const list: Case[] = [];
      let family: Family = 'SQL metacharacters';
      const add = (...more: Case[]) =>
        list.push(...more.map(c => ({ ...c, family })));

      // SQL metacharacters as free text, as a filter value, as a model search.
      family = 'SQL metacharacters';
      for (const payload of SQL_PAYLOADS) {
        add({
          name: `project search ${payload}`,
          path: `/projects?q=${enc(payload)}`,
          param: 'q',
          ok: withinLiteral(projectTexts, payload),
          payload,
        });
        add({
          name: `model search ${payload}`,
          path: `/models?q=${enc(payload)}`,
          param: 'q',
          ok: withinLiteral(modelTexts, payload),
          payload,
        });
        add({
          name: `filter value ${payload}`,
          path: runs(`filter=${enc(`params.optimizer = "${payload}"`)}`),
          param: 'filter',
          ok: none,
          payload,
        });
      }

      // LIKE wildcards match themselves in search, and nothing else.
      family = 'LIKE wildcards';
      for (const [q, expected] of [
        ['%', ['literal-pct']],
        ['_', ['literal-under']],
        ['100%', ['literal-pct']],
        ['snake_case', ['literal-under']],
        ['%%', []],
        ['_%_', []],
        ['\\', ['literal-back']],
        ['🚀', ['literal-emoji']],
        ['größe', ['literal-emoji']],
      ] as const) {
        add({
          name: `project search matches ${q} literally`,
          path: `/projects?q=${enc(q)}`,
          param: 'q',
          ok: exactly([...expected]),
          payload: q,
        });
      }
      for (const q of ['%', '_', '\\%']) {
        add({
          name: `model search ${q}`,
          path: `/models?q=${enc(q)}`,
          param: 'q',
          ok: none,
          payload: q,
        });
        add({
          name: `dataset search ${q}`,
          path: `/datasets?q=${enc(q)}`,
          param: 'q',
          ok: none,
          payload: q,
        });
      }
      for (const q of ['%', '_', 's%', 'se_d', '_eed']) {
        add({
          name: `tag prefix ${q}`,
          path: `/tag-counts?q=${enc(q)}`,
          param: 'q',
          ok: none,
          payload: q,
        });
      }
      add(
        {
          name: 'deployments of a service pattern',
          path: `/deployments?service=${enc('component:default/%')}`,
          param: 'service',
          ok: none,
        },
        {
          name: 'runs of an experiment pattern',
          path: runs(`experiment=${enc('%')}`),
          param: 'experiment',
          ok: none,
        },
        {
          name: 'runs of an experiment one letter off',
          path: runs(`experiment=${enc('_rain')}`),
          param: 'experiment',
          ok: none,
        },
        {
          name: 'projects of an owner pattern',
          path: `/projects?owner=${enc('group:default/team-%')}`,
          param: 'owner',
          ok: none,
        },
        {
          name: 'projects of an owner with a quote',
          path: `/projects?owner=${enc("group:default/team-a' OR '1'='1")}`,
          param: 'owner',
          ok: none,
        },
        {
          name: 'evaluations of a dataset pattern',
          path: `/evaluations?dataset=${enc('alpha/%')}`,
          param: 'dataset',
          ok: none,
        },
        {
          name: 'filter equality with a wildcard',
          path: runs(`filter=${enc('params.optimizer = "%"')}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'filter LIKE keeps its documented pattern meaning',
          path: runs(`filter=${enc('params.optimizer LIKE "ad_m"')}`),
          param: 'filter',
          ok: runIds(alphaRuns),
        },
      );

      // Unicode and NUL bytes.
      family = 'unicode and NUL bytes';
      for (const [what, q] of [
        ['a NUL byte', '\u0000'],
        ['a NUL inside a word', 'al\u0000pha'],
        ['a right-to-left override', '\u202e'],
        ['a zero-width joiner', 'al\u200dpha'],
        ['a non-character', '\uffff'],
        ['a combining accent', 'e\u0301'],
      ]) {
        add({
          name: `project search with ${what}`,
          path: `/projects?q=${enc(q)}`,
          param: 'q',
          ok: none,
          payload: q,
        });
      }
      add(
        {
          name: 'filter with a NUL byte',
          path: runs(`filter=${enc('params.optimizer = "a\u0000"')}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'tag prefix with a NUL byte',
          path: `/tag-counts?q=${enc('\u0000')}`,
          param: 'q',
          ok: none,
        },
        {
          name: 'runs of an experiment with a NUL byte',
          path: runs(`experiment=${enc('tr\u0000ain')}`),
          param: 'experiment',
          ok: none,
        },
        {
          name: 'cursor holding a NUL byte',
          path: `/projects?cursor=${b64(['alpha\u0000', 'x'])}`,
          param: 'cursor',
          ok: withinAll,
        },
        {
          name: 'project name with a NUL byte',
          path: '/projects/alpha%00',
          param: 'projectName',
        },
      );

      // Huge strings.
      family = 'huge strings';
      add(
        {
          name: 'search one character too long',
          path: `/projects?q=${'a'.repeat(201)}`,
          param: 'q',
        },
        {
          name: 'search of 100,000 characters',
          path: `/projects?q=${'a'.repeat(100_000)}`,
          param: 'q',
          also: [414, 431],
        },
        {
          name: 'filter one character too long',
          path: runs(`filter=${enc(`params.x = "${'y'.repeat(1990)}"`)}`),
          param: 'filter',
        },
        {
          name: 'filter of 21 clauses',
          path: runs(
            `filter=${enc(Array.from({ length: 21 }, (_, i) => `metrics.m${i} > 0`).join(' and '))}`,
          ),
          param: 'filter',
        },
        {
          name: 'order one character too long',
          path: runs(`orderBy=${enc(`metrics.${'m'.repeat(293)}`)}`),
          param: 'orderBy',
        },
        {
          name: 'cursor one character too long',
          path: `/projects?cursor=${'A'.repeat(2001)}`,
          param: 'cursor',
        },
        {
          name: 'project name of 64 characters',
          path: `/projects/${'a'.repeat(64)}`,
          param: 'projectName',
        },
        {
          name: 'deployment id of 37 characters',
          path: `/deployments/${'d'.repeat(37)}/monitoring?metric=x`,
          param: 'deploymentId',
        },
      );

      // Prototype keys.
      family = 'prototype keys';
      add(
        {
          name: 'search for __proto__',
          path: '/projects?q=__proto__',
          param: 'q',
          ok: none,
        },
        {
          name: 'search for constructor',
          path: '/models?q=constructor',
          param: 'q',
          ok: none,
        },
        {
          name: 'filter on params.__proto__',
          path: runs(`filter=${enc('params.__proto__ = "x"')}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'filter on metrics.constructor',
          path: runs(`filter=${enc('metrics.constructor > 0')}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'order by params.__proto__',
          path: runs(`orderBy=${enc('params.__proto__')}`),
          param: 'orderBy',
          ok: runIds(alphaRuns),
        },
        {
          name: 'a __proto__ query parameter',
          path: '/projects?__proto__[admin]=1',
          param: '__proto__',
          ok: withinAll,
        },
        {
          name: 'a constructor.prototype query parameter',
          path: '/projects?constructor[prototype][admin]=1',
          param: 'constructor',
          ok: withinAll,
        },
        {
          name: 'a cursor that is a __proto__ object',
          path: `/projects?cursor=${b64({ __proto__: { admin: true } })}`,
          param: 'cursor',
        },
      );

      // Regex bombs and other pathological shapes.
      family = 'regex bombs';
      add(
        {
          name: 'filter of 1,000 opening parentheses',
          path: runs(`filter=${enc('('.repeat(1000))}`),
          param: 'filter',
        },
        {
          name: 'filter with a 1,900-letter key',
          path: runs(`filter=${enc(`metrics.${'a'.repeat(1900)} > 0`)}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'filter value of 1,000 backslashes',
          path: runs(`filter=${enc(`params.x = "${'\\'.repeat(1000)}"`)}`),
          param: 'filter',
          ok: none,
        },
        {
          name: 'search with a catastrophic regex',
          path: `/projects?q=${enc('(a+)+$')}`,
          param: 'q',
          ok: none,
        },
        {
          name: 'search of 99 words',
          path: `/projects?q=${enc('alpha '.repeat(99))}`,
          param: 'q',
          ok: withinLiteral(projectTexts, 'alpha '.repeat(99)),
        },
        {
          name: 'order by 200 backticks',
          path: runs(`orderBy=${enc(`metrics.${'`'.repeat(200)}`)}`),
          param: 'orderBy',
          ok: anyAnswer,
        },
      );

      // Cursors.
      family = 'cursors';
      add(
        {
          name: 'cursor "nope"',
          path: '/projects?cursor=bm9wZQ',
          param: 'cursor',
        },
        {
          name: 'cursor of a tautology',
          path: `/projects?cursor=${b64(["' OR 1=1 --", 'x'])}`,
          param: 'cursor',
          ok: withinAll,
        },
        {
          name: 'cursor of three parts',
          path: `/projects?cursor=${b64(['a', 'b', 'c'])}`,
          param: 'cursor',
        },
        {
          name: 'cursor of numbers',
          path: `/projects?cursor=${b64([1, 2])}`,
          param: 'cursor',
        },
        {
          name: 'cursor that is not base64',
          path: `/projects?cursor=${enc('!!!')}`,
          param: 'cursor',
        },
        {
          name: 'cursor of null',
          path: `/projects?cursor=${b64(null)}`,
          param: 'cursor',
        },
        {
          name: 'two cursors',
          path: '/projects?cursor=a&cursor=b',
          param: 'cursor',
        },
        {
          name: 'forged run cursor',
          path: runs(`cursor=${b64(["' OR 1=1 --", 1, 'x'])}`),
          param: 'cursor',
          ok: body =>
            (body?.items ?? []).every((r: any) => r.project === 'alpha')
              ? undefined
              : 'showed runs of other projects',
        },
        {
          name: 'forged model cursor',
          path: `/models?cursor=${b64(["'", "'"])}`,
          param: 'cursor',
          ok: anyAnswer,
        },
      );

      // Sort orders.
      family = 'sort orders';
      for (const orderBy of [
        'metrics.auc; DROP TABLE runs',
        'attributes.startTime DESC, 1',
        '(SELECT 1)',
        'attributes.nope',
        'metrics.auc DESCX',
        'params.optimizer ASC NULLS FIRST',
      ]) {
        add({
          name: `run order ${orderBy}`,
          path: runs(`orderBy=${enc(orderBy)}`),
          param: 'orderBy',
          ok: runIds(alphaRuns),
          payload: orderBy,
        });
      }
      add(
        {
          name: 'project order with a statement',
          path: `/projects?orderBy=${enc('name;--')}`,
          param: 'orderBy',
        },
        {
          name: 'project direction with a statement',
          path: `/projects?order=${enc('asc; DROP TABLE projects')}`,
          param: 'order',
        },
      );

      // Path parameters.
      family = 'path parameters';
      add(
        {
          name: 'project name tautology',
          path: `/projects/${enc("' OR 1=1 --")}`,
          param: 'projectName',
        },
        {
          name: 'project name traversal',
          path: '/projects/..%2F..%2Fetc%2Fpasswd',
          param: 'projectName',
          also: [404],
        },
        {
          name: 'project name in capitals',
          path: '/projects/ALPHA',
          param: 'projectName',
          also: [404],
        },
        {
          name: 'run id tautology',
          path: `/runs/${enc("' OR '1'='1")}`,
          param: 'runId',
        },
        {
          name: 'run id in capitals',
          path: `/runs/${'A1'.repeat(16)}`,
          param: 'runId',
        },
        {
          name: 'model name with a comment',
          path: `/models/${enc("alpha-model' --")}`,
          param: 'modelName',
        },
        {
          name: 'version tautology',
          path: `/models/alpha-model/versions/${enc('1 OR 1=1')}`,
          param: 'version',
        },
        {
          name: 'negative version',
          path: '/models/alpha-model/versions/-1',
          param: 'version',
        },
        {
          name: 'version beyond a 32-bit integer',
          path: '/models/alpha-model/versions/99999999999',
          param: 'version',
          also: [404],
        },
        {
          name: 'deployment id tautology',
          path: `/deployments/${enc("' OR 1=1 --")}/monitoring?metric=x`,
          param: 'deploymentId',
          also: [404],
        },
        {
          name: 'evaluation id with a statement',
          path: `/evaluations/${enc('1; DROP TABLE evaluations')}`,
          param: 'evaluationId',
          also: [404],
        },
        {
          name: 'note id wildcard',
          path: `/notes/${enc('%')}/revisions`,
          param: 'noteId',
          also: [404],
        },
        {
          name: 'revoking a token id tautology (as the owner)',
          method: 'delete',
          path: `/projects/alpha/tokens/${enc("' OR 1=1 --")}`,
          param: 'tokenId',
          also: [404],
        },
        {
          name: 'alias tautology',
          method: 'put',
          path: `/models/alpha-model/aliases/${enc("champion' OR '1'='1")}`,
          body: { version: 1 },
          param: 'alias',
        },
        {
          name: 'dataset name wildcard',
          path: `/projects/alpha/datasets/${enc('%')}`,
          param: 'datasetName',
        },
        {
          name: 'tags of an entity id tautology',
          path: `/tags?entityType=model&entityId=${enc("' OR 1=1 --")}`,
          param: 'entityId',
          also: [404],
        },
        {
          name: 'tags of an entity type with a statement',
          path: `/tags?entityType=${enc('model; DROP TABLE entity_tags')}&entityId=x`,
          param: 'entityType',
        },
      );

      // Page sizes and numbers.
      family = 'page sizes and numbers';
      for (const limit of [
        '-1',
        '0',
        '1001',
        '1e10',
        'abc',
        '1.5',
        '10; DROP TABLE runs',
        '99999999999999999999',
        '',
      ]) {
        add({
          name: `limit ${JSON.stringify(limit)}`,
          path: `/projects?limit=${enc(limit)}`,
          param: 'limit',
          payload: limit,
        });
      }
      add(
        {
          name: 'negative maxPoints',
          path: `/runs/${fixtures.alpha.runId}/metric-history?key=loss&maxPoints=-1`,
          param: 'maxPoints',
        },
        {
          name: 'maxPoints beyond the limit',
          path: `/runs/${fixtures.alpha.runId}/metric-history?key=loss&maxPoints=5001`,
          param: 'maxPoints',
        },
        {
          name: 'evaluations of a version beyond a 32-bit integer',
          path: '/evaluations?model=alpha-model&version=99999999999',
          param: 'version',
          ok: none,
        },
        {
          name: 'deleting a note at a revision beyond a 32-bit integer',
          method: 'delete',
          path: `/notes/${fixtures.alpha.noteId}?revision=99999999999`,
          param: 'revision',
          also: [409],
        },
      );

      // Parameters that arrive as objects or lists.
      family = 'objects and lists as parameters';
      add(
        {
          name: 'search as an operator object',
          path: '/projects?q[$ne]=1',
          param: 'q',
        },
        {
          name: 'search given twice',
          path: '/projects?q=a&q=b',
          param: 'q',
        },
        {
          name: 'owner as an operator object',
          path: '/models?owner[$gt]=',
          param: 'owner',
        },
        {
          name: 'limit as a list',
          path: '/projects?limit[]=1',
          param: 'limit',
        },
        {
          name: 'deleted as neither true nor false',
          path: '/projects?deleted=maybe',
          param: 'deleted',
        },
      );
      return list;
    }

    let tables: string[];
    let before: Record<string, string[]>;
    beforeAll(async () => {
      tables = await tableNames(knex);
      before = await contentSnapshot(knex, TOKEN_USE_COLUMNS);
    });

    it('has at least 75 hostile inputs, in every family', () => {
      const all = cases();
      expect(all.length).toBeGreaterThanOrEqual(75);
      expect([...new Set(all.map(c => c.family))].sort()).toEqual(
        [...FAMILIES].sort(),
      );
    });

    it.each(FAMILIES.map(f => [f]))(
      'answers %s with a 400 naming the parameter or a literal answer, never a 500',
      async family => {
        const wrong: string[] = [];
        for (const c of cases().filter(x => x.family === family)) {
          const started = Date.now();
          let req = api()
            [c.method ?? 'get'](`${BASE}${c.path}`)
            .set('Authorization', asUser(ALICE));
          if (c.body) req = req.send(c.body);
          const res = await req;
          const took = Date.now() - started;
          const message: string = res.body?.error?.message ?? '';
          if (took > 10_000) wrong.push(`${c.name}: took ${took} ms`);
          if (res.status === 400) {
            if (!message.includes(c.param)) {
              wrong.push(
                `${c.name}: 400 '${message}' does not name ${c.param}`,
              );
            }
          } else if (res.status === 200 && c.ok) {
            const problem = c.ok(res.body);
            if (problem) wrong.push(`${c.name}: ${problem}`);
          } else if (!c.also?.includes(res.status)) {
            wrong.push(`${c.name} → ${res.status} ${message}`);
          }
          const leaks = leaksIn(res.body, c.payload ? [c.payload] : []);
          if (leaks.length) wrong.push(`${c.name} leaks ${leaks}`);
        }
        expect(wrong).toEqual([]);
      },
    );

    it('leaves every table as it was', async () => {
      expect(await tableNames(knex)).toEqual(tables);
      expect(
        snapshotDiff(before, await contentSnapshot(knex, TOKEN_USE_COLUMNS)),
      ).toEqual([]);
    });
  });
});
