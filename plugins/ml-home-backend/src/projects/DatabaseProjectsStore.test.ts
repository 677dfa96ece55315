import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ProjectConditions } from '../domain/ProjectConditions';
import { FacetCount, Lifecycle, ProjectListQuery } from '../domain/types';
import { DatabaseProjectsStore } from './DatabaseProjectsStore';

jest.setTimeout(120_000);

const OWNERS = [
  'group:default/team-a',
  'group:default/team-b',
  'group:default/team-c',
];
const LIFECYCLES: Lifecycle[] = ['experimental', 'production', 'deprecated'];
const TAGS = ['churn', 'ads', 'vision', 'nlp'];
const WORDS = ['ranker', 'forecast', 'embedding'];

/** A spread of projects over owners, lifecycles, tags and title words that do not line up. */
const PROJECTS = Array.from({ length: 30 }, (_, i) => ({
  name: `p-${String(i).padStart(2, '0')}`,
  title: `${WORDS[i % 3]} ${i % 4 === 0 ? WORDS[(i + 1) % 3] : ''}`.trim(),
  owner: OWNERS[i % 3 === 0 ? 0 : (i % 2) + 1],
  lifecycle: LIFECYCLES[(i % 3) + (i % 5 === 0 ? 2 : 0)] ?? LIFECYCLES[0],
  tags: TAGS.filter((_t, k) => (i >> k) & 1),
}));

type Spec = (typeof PROJECTS)[number];

/** What a facet should say, counted here in memory: the other filters applied, not its own. */
function expected(
  query: Partial<ProjectListQuery>,
  readable: (p: Spec) => boolean,
) {
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const keep =
    (skip?: 'owner' | 'lifecycle' | 'tag') =>
    (p: Spec): boolean =>
      readable(p) &&
      words.every(w => `${p.name} ${p.title}`.toLowerCase().includes(w)) &&
      (skip === 'owner' ||
        !query.owners?.length ||
        query.owners.includes(p.owner)) &&
      (skip === 'lifecycle' ||
        !query.lifecycles?.length ||
        query.lifecycles.includes(p.lifecycle)) &&
      (skip === 'tag' || (query.tags ?? []).every(t => p.tags.includes(t)));
  const count = (values: string[]): FacetCount[] => {
    const m = new Map<string, number>();
    values.forEach(v => m.set(v, (m.get(v) ?? 0) + 1));
    return [...m]
      .map(([value, c]) => ({ value, count: c }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    totalCount: PROJECTS.filter(keep()).length,
    facets: {
      owner: count(PROJECTS.filter(keep('owner')).map(p => p.owner)),
      lifecycle: count(
        PROJECTS.filter(keep('lifecycle')).map(p => p.lifecycle),
      ),
      tag: count(PROJECTS.filter(keep('tag')).flatMap(p => p.tags)),
      level: [],
    },
  };
}

describe('DatabaseProjectsStore.listProjects', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseProjectsStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      store = new DatabaseProjectsStore(knex);
      for (const p of PROJECTS) {
        await store.createProject(
          {
            ...p,
            description: '',
            links: [],
            relatedEntities: [],
          },
          'user:default/alice',
        );
      }
    });

    // The total and the facets whose filter is not set come from one grouped scan; the facets
    // whose filter is set from queries of their own. Every mix must count as the facets did
    // when each had its own query.
    const queries: Partial<ProjectListQuery>[] = [
      {},
      { q: 'ranker' },
      { q: 'EMBEDDING forecast' },
      { owners: [OWNERS[1]] },
      { q: 'forecast', owners: [OWNERS[0], OWNERS[2]] },
      { lifecycles: ['production', 'deprecated'] },
      { tags: ['churn'] },
      { q: 'ranker', tags: ['ads', 'vision'], lifecycles: ['experimental'] },
      {
        owners: [OWNERS[1]],
        lifecycles: ['production'],
        tags: ['nlp'],
      },
      { q: 'no-such-word' },
    ];
    const conditionsCases: [string, ProjectConditions, (p: Spec) => boolean][] =
      [
        ['every project readable', undefined, () => true],
        [
          'reads narrowed to two owners',
          { ownerIn: [OWNERS[0], OWNERS[1]] } as unknown as ProjectConditions,
          p => p.owner !== OWNERS[2],
        ],
      ];

    it.each(conditionsCases)(
      'counts the total and every facet as in memory (%s)',
      async (_name, conditions, readable) => {
        for (const query of queries) {
          const result = await store.listProjects(
            {
              orderBy: 'name',
              order: 'asc',
              deleted: false,
              limit: 5,
              ...query,
            },
            conditions,
          );
          expect({
            query,
            ...result,
            items: undefined,
            nextCursor: undefined,
          }).toEqual({
            query,
            items: undefined,
            nextCursor: undefined,
            ...expected(query, readable),
          });
          expect(result.items.length).toBe(
            Math.min(5, expected(query, readable).totalCount),
          );
        }
      },
    );

    it('reads a project without its counts in one query, with the same row and tags', async () => {
      for (const name of ['p-00', 'p-07', 'p-15']) {
        const full = (await store.getProject(name))!;
        const bare = await store.getProject(name, { counts: false });
        expect(full.counts).toEqual({ experiments: 0, runs: 0 });
        const { counts: _counts, ...own } = full;
        expect(bare).toEqual(own);
        expect(bare!.tags).toEqual(
          [...PROJECTS.find(p => p.name === name)!.tags].sort(),
        );
      }
      // Deleted projects are found only when asked for.
      await store.setProjectDeleted(
        (await store.getProject('p-29'))!,
        true,
        'user:default/alice',
      );
      expect(await store.getProject('p-29', { counts: false })).toBeUndefined();
      expect(
        (
          await store.getProject('p-29', {
            counts: false,
            includeDeleted: true,
          })
        )?.deletedAt,
      ).toBeInstanceOf(Date);
      expect(await store.getProject('nope', { counts: false })).toBeUndefined();
      await store.setProjectDeleted(
        (await store.getProject('p-29', { includeDeleted: true }))!,
        false,
        'user:default/alice',
      );
    });
  });
});
