import { TestDatabases } from '@backstage/backend-test-utils';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { MlHomeProjectQuery as ProjectQuery } from '@ml-home/plugin-ml-home-node';
import { Knex } from 'knex';
import path from 'node:path';
import {
  applyProjectConditions,
  matchesProjectConditions,
} from './conditionsToKnex';

jest.setTimeout(120_000);

const migrationsDir = path.resolve(__dirname, '../../migrations');

/** mulberry32: small, seeded, so a failing tree can be reproduced. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof seededRandom>;

const OWNERS = [
  'group:default/home-ranking',
  'group:default/search-quality',
  'group:ml/fraud',
  'user:default/alice',
  'group:default/payments',
] as const;
// Refs no project has, so leaves also name owners that match nothing.
const STRANGERS = ['group:default/nobody', 'user:default/bob'] as const;

function randomCase(random: Random, ref: string): string {
  return [...ref]
    .map(c => (random.next() < 0.3 ? c.toUpperCase() : c))
    .join('');
}

type Row = {
  id: string;
  name: string;
  owner: string;
  deleted: boolean;
};

function makeRows(random: Random, count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `project-${String(i).padStart(2, '0')}`,
    owner: randomCase(random, random.pick(OWNERS)),
    deleted: random.next() < 0.15,
  }));
}

function randomCriteria(
  random: Random,
  depth: number,
): PermissionCriteria<ProjectQuery> {
  const kind = depth === 0 ? 3 : random.int(4);
  const children = () =>
    Array.from({ length: 1 + random.int(3) }, () =>
      randomCriteria(random, depth - 1),
    );
  switch (kind) {
    case 0:
      return { allOf: children() as [PermissionCriteria<ProjectQuery>] };
    case 1:
      return { anyOf: children() as [PermissionCriteria<ProjectQuery>] };
    case 2:
      return { not: randomCriteria(random, depth - 1) };
    default:
      return {
        ownerIn: Array.from({ length: random.int(4) }, () =>
          randomCase(
            random,
            random.next() < 0.85 ? random.pick(OWNERS) : random.pick(STRANGERS),
          ),
        ),
      };
  }
}

describe('applyProjectConditions', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    const rows = makeRows(seededRandom(20261126), 30);
    const live = rows.filter(row => !row.deleted);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const now = new Date('2026-11-26T12:00:00Z');
      await knex('projects').insert(
        rows.map(row => ({
          id: row.id,
          name: row.name,
          title: row.name,
          owner: row.owner,
          lifecycle: 'experimental',
          created_by: 'user:default/alice',
          updated_by: 'user:default/alice',
          created_at: now,
          updated_at: now,
          last_activity_at: now,
          deleted_at: row.deleted ? now : null,
        })),
      );
    });

    // Composed with another filter, as the list routes do: a missing group around the criteria
    // would let a top-level `or` escape the `deleted_at` filter.
    async function selectNames(
      criteria: PermissionCriteria<ProjectQuery>,
    ): Promise<string[]> {
      const query = knex('projects')
        .select('projects.name')
        .whereNull('projects.deleted_at')
        .orderBy('projects.name');
      const result = await applyProjectConditions(query, criteria);
      return result.map((r: { name: string }) => r.name);
    }

    function filterNames(criteria: PermissionCriteria<ProjectQuery>): string[] {
      return live
        .filter(row => matchesProjectConditions(row, criteria))
        .map(row => row.name);
    }

    it('agrees with the in-memory form on 200 random criteria trees', async () => {
      const random = seededRandom(42);
      const sizes = new Set<number>();
      for (let i = 0; i < 200; i++) {
        const criteria = randomCriteria(random, random.int(4));
        const expected = filterNames(criteria);
        const actual = await selectNames(criteria);
        // Naming the tree in the failure makes it reproducible by hand.
        expect({ criteria, names: actual }).toEqual({
          criteria,
          names: expected,
        });
        sizes.add(expected.length);
      }
      // The trees must exercise empty, partial and full results, or agreement proves little.
      expect(sizes).toContain(0);
      expect(sizes).toContain(live.length);
      expect(sizes.size).toBeGreaterThan(5);
    });

    it('compares owners ignoring case', async () => {
      const owned = live.filter(
        row => row.owner.toLowerCase() === 'group:default/home-ranking',
      );
      expect(owned.length).toBeGreaterThan(0);
      expect(owned.some(row => row.owner !== row.owner.toLowerCase())).toBe(
        true,
      );
      const names = owned.map(row => row.name);
      await expect(
        selectNames({ ownerIn: ['GROUP:Default/Home-Ranking'] }),
      ).resolves.toEqual(names);
      await expect(
        selectNames({ ownerIn: ['group:default/home-ranking'] }),
      ).resolves.toEqual(names);
    });

    it('matches nothing for an empty owner list, and everything under its negation', async () => {
      await expect(selectNames({ ownerIn: [] })).resolves.toEqual([]);
      await expect(selectNames({ not: { ownerIn: [] } })).resolves.toEqual(
        live.map(row => row.name),
      );
    });

    it('treats empty allOf as true and empty anyOf as false, like the in-memory form', async () => {
      const all = live.map(row => row.name);
      const allOf = {
        allOf: [],
      } as unknown as PermissionCriteria<ProjectQuery>;
      const anyOf = {
        anyOf: [],
      } as unknown as PermissionCriteria<ProjectQuery>;
      await expect(selectNames(allOf)).resolves.toEqual(all);
      await expect(selectNames(anyOf)).resolves.toEqual([]);
      await expect(selectNames({ not: allOf })).resolves.toEqual([]);
      expect(filterNames(allOf)).toEqual(all);
      expect(filterNames(anyOf)).toEqual([]);
    });

    it('nests anyOf, allOf and not', async () => {
      const lower = (row: Row) => row.owner.toLowerCase();
      const expected = live
        .filter(
          row =>
            lower(row) === 'group:ml/fraud' ||
            (lower(row) !== 'user:default/alice' &&
              lower(row).startsWith('group:default/') &&
              lower(row) !== 'group:default/payments'),
        )
        .map(row => row.name);
      const criteria: PermissionCriteria<ProjectQuery> = {
        anyOf: [
          { ownerIn: ['group:ml/FRAUD'] },
          {
            allOf: [
              { not: { ownerIn: ['user:default/alice'] } },
              {
                ownerIn: [
                  'group:default/home-ranking',
                  'group:default/search-quality',
                  'group:default/payments',
                ],
              },
              { not: { anyOf: [{ ownerIn: ['Group:Default/Payments'] }] } },
            ],
          },
        ],
      };
      expect(expected.length).toBeGreaterThan(0);
      await expect(selectNames(criteria)).resolves.toEqual(expected);
      expect(filterNames(criteria)).toEqual(expected);
    });

    it('filters on the column it is given', async () => {
      const names = await applyProjectConditions(
        knex('projects as p').select('p.name').orderBy('p.name'),
        { ownerIn: ['user:default/alice'] },
        'p.owner',
      );
      expect(names.map((r: { name: string }) => r.name)).toEqual(
        rows
          .filter(row => row.owner.toLowerCase() === 'user:default/alice')
          .map(row => row.name),
      );
    });
  });
});
