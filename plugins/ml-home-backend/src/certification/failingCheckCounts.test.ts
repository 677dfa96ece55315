import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseStores } from '../database/DatabaseStores';
import { Project } from '../domain/types';
import { DatabaseMlflowStore } from '../mlflow/DatabaseMlflowStore';
import { DEFAULT_CERTIFICATION_CONFIG } from './config';
import {
  AutomatedCheckResults,
  DefaultCertificationService,
} from './CertificationService';

import {
  ALICE,
  DAY,
  alice,
  automatedResults,
} from './__testUtils__/certificationFixtures';
import { MIGRATIONS } from '../__testUtils__/testStores';

jest.setTimeout(120_000);

interface CountRow {
  project_id: string;
  owner: string;
  level: string;
  check_id: string;
  n: string | number;
}

/** The counts as the overview counted them on read before they were kept: from the results. */
async function recounted(knex: Knex) {
  const rows: CountRow[] = await knex('certification_scorecards as s')
    .join('certification_check_results as r', 'r.model_id', 's.model_id')
    .where('r.points', 0)
    .whereNot('r.section', 'portal')
    .whereNot('r.status', 'n/a')
    .groupBy('s.project_id', 's.owner', 's.level', 'r.check_id')
    .select('s.project_id', 's.owner', 's.level', 'r.check_id')
    .count({ n: '*' });
  return rows
    .map(
      r => `${r.project_id} ${r.owner} ${r.level} ${r.check_id} ${Number(r.n)}`,
    )
    .sort();
}

async function kept(knex: Knex) {
  const rows = await knex('certification_failing_counts').select();
  return rows
    .map(
      r =>
        `${r.project_id} ${r.owner} ${r.level} ${r.check_id} ${Number(r.models)}`,
    )
    .sort();
}

describe('the overview’s failing-check counts, kept at write time', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let now: Date;
    let storage: DatabaseStores;
    let projects: Record<string, Project>;
    let automated: Record<string, AutomatedCheckResults>;
    let service: DefaultCertificationService;

    const scope = async (name: string) => {
      const model = (await storage.stores.models.getModel(name))!;
      const project = Object.values(projects).find(
        p => p.id === model.projectId,
      )!;
      return { model, project };
    };
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      now = new Date('2026-12-01T12:00:00Z');
      storage = new DatabaseStores(knex, () => new Date(now));
      projects = {};
      for (const [name, owner] of [
        ['feed', 'group:default/team-a'],
        ['ads', 'group:default/team-b'],
      ]) {
        projects[name] = await storage.stores.projects.createProject(
          {
            name,
            title: name,
            description: '',
            owner,
            lifecycle: 'production',
            tags: [],
            links: [],
            relatedEntities: [],
          },
          ALICE,
        );
      }
      for (const [name, project, owner] of [
        ['ranker', 'feed', undefined],
        ['scorer', 'feed', 'group:default/team-c'],
        ['bidder', 'ads', undefined],
        ['pacer', 'ads', undefined],
      ] as const) {
        await storage.stores.models.createModel(
          projects[project],
          { name, description: '', owner },
          ALICE,
        );
      }
      automated = {
        ranker: automatedResults(),
        scorer: automatedResults(['model.baseline']),
        bidder: { version: null, versionSource: 'none', checks: [] },
        pacer: automatedResults(),
      };
      service = new DefaultCertificationService({
        store: storage.stores.certification,
        unitOfWork: storage,
        runChecks: async name => automated[name],
        config: DEFAULT_CERTIFICATION_CONFIG,
        extraChecks: () => [],
        findModel: async name => scope(name),
        clock: () => new Date(now),
      });
    });

    it('equal the stored results after first evaluations', async () => {
      for (const name of Object.keys(automated)) {
        await service.getScorecard(alice, await scope(name));
      }
      const expected = await recounted(knex);
      expect(expected.length).toBeGreaterThan(0);
      expect(await kept(knex)).toEqual(expected);
    });

    it('stay right through re-evaluations that change results and levels', async () => {
      automated.ranker = automatedResults(['model.baseline', 'infra.rollback']);
      automated.bidder = automatedResults();
      for (const name of ['ranker', 'bidder']) {
        await service.reevaluateModel(name);
      }
      expect(await kept(knex)).toEqual(await recounted(knex));
      // Nothing changed: the counts stay as they are.
      const before = await kept(knex);
      await service.reevaluateModel('ranker');
      expect(await kept(knex)).toEqual(before);
    });

    it('stay right when one model is re-evaluated by several writers at once', async () => {
      // A write's debounced re-evaluation, another replica's scheduled task and an attestation's
      // own re-evaluation can meet on one model; each sees different results here.
      const variants = [
        automatedResults(),
        automatedResults(['model.baseline']),
        automatedResults(['model.baseline', 'infra.rollback']),
        { version: null, versionSource: 'none' as const, checks: [] },
      ];
      let next = 0;
      const settled = automated.pacer;
      Object.defineProperty(automated, 'pacer', {
        configurable: true,
        enumerable: true,
        get: () => variants[next++ % variants.length],
      });
      const writers = (s: DefaultCertificationService) =>
        Promise.all(
          Array.from({ length: 8 }, () => s.reevaluateModel('pacer')),
        );
      try {
        for (let round = 0; round < 3; round += 1) {
          await writers(service);
          expect(await kept(knex)).toEqual(await recounted(knex));
        }
      } finally {
        Object.defineProperty(automated, 'pacer', {
          configurable: true,
          enumerable: true,
          writable: true,
          value: settled,
        });
      }
      await service.reevaluateModel('pacer');
      expect(await kept(knex)).toEqual(await recounted(knex));
    });

    it('stay right through attestations, their rejection and their expiry', async () => {
      const pacer = await scope('pacer');
      const failing = (await kept(knex)).length;
      const attestation = await service.createAttestation(alice, pacer, {
        checkId: 'data.cost',
        evidenceUrl: 'https://docs.example.com/cost',
      });
      await service.createAttestation(alice, pacer, {
        checkId: 'data.beneficial',
        evidenceUrl: 'https://docs.example.com/beneficial',
      });
      expect(await kept(knex)).toEqual(await recounted(knex));
      await service.reviewAttestation(alice, pacer, attestation.id, {
        decision: 'reject',
        reason: 'A draft',
      });
      expect(await kept(knex)).toEqual(await recounted(knex));
      now = new Date(now.getTime() + 181 * DAY);
      await service.getScorecard(alice, pacer);
      expect(await kept(knex)).toEqual(await recounted(knex));
      expect((await kept(knex)).length).toBe(failing);
    });

    it('stay right through external results', async () => {
      const scorer = await scope('scorer');
      await service.reportResult(alice, scorer, {
        checkId: 'data.privacy',
        status: 'pass',
        evidenceUrl: 'https://ci.example.com/runs/1',
      });
      expect(await kept(knex)).toEqual(await recounted(knex));
    });

    it('answer the overview as counting the results did, under each filter', async () => {
      const failingOf = async (query: {
        owners?: string[];
        levels?: string[];
      }) =>
        (
          await service.getOverview(alice, undefined, {
            ...query,
            expiringWithinDays: 14,
            limit: 10,
          })
        ).failingChecks.map(f => [f.checkId, f.count]);
      const expected = async (where: (q: Knex.QueryBuilder) => void) => {
        const q = knex('certification_scorecards as s')
          .join('certification_check_results as r', 'r.model_id', 's.model_id')
          .where('r.points', 0)
          .whereNot('r.section', 'portal')
          .whereNot('r.status', 'n/a')
          .groupBy('r.check_id')
          .select('r.check_id')
          .count({ n: '*' })
          .orderBy([
            { column: 'n', order: 'desc' },
            { column: 'r.check_id', order: 'asc' },
          ])
          .limit(20);
        where(q);
        const rows = (await q) as unknown as Pick<CountRow, 'check_id' | 'n'>[];
        return rows.map(r => [r.check_id, Number(r.n)]);
      };
      expect(await failingOf({})).toEqual(await expected(() => {}));
      expect(await failingOf({ owners: ['group:default/TEAM-C'] })).toEqual(
        await expected(q => q.where('s.owner', 'group:default/team-c')),
      );
      const rankerLevel = (
        await service.getScorecard(alice, await scope('ranker'))
      ).stored.level;
      expect(await failingOf({ levels: [rankerLevel] })).toEqual(
        await expected(q => q.where('s.level', rankerLevel)),
      );
      const teamA = await service.getOverview(
        alice,
        { ownerIn: ['group:default/team-a'] },
        { expiringWithinDays: 14, limit: 10 },
      );
      expect(teamA.failingChecks.map(f => [f.checkId, f.count])).toEqual(
        await expected(q => q.where('s.project_id', projects.feed.id)),
      );
    });

    it('stay right when a model is deleted (MLflow deletes models for good)', async () => {
      const mlflow = new DatabaseMlflowStore(knex);
      const { model } = await scope('scorer');
      await mlflow.deleteModel(model.id);
      expect(await storage.stores.models.getModel('scorer')).toBeUndefined();
      expect(await kept(knex)).toEqual(await recounted(knex));
      const overview = await service.getOverview(alice, undefined, {
        owners: ['group:default/team-c'],
        expiringWithinDays: 14,
        limit: 10,
      });
      expect(overview.failingChecks).toEqual([]);
    });

    it('leave a deleted project’s models out of the overview', async () => {
      await storage.stores.projects.setProjectDeleted(
        projects.ads,
        true,
        ALICE,
      );
      const overview = await service.getOverview(alice, undefined, {
        expiringWithinDays: 14,
        limit: 10,
      });
      const counted = await knex('certification_scorecards as s')
        .join('certification_check_results as r', 'r.model_id', 's.model_id')
        .where('s.project_id', projects.feed.id)
        .where('r.points', 0)
        .whereNot('r.section', 'portal')
        .whereNot('r.status', 'n/a')
        .count({ n: '*' });
      expect(overview.failingChecks.reduce((n, f) => n + f.count, 0)).toBe(
        Number(counted[0].n),
      );
    });
  });
});
