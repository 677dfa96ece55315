import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseStores } from '../database/DatabaseStores';
import { Project } from '../domain/types';
import { DEFAULT_CERTIFICATION_CONFIG } from './config';
import {
  AutomatedCheckResults,
  DefaultCertificationService,
} from './CertificationService';
import {
  CertificationReevaluator,
  runCertificationTask,
} from './certificationTriggers';

import {
  ALICE,
  DAY,
  alice,
  automatedResults,
} from './__testUtils__/certificationFixtures';

jest.setTimeout(120_000);

const logger = { warn: jest.fn(), info: jest.fn() } as any;

describe('DefaultCertificationService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let now: Date;
    let storage: DatabaseStores;
    let project: Project;
    let automated: Record<string, AutomatedCheckResults>;
    let checksRun: string[];
    let service: DefaultCertificationService;

    const scope = async (name: string) => ({
      model: (await storage.stores.models.getModel(name))!,
      project,
    });

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      now = new Date('2026-12-01T12:00:00Z');
      storage = new DatabaseStores(knex, () => new Date(now));
      project = await storage.stores.projects.createProject(
        {
          name: 'feed',
          title: 'Feed',
          description: '',
          owner: 'group:default/team-a',
          lifecycle: 'production',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        ALICE,
      );
      for (const [name, owner] of [
        ['ranker', undefined],
        ['scorer', 'group:default/team-b'],
        ['filter', undefined],
      ] as const) {
        await storage.stores.models.createModel(
          project,
          { name, description: '', owner },
          ALICE,
        );
      }
      automated = {
        ranker: automatedResults(),
        scorer: automatedResults(),
        filter: { version: null, versionSource: 'none', checks: [] },
      };
      checksRun = [];
      service = new DefaultCertificationService({
        store: storage.stores.certification,
        unitOfWork: storage,
        runChecks: async name => {
          checksRun.push(name);
          return automated[name];
        },
        config: DEFAULT_CERTIFICATION_CONFIG,
        extraChecks: () => [],
        findModel: async name => {
          const model = await storage.stores.models.getModel(name);
          return model ? { model, project } : undefined;
        },
        clock: () => new Date(now),
      });
    });

    it('evaluates a model once, then reads the stored scorecard without running checks', async () => {
      const first = await service.getScorecard(alice, await scope('ranker'));
      expect(first.scoring.score).toBe(1);
      expect(first.scoring.level).toBe('silver');
      expect(first.stored.version).toBe(1);
      expect(checksRun).toEqual(['ranker']);
      const again = await service.getScorecard(alice, await scope('ranker'));
      expect(again.scoring.level).toBe('silver');
      expect(checksRun).toEqual(['ranker']);
      const history = await service.getHistory(alice, await scope('ranker'), {
        limit: 10,
      });
      expect(history.items.map(h => h.kind)).toEqual([
        'level-changed',
        'score-changed',
      ]);
      expect(history.items[0]).toMatchObject({ from: undefined, to: 'silver' });
    });

    it('counts an attestation ½ point until it expires, also at read time', async () => {
      const ranker = await scope('ranker');
      for (const checkId of ['data.beneficial', 'data.cost']) {
        await service.createAttestation(alice, ranker, {
          checkId,
          evidenceUrl: `https://docs.example.com/${checkId}`,
          note: 'Reviewed by hand',
        });
      }
      // A retry of the same attestation stores nothing new.
      const retried = await service.createAttestation(alice, ranker, {
        checkId: 'data.cost',
        evidenceUrl: 'https://docs.example.com/data.cost',
        note: 'Reviewed by hand',
      });
      const card = await service.getScorecard(alice, ranker);
      expect(card.attestations).toHaveLength(2);
      expect(card.attestations.map(a => a.id)).toContain(retried.id);
      expect(card.scoring.sections.find(s => s.id === 'data')!.score).toBe(2);
      expect(card.scoring.score).toBe(2);
      expect(card.scoring.level).toBe('gold');
      const cost = card.scoring.sections
        .flatMap(s => s.checks)
        .find(c => c.id === 'data.cost')!;
      expect(cost).toMatchObject({ source: 'attested', points: 0.5 });

      const runs = checksRun.length;
      now = new Date(now.getTime() + 181 * DAY);
      const expired = await service.getScorecard(alice, ranker);
      // The stored expiry made the read re-evaluate once.
      expect(checksRun.length).toBe(runs + 1);
      expect(expired.scoring.level).toBe('silver');
      expect(expired.attestations.map(a => a.state)).toEqual([
        'expired',
        'expired',
      ]);
      const kinds = (
        await service.getHistory(alice, ranker, { limit: 100 })
      ).items.map(h => h.kind);
      expect(kinds.filter(k => k === 'attestation-added')).toHaveLength(2);
      expect(kinds.filter(k => k === 'attestation-expired')).toHaveLength(2);
      expect(kinds[0]).toBe('level-changed');
    });

    it('counts an external result as automated until it expires, and ignores retries', async () => {
      const scorer = await scope('scorer');
      const observedAt = new Date(now.getTime() - DAY).toISOString();
      const report = () =>
        service.reportResult(alice, scorer, {
          checkId: 'data.privacy',
          status: 'pass',
          evidenceUrl: 'https://ci.example.com/runs/42',
          observedAt,
        });
      await report();
      await report();
      let card = await service.getScorecard(alice, scorer);
      expect(card.scoring.sections.find(s => s.id === 'data')!.score).toBe(2);
      expect(
        card.externalResults.map(r => [r.checkId, r.status, r.reportedBy]),
      ).toEqual([['data.privacy', 'pass', ALICE]]);
      const history = await service.getHistory(alice, scorer, { limit: 100 });
      expect(history.items.filter(h => h.kind === 'external-result')).toEqual([
        expect.objectContaining({ to: 'pass', checkId: 'data.privacy' }),
      ]);

      await expect(
        service.reportResult(alice, scorer, {
          checkId: 'data.privacy',
          status: 'pass',
          evidenceUrl: 'https://ci.example.com/runs/43',
          observedAt: new Date(now.getTime() - 40 * DAY).toISOString(),
        }),
      ).rejects.toThrow(/observedAt/);
      await expect(
        service.reportResult(alice, scorer, {
          checkId: 'no.such-check',
          status: 'pass',
          evidenceUrl: 'https://ci.example.com/runs/43',
        }),
      ).rejects.toThrow(/checkId/);

      now = new Date(now.getTime() + 30 * DAY);
      card = await service.getScorecard(alice, scorer);
      expect(card.scoring.sections.find(s => s.id === 'data')!.score).toBe(1);
    });

    it('refuses evidence that is not an http(s) link', async () => {
      await expect(
        service.createAttestation(alice, await scope('ranker'), {
          checkId: 'data.cost',
          // Built from parts so the linter's no-script-url does not take the test data for code.
          evidenceUrl: ['javascript', 'alert(1)'].join(':'),
        }),
      ).rejects.toThrow(/evidenceUrl/);
    });

    it('rejects only active attestations', async () => {
      const ranker = await scope('ranker');
      const attestation = await service.createAttestation(alice, ranker, {
        checkId: 'model.inclusion',
        evidenceUrl: 'https://docs.example.com/fairness',
      });
      const rejected = await service.reviewAttestation(
        alice,
        ranker,
        attestation.id,
        { decision: 'reject', reason: 'The document is a draft' },
      );
      expect(rejected).toMatchObject({
        state: 'rejected',
        reviewedBy: ALICE,
        reviewReason: 'The document is a draft',
      });
      await expect(
        service.reviewAttestation(alice, ranker, attestation.id, {
          decision: 'reject',
          reason: 'again',
        }),
      ).rejects.toThrow(/rejected/);
      await expect(
        service.reviewAttestation(
          alice,
          await scope('scorer'),
          attestation.id,
          {
            decision: 'reject',
            reason: 'wrong model',
          },
        ),
      ).rejects.toThrow(/no attestation/);
      const card = await service.getScorecard(alice, ranker);
      const inclusion = card.scoring.sections
        .flatMap(s => s.checks)
        .find(c => c.id === 'model.inclusion')!;
      expect(inclusion.points).toBe(0);
    });

    it('re-evaluates every model in the scheduled task, and soon after a watched write', async () => {
      automated.filter = automatedResults();
      const count = await runCertificationTask({
        certification: service,
        logger,
      });
      expect(count).toBe(3);
      let overview = await service.getOverview(alice, undefined, {
        expiringWithinDays: 14,
        limit: 50,
      });
      expect(overview.items.map(i => [i.model, i.level])).toEqual([
        ['filter', 'silver'],
        ['ranker', 'silver'],
        ['scorer', 'silver'],
      ]);

      automated.filter = { version: null, versionSource: 'none', checks: [] };
      const reevaluator = new CertificationReevaluator(
        name => service.reevaluateModel(name),
        logger,
        10,
      );
      reevaluator.schedule('filter');
      reevaluator.schedule('filter');
      const runs = checksRun.length;
      await reevaluator.flush();
      expect(checksRun.length).toBe(runs + 1);
      overview = await service.getOverview(alice, undefined, {
        expiringWithinDays: 14,
        limit: 50,
      });
      expect(overview.items[0]).toMatchObject({
        model: 'filter',
        level: 'none',
        score: 0,
      });
      const history = await service.getHistory(alice, await scope('filter'), {
        limit: 1,
      });
      expect(history.items[0]).toMatchObject({
        kind: 'level-changed',
        from: 'silver',
        to: 'none',
      });
      expect(history.nextCursor).toBeDefined();
    });

    it('stops at shutdown: pending re-evaluations are dropped, running ones awaited, later writes ignored', async () => {
      const started: string[] = [];
      let finish: () => void = () => {};
      const reevaluator = new CertificationReevaluator(
        async name => {
          started.push(name);
          if (name === 'slow') {
            await new Promise<void>(resolve => {
              finish = resolve;
            });
          }
        },
        logger,
        60_000,
      );
      reevaluator.schedule('slow');
      const flushing = reevaluator.flush();
      expect(started).toEqual(['slow']);
      reevaluator.schedule('pending');
      let stopped = false;
      const stopping = reevaluator.stop().then(() => {
        stopped = true;
      });
      await new Promise(resolve => setImmediate(resolve));
      expect(stopped).toBe(false);
      finish();
      await Promise.all([flushing, stopping]);
      expect(stopped).toBe(true);
      reevaluator.schedule('after-stop');
      await reevaluator.flush();
      expect(started).toEqual(['slow']);
    });

    it('filters and pages the overview', async () => {
      const ranker = await scope('ranker');
      await service.createAttestation(alice, ranker, {
        checkId: 'data.new-features',
        evidenceUrl: 'https://docs.example.com/features',
      });
      now = new Date(now.getTime() + 170 * DAY);
      const all = await service.getOverview(alice, undefined, {
        expiringWithinDays: 14,
        limit: 2,
      });
      expect(all.totalCount).toBe(3);
      expect(all.items.map(i => i.model)).toEqual(['filter', 'scorer']);
      expect(all.levels).toEqual([
        { level: 'none', count: 1 },
        { level: 'bronze', count: 0 },
        { level: 'silver', count: 2 },
        { level: 'gold', count: 0 },
        { level: 'platinum', count: 0 },
      ]);
      expect(all.expiring.map(e => [e.model, e.checkId])).toEqual([
        ['ranker', 'data.new-features'],
      ]);
      expect(all.failingChecks[0].count).toBeGreaterThan(0);
      const next = await service.getOverview(alice, undefined, {
        expiringWithinDays: 14,
        limit: 2,
        cursor: all.nextCursor,
      });
      expect(next.items.map(i => i.model)).toEqual(['ranker']);
      expect(next.nextCursor).toBeUndefined();

      const teamB = await service.getOverview(alice, undefined, {
        owners: ['group:default/TEAM-B'],
        expiringWithinDays: 14,
        limit: 10,
      });
      expect(teamB.items.map(i => i.model)).toEqual(['scorer']);
      expect(teamB.byOwner).toEqual([
        {
          owner: 'group:default/team-b',
          total: 1,
          levels: [{ level: 'silver', count: 1 }],
        },
      ]);
      const none = await service.getOverview(alice, undefined, {
        levels: ['none'],
        expiringWithinDays: 14,
        limit: 10,
      });
      expect(none.items.map(i => i.model)).toEqual(['filter']);
      // Read conditions that match no project's owner leave nothing.
      const other = await service.getOverview(
        alice,
        { ownerIn: ['group:default/nobody'] },
        { expiringWithinDays: 14, limit: 10 },
      );
      expect(other.totalCount).toBe(0);
    });
  });
});
