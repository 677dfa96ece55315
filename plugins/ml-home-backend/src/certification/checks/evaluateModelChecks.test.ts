import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import type { MlHomeCertificationCheck } from '@ml-home/plugin-ml-home-node/alpha';
import { Knex } from 'knex';
import { DatabaseStores } from '../../database/DatabaseStores';
import type { ModelCard, ModelVersion, Project } from '../../domain/types';
import { ingestBatch } from '../../ingestion/writeBatch';
import { DEFAULT_CERTIFICATION_CONFIG } from '../config';
import type {
  CertificationCatalog,
  CertificationCatalogEntity,
} from './CertificationCatalog';
import { DatabaseCertificationEvidenceStore } from './CertificationEvidenceStore';
import { scoreCertification } from '@ml-home/plugin-ml-home-common';
import {
  AUTOMATED_CHECK_IDS,
  CertificationCheckStores,
  evaluateModelChecks,
  extraCheckDefinitions,
  ModelChecksEvaluation,
  toCertificationResults,
} from './evaluateModelChecks';
import { MetricDirectionsResolver } from './metricJudgement';

jest.setTimeout(120_000);

const ACTOR = 'user:default/alice';
const OWNER = 'group:default/team-a';
const SERVICE = 'component:default/ranker-svc';
const NOW = new Date('2026-12-05T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const FULL_CARD: ModelCard = {
  modelDetails: 'Gradient-boosted ranker.',
  intendedUse: 'Ranking the home feed.',
  factors: 'Country, device.',
  metrics: 'AUC, log loss.',
  evaluationData: 'Holdout week.',
  trainingData: 'Four weeks of clicks.',
  quantitativeAnalyses: 'Per country.',
  ethicalConsiderations: 'No personal data.',
  caveatsAndRecommendations: 'Retrain monthly.',
};

/** What a seeded model gets right (true) or wrong (false). */
interface Seed {
  typedSchema: boolean;
  revisionAndParams: boolean;
  /** Where the revision is recorded: the run's source, or MLflow's tag. */
  revisionIn?: 'source' | 'tag';
  thresholdsPass: boolean;
  baseline: 'compared' | 'regresses' | 'none' | 'baseline-unevaluated';
  evaluatedBeforeDeploy: boolean;
  earlierVersionServed: boolean;
  trainedDaysAgo: number;
  monitoring: 'healthy' | 'latency-regresses-no-quality' | 'drift-rises';
  fullCard: boolean;
  alias: boolean;
}

const GOOD: Seed = {
  typedSchema: true,
  revisionAndParams: true,
  thresholdsPass: true,
  baseline: 'compared',
  evaluatedBeforeDeploy: true,
  earlierVersionServed: true,
  trainedDaysAgo: 10,
  monitoring: 'healthy',
  fullCard: true,
  alias: true,
};

const SLOPPY: Seed = {
  typedSchema: false,
  revisionAndParams: false,
  thresholdsPass: false,
  baseline: 'none',
  evaluatedBeforeDeploy: false,
  earlierVersionServed: false,
  trainedDaysAgo: 200,
  monitoring: 'latency-regresses-no-quality',
  fullCard: false,
  alias: false,
};

function runId(name: string, n: number): string {
  return `${Buffer.from(name).toString('hex')}${n}`
    .padEnd(32, '0')
    .slice(0, 32);
}

/** Writes a model with two versions through the stores, version 2 the one to certify. */
async function seed(storage: DatabaseStores, name: string, s: Seed) {
  const { stores } = storage;
  const project: Project = await stores.projects.createProject(
    {
      name,
      title: name,
      description: '',
      owner: OWNER,
      lifecycle: 'production',
      tags: [],
      links: [],
      relatedEntities: [],
    },
    ACTOR,
  );
  const trainedAt = ago(s.trainedDaysAgo * DAY).getTime();
  const runs = [1, 2].map(n => ({
    runId: runId(name, n),
    runIdSupplied: true,
    experiment: 'training',
    name: `train-${n}`,
    status: 'FINISHED' as const,
    startTime: trainedAt - (3 - n) * DAY - HOUR,
    endTime: trainedAt - (2 - n) * DAY,
    source:
      (s.revisionAndParams || n === 1) && s.revisionIn !== 'tag'
        ? { gitCommit: `abc123${n}` }
        : undefined,
    params: s.revisionAndParams || n === 1 ? [{ key: 'lr', value: '0.1' }] : [],
    tags:
      s.revisionAndParams && s.revisionIn === 'tag'
        ? [{ key: 'mlflow.source.git.commit', value: `abc123${n}` }]
        : [],
    metrics: [],
  }));
  await ingestBatch(storage, project, { runs }, ACTOR, undefined, NOW);

  const clicks = await stores.datasets.createDataset(
    project,
    {
      name: 'clicks',
      kind: 'training-set',
      uri: 's3://data/clicks',
      description: '',
      features: s.typedSchema
        ? [
            { name: 'country', type: 'string' },
            { name: 'dwell', type: 'float' },
          ]
        : [{ name: 'country', type: '' }],
    },
    ACTOR,
  );
  const holdout = await stores.datasets.createDataset(
    project,
    {
      name: 'holdout',
      kind: 'evaluation-set',
      uri: 's3://data/holdout',
      description: '',
      features: [{ name: 'country', type: 'string' }],
    },
    ACTOR,
  );
  // An evaluation set without a schema that the run also read is not training data.
  const survey = await stores.datasets.createDataset(
    project,
    {
      name: 'survey',
      kind: 'evaluation-set',
      uri: 's3://data/survey',
      description: '',
      features: [],
    },
    ACTOR,
  );
  for (const r of runs) {
    await stores.datasets.addRunInputs(
      project,
      r.runId,
      [clicks, survey],
      ACTOR,
    );
  }

  const model = await stores.models.createModel(
    project,
    { name, description: '' },
    ACTOR,
  );
  const versions: ModelVersion[] = [];
  for (const r of runs) {
    versions.push(
      await stores.models.createVersion(
        model,
        {
          runId: r.runId,
          artifactUri: `s3://models/${name}/${r.name}`,
          framework: 'xgboost',
          description: '',
          modelCard: s.fullCard
            ? FULL_CARD
            : { modelDetails: 'A ranker.', intendedUse: '' },
        },
        ACTOR,
      ),
    );
  }
  const [v1, v2] = versions;
  const ref = (v: ModelVersion) => ({
    id: v.id,
    projectId: project.id,
    model: name,
    version: v.version,
  });

  // Evaluations, five days ago (or after the deployment, one day ago).
  const evaluating = storage.withClock(() =>
    ago((s.evaluatedBeforeDeploy ? 5 : 1) * DAY),
  ).stores;
  const results = (auc: number, aucSe: number, logLoss: number) => [
    { slice: 'overall', metric: 'auc', value: auc },
    { slice: 'country=SE', metric: 'auc', value: aucSe },
    { slice: 'overall', metric: 'log_loss', value: logLoss },
  ];
  if (s.baseline !== 'baseline-unevaluated') {
    await evaluating.evaluations.createEvaluation(
      ref(v1),
      {
        name: 'holdout',
        datasetId: holdout.id,
        description: '',
        results:
          s.baseline === 'regresses'
            ? results(0.9, 0.88, 0.2)
            : results(0.78, 0.74, 0.32),
        thresholds: [],
        directions: {},
        tolerance: 0,
      },
      ACTOR,
    );
  }
  await evaluating.evaluations.createEvaluation(
    ref(v2),
    {
      name: 'holdout',
      datasetId: holdout.id,
      baselineVersionId: s.baseline === 'none' ? undefined : v1.id,
      description: '',
      results: results(0.8, 0.75, 0.3),
      thresholds: [
        { metric: 'auc', op: '>=', value: s.thresholdsPass ? 0.7 : 0.78 },
        { metric: 'log_loss', op: '<=', value: 0.4 },
      ],
      directions: {},
      tolerance: 0.01,
    },
    ACTOR,
  );

  // Deployments and aliases: version 1 served a month ago, version 2 for three days.
  if (s.earlierVersionServed) {
    await stores.deployments.createDeployment(
      model,
      {
        version: 1,
        environment: 'prod',
        service: SERVICE,
        endpoint: 'https://ranker/v1',
        deployedAt: ago(30 * DAY),
      },
      ACTOR,
    );
    if (s.alias) await stores.models.setAlias(model, 'production', 1, ACTOR);
  }
  const deployment = await stores.deployments.createDeployment(
    model,
    {
      version: 2,
      environment: 'prod',
      service: SERVICE,
      endpoint: 'https://ranker/v2',
      deployedAt: ago(3 * DAY),
    },
    ACTOR,
  );
  if (s.alias) await stores.models.setAlias(model, 'production', 2, ACTOR);

  // Hourly monitoring over the last six days; the last quarter of the 7-day window is the last
  // 42 hours.
  const points: { metric: string; value: number; timestamp: number }[] = [];
  for (let h = 1; h <= 6 * 24; h++) {
    const t = NOW.getTime() - h * HOUR;
    const recent = h <= 42;
    points.push({
      metric: 'latency_p99_ms',
      value:
        s.monitoring === 'latency-regresses-no-quality' && recent ? 250 : 100,
      timestamp: t,
    });
    if (s.monitoring !== 'latency-regresses-no-quality') {
      points.push({ metric: 'error_rate', value: 0.01, timestamp: t });
      points.push({
        metric: 'prediction_drift',
        value: s.monitoring === 'drift-rises' && recent ? 0.3 : 0.1,
        timestamp: t,
      });
    }
  }
  // A point older than the window never counts.
  points.push({
    metric: 'latency_p99_ms',
    value: 5000,
    timestamp: NOW.getTime() - 20 * DAY,
  });
  await stores.deployments.logMonitoring(deployment, points);
  return { project, model };
}

class FakeCatalog implements CertificationCatalog {
  constructor(
    private readonly entities: Record<string, CertificationCatalogEntity>,
  ) {}
  async getEntities(refs: string[]) {
    return new Map(
      refs.flatMap(r =>
        this.entities[r] ? [[r, this.entities[r]] as const] : [],
      ),
    );
  }
}

const HEALTHY_CATALOG = new FakeCatalog({
  [OWNER]: { kind: 'group', memberCount: 3 },
  [SERVICE]: { kind: 'component', owner: OWNER, memberCount: 0 },
});

const byId = (result: ModelChecksEvaluation) =>
  Object.fromEntries(result.checks.map(c => [c.checkId, c]));

describe('evaluateModelChecks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let storage: DatabaseStores;
    let checkStores: CertificationCheckStores;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@ml-home/plugin-ml-home-backend',
          'migrations',
        ),
      });
      storage = new DatabaseStores(knex);
      checkStores = {
        ...storage.stores,
        evidence: new DatabaseCertificationEvidenceStore(knex),
      };
      await seed(storage, 'good', GOOD);
      await seed(storage, 'sloppy', SLOPPY);
      await seed(storage, 'regressing', {
        ...GOOD,
        baseline: 'regresses',
        monitoring: 'drift-rises',
      });
      await seed(storage, 'late-evaluation', {
        ...GOOD,
        evaluatedBeforeDeploy: false,
        revisionIn: 'tag',
      });
      await seed(storage, 'unevaluated-baseline', {
        ...GOOD,
        baseline: 'baseline-unevaluated',
      });
      const project = await storage.stores.projects.createProject(
        {
          name: 'empty',
          title: 'Empty',
          description: '',
          owner: OWNER,
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        ACTOR,
      );
      await storage.stores.models.createModel(
        project,
        { name: 'empty', description: '' },
        ACTOR,
      );
    });

    const evaluate = (
      modelName: string,
      options: {
        catalog?: CertificationCatalog;
        metricDirections?: MetricDirectionsResolver;
        extraChecks?: MlHomeCertificationCheck[];
      } = {},
    ) =>
      evaluateModelChecks({
        stores: checkStores,
        modelName,
        config: DEFAULT_CERTIFICATION_CONFIG,
        catalog: 'catalog' in options ? options.catalog : HEALTHY_CATALOG,
        now: NOW,
        metricDirections: options.metricDirections,
        extraChecks: options.extraChecks && {
          checks: options.extraChecks,
          api: {} as MlHomeApi,
        },
      });

    it('passes every automated check for a well-kept model', async () => {
      const result = await evaluate('good');
      expect(result.version).toBe(2);
      expect(result.versionSource).toBe('alias');
      expect(result.project).toBe('good');
      expect(result.owner).toBe(OWNER);
      expect(result.checks.map(c => c.checkId)).toEqual([
        ...AUTOMATED_CHECK_IDS,
      ]);
      for (const check of result.checks) {
        expect({ id: check.checkId, status: check.status }).toEqual({
          id: check.checkId,
          status: 'pass',
        });
        expect(check.evidence?.text).toBeTruthy();
      }
      const checks = byId(result);
      expect(checks['data.schema'].evidence?.text).toBe(
        'Every training data set has a typed schema: good/clicks.',
      );
      expect(checks['model.slices'].evidence?.text).toMatch(
        /passes 2 thresholds on 2 slices in 1 evaluation/,
      );
      expect(checks['model.simpler-baseline'].evidence?.text).toMatch(
        /baseline version 1 .*guessed from the name for auc, log_loss/,
      );
      expect(checks['infra.reproducible'].evidence?.text).toMatch(
        /revision abc1232, 1 param and 2 input data sets/,
      );
      expect(checks['infra.rollback'].evidence?.text).toMatch(
        /Version 1 was behind 'production' before/,
      );
      expect(checks['monitor.staleness'].evidence?.text).toMatch(
        /trained 10 days ago/,
      );
      expect(checks['monitor.serving-performance'].evidence?.text).toMatch(
        /144 monitoring points of latency_p99_ms/,
      );
      expect(checks['portal.owner-group'].evidence?.text).toMatch(/3 members/);
    });

    it('fails every automated check for a model that skipped them, saying why', async () => {
      const result = await evaluate('sloppy', {
        catalog: new FakeCatalog({
          [OWNER]: { kind: 'group', memberCount: 0 },
          [SERVICE]: { kind: 'component', memberCount: 0 },
        }),
      });
      // No alias: the newest deployment decides.
      expect(result.version).toBe(2);
      expect(result.versionSource).toBe('newest-deployed');
      const checks = byId(result);
      const failing = (id: string, text: RegExp) => {
        expect(checks[id].status).toBe('fail');
        expect(checks[id].evidence?.text).toMatch(text);
      };
      failing('data.schema', /Without a typed schema: sloppy\/clicks/);
      failing(
        'model.simpler-baseline',
        /No baseline comparison: no evaluation of version 2 names a baseline/,
      );
      failing('model.slices', /fails auc on country=SE/);
      failing(
        'infra.reproducible',
        /does not record its source revision, its params/,
      );
      failing(
        'infra.validated-before-serving',
        /Deployed before its first passing evaluation|no passing evaluation/,
      );
      failing('infra.rollback', /No earlier version was served/);
      failing('monitor.staleness', /trained 200 days ago/);
      failing(
        'monitor.serving-performance',
        /latency_p99_ms on prod 100\.0 → 250\.0/,
      );
      failing(
        'monitor.prediction-quality',
        /No monitoring points for a quality metric/,
      );
      failing('portal.owner-group', /has no members/);
      failing('portal.serving-components', /ranker-svc has no owner/);
      failing('portal.model-card', /lacks 8 sections/);
    });

    it('fails a regression against the baseline, and a baseline never evaluated', async () => {
      const regressing = byId(await evaluate('regressing'));
      expect(regressing['model.simpler-baseline'].status).toBe('fail');
      expect(regressing['model.simpler-baseline'].evidence?.text).toMatch(
        /auc on overall 0\.8 vs 0\.9 \(version 1\)/,
      );
      expect(regressing['model.simpler-baseline'].evidence?.url).toMatch(
        /^\/ml-home\/evaluations\//,
      );
      const unevaluated = byId(await evaluate('unevaluated-baseline'));
      expect(unevaluated['model.simpler-baseline']).toMatchObject({
        status: 'fail',
        evidence: {
          text: expect.stringMatching(
            /baseline version 1 has no evaluation on unevaluated-baseline\/holdout/,
          ),
        },
      });
    });

    it('fails a version deployed before its first passing evaluation', async () => {
      const checks = byId(await evaluate('late-evaluation'));
      expect(checks['model.slices'].status).toBe('pass');
      // MLflow's git-commit tag records the revision as well as the run's source.
      expect(checks['infra.reproducible']).toMatchObject({
        status: 'pass',
        evidence: { text: expect.stringMatching(/revision abc1232/) },
      });
      expect(checks['infra.validated-before-serving']).toMatchObject({
        status: 'fail',
        evidence: {
          text: 'Deployed before its first passing evaluation (2026-12-04): prod on 2026-12-02.',
        },
      });
    });

    it('judges a monitored metric by its declared direction, and says when it guessed', async () => {
      // By its name, prediction_drift is "higher is better": rising drift looks fine.
      const guessed = byId(await evaluate('regressing'));
      expect(guessed['monitor.prediction-quality'].status).toBe('pass');
      expect(guessed['monitor.prediction-quality'].evidence?.text).toMatch(
        /guessed from the name for .*prediction_drift/,
      );
      // Declared "lower is better", the same rise is a regression.
      const resolver: MetricDirectionsResolver = async () =>
        new Map([
          ['prediction_drift', { direction: 'lower', source: 'project' }],
          ['error_rate', { direction: 'lower', source: 'heuristic' }],
        ]);
      const declared = byId(
        await evaluate('regressing', { metricDirections: resolver }),
      );
      expect(declared['monitor.prediction-quality'].status).toBe('fail');
      expect(declared['monitor.prediction-quality'].evidence?.text).toMatch(
        /prediction_drift on prod 0\.1000 → 0\.3000.*declared for prediction_drift/,
      );
      // With a resolver, a metric nobody declared and whose name says nothing is not judged.
      expect(declared['model.simpler-baseline'].evidence?.text).toMatch(
        /unknown for auc, log_loss/,
      );
    });

    it('fails the version checks of a model with no production version', async () => {
      const result = await evaluate('empty');
      expect(result.version).toBeNull();
      expect(result.versionSource).toBe('none');
      const checks = byId(result);
      for (const id of [
        'data.schema',
        'model.slices',
        'model.simpler-baseline',
        'infra.reproducible',
        'infra.validated-before-serving',
        'infra.rollback',
        'monitor.staleness',
        'monitor.serving-performance',
        'monitor.prediction-quality',
        'portal.model-card',
      ]) {
        expect(checks[id]).toMatchObject({
          status: 'fail',
          evidence: { text: expect.stringMatching(/No production version/) },
        });
      }
      expect(checks['portal.serving-components'].status).toBe('n/a');
    });

    it('leaves the catalog checks unknown without a catalog, or when it fails', async () => {
      const none = byId(await evaluate('good', { catalog: undefined }));
      expect(none['portal.owner-group']).toMatchObject({
        status: 'unknown',
        evidence: { text: expect.stringMatching(/No software catalog/) },
      });
      const broken = byId(
        await evaluate('good', {
          catalog: {
            getEntities: async () => {
              throw new Error('catalog is down');
            },
          },
        }),
      );
      expect(broken['portal.serving-components']).toMatchObject({
        status: 'unknown',
        evidence: { text: expect.stringMatching(/catalog is down/) },
      });
    });

    it('runs the checks modules added; one that throws is unknown with its message only', async () => {
      const added = (
        id: string,
        evaluateCheck: MlHomeCertificationCheck['evaluate'],
      ): MlHomeCertificationCheck => ({
        id,
        title: id,
        section: 'data',
        description: '',
        evaluate: evaluateCheck,
      });
      const seen: string[] = [];
      const result = await evaluate('good', {
        extraChecks: [
          added('acme.passes', async ({ model }) => {
            seen.push(model);
            return {
              status: 'pass',
              evidence: { url: 'https://ci/1', text: 'green' },
            };
          }),
          added('acme.throws', async () => {
            throw new Error('feature store unreachable');
          }),
          added('acme.nonsense', async () => ({ status: 'maybe' }) as any),
        ],
      });
      expect(seen).toEqual(['good']);
      const checks = byId(result);
      expect(checks['acme.passes']).toEqual({
        checkId: 'acme.passes',
        status: 'pass',
        evidence: { url: 'https://ci/1', text: 'green' },
      });
      expect(checks['acme.throws']).toEqual({
        checkId: 'acme.throws',
        status: 'unknown',
        evidence: { text: 'The check failed: feature store unreachable' },
      });
      expect(checks['acme.nonsense'].status).toBe('unknown');
    });

    it('reads a model in a bounded number of queries', async () => {
      let queries = 0;
      const count = () => {
        queries++;
      };
      knex.on('query', count);
      try {
        await evaluate('good');
      } finally {
        knex.removeListener('query', count);
      }
      // The model (with its versions' count, aliases and project), its deployments, the version
      // (with its aliases), the run, its inputs,
      // evaluations and their details, the baseline's, the alias history, the monitoring window.
      expect(queries).toBeGreaterThan(5);
      // 19 today, five of them the models store's own reads of the model; room for it to grow a
      // little, none for a query per evaluation, deployment or point.
      expect(queries).toBeLessThanOrEqual(24);
    });

    it('scores the automated checks, with added ones in their sections', async () => {
      const extraChecks: MlHomeCertificationCheck[] = [
        {
          id: 'acme.feature-store',
          title: 'Features come from the feature store',
          section: 'data',
          description: 'Every feature is in the feature store.',
          evaluate: async () => ({ status: 'pass' }),
        },
        {
          // A module that automates a rubric test counts for that test.
          id: 'data.privacy',
          title: 'Privacy review',
          section: 'data',
          description: 'The privacy tool approved the pipeline.',
          evaluate: async () => ({ status: 'pass' }),
        },
      ];
      const result = await evaluate('good', { extraChecks });
      const scoring = scoreCertification({
        results: toCertificationResults(result, NOW),
        now: NOW,
        extraChecks: extraCheckDefinitions(extraChecks),
      });
      // data: schema, privacy, feature store; model: baseline, slices; infrastructure:
      // reproducible, validated, rollback; monitoring: staleness, performance, quality.
      expect(scoring.sections.map(s => [s.id, s.score])).toEqual([
        ['data', 3],
        ['model', 2],
        ['infrastructure', 3],
        ['monitoring', 3],
      ]);
      expect(scoring.score).toBe(2);
      expect(scoring.level).toBe('gold');
      expect(scoring.portalChecks.every(c => c.points === 1)).toBe(true);
    });

    it('says which model is missing', async () => {
      await expect(evaluate('nope')).rejects.toThrow("No model named 'nope'");
    });
  });
});
