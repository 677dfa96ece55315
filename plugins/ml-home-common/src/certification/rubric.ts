import type {
  CertificationCheckDefinition,
  CertificationRubricTest,
  CertificationSectionId,
} from './types';

/**
 * The four sections of the ML Test Score in the paper's order, with their titles.
 *
 * @public
 */
export const CERTIFICATION_SECTIONS: ReadonlyArray<{
  id: CertificationSectionId;
  title: string;
}> = [
  { id: 'data', title: 'Features and data' },
  { id: 'model', title: 'Model development' },
  { id: 'infrastructure', title: 'ML infrastructure' },
  { id: 'monitoring', title: 'Monitoring' },
];

const EXTERNAL_ROUTE =
  'A connected system reports it through POST /models/{modelName}/scorecard/results';

/**
 * The 28 tests of the ML Test Score (E. Breck, S. Cai, E. Nielsen, M. Salib, D. Sculley, "The ML
 * Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction", IEEE Big Data
 * 2017), in the paper's order, with what evidence counts and how ML Home learns each result.
 *
 * @remarks
 * Ids are `<section>.<what>` and never change: scorecards, attestations and external results
 * refer to them. The `infrastructure` and `monitoring` sections use the short prefixes `infra.`
 * and `monitor.`.
 *
 * @public
 */
export const ML_TEST_SCORE_RUBRIC: ReadonlyArray<CertificationRubricTest> = [
  // Features and data
  {
    id: 'data.schema',
    section: 'data',
    number: 1,
    title: 'Feature expectations are captured in a schema',
    evidence:
      'Every data set the certified version was trained on declares a schema whose fields all have a type.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the schemas of the producing run's input data sets.",
    },
  },
  {
    id: 'data.beneficial',
    section: 'data',
    number: 2,
    title: 'All features are beneficial',
    evidence:
      'A feature-importance or ablation analysis shows that each feature adds value; unhelpful features were removed.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'data.cost',
    section: 'data',
    number: 3,
    title: "No feature's cost is too much",
    evidence:
      'The latency, memory and upkeep cost of each feature was weighed against what it adds.',
    automation: {
      kind: 'attested-only',
      how: 'A judgement about cost and value: an owner attests it with the analysis as evidence.',
    },
  },
  {
    id: 'data.meta-requirements',
    section: 'data',
    number: 4,
    title: 'Features adhere to meta-level requirements',
    evidence:
      'Features respect the project-wide rules (no personal data where forbidden, only approved sources), checked and documented.',
    automation: {
      kind: 'attested-only',
      how: 'A review against the organisation’s rules: an owner attests it.',
    },
  },
  {
    id: 'data.privacy',
    section: 'data',
    number: 5,
    title: 'The data pipeline has appropriate privacy controls',
    evidence:
      'Access to raw data is restricted and audited, personal data is handled as policy requires, and a privacy review took place.',
    automation: {
      kind: 'attested-only',
      how: 'A privacy review: an owner attests it with a link to the review.',
    },
  },
  {
    id: 'data.new-features',
    section: 'data',
    number: 6,
    title: 'New features can be added quickly',
    evidence:
      'Adding a feature, from idea to a trained and evaluated model, takes days rather than months; the last addition is documented.',
    automation: {
      kind: 'attested-only',
      how: 'A property of the team’s process: an owner attests it.',
    },
  },
  {
    id: 'data.feature-code-tested',
    section: 'data',
    number: 7,
    title: 'All input feature code is tested',
    evidence:
      'The code that computes the input features has unit tests that run in continuous integration.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  // Model development
  {
    id: 'model.spec-reviewed',
    section: 'model',
    number: 1,
    title: 'Model specs are reviewed and submitted',
    evidence:
      'The code and configuration that define the model are in version control and every change is reviewed.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'model.offline-online',
    section: 'model',
    number: 2,
    title: 'Offline and online metrics correlate',
    evidence:
      'An experiment (for example an A/B test) showed that improvements in the offline metrics move the online metrics.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'model.hyperparameters',
    section: 'model',
    number: 3,
    title: 'All hyperparameters have been tuned',
    evidence:
      'A search (grid, random or Bayesian) covered every hyperparameter that matters, and its results are recorded.',
    automation: {
      kind: 'attested-only',
      how: 'An owner attests it with a link to the search’s runs.',
    },
  },
  {
    id: 'model.staleness-impact',
    section: 'model',
    number: 4,
    title: 'The impact of model staleness is known',
    evidence:
      'An experiment measured how quality degrades as the model ages, and the retraining interval follows from it.',
    automation: {
      kind: 'attested-only',
      how: 'An owner attests it with the analysis as evidence.',
    },
  },
  {
    id: 'model.simpler-baseline',
    section: 'model',
    number: 5,
    title: 'A simpler model is not better',
    evidence:
      'The certified version was evaluated against its baseline on the same data set and does not regress beyond the tolerance on any metric.',
    automation: {
      kind: 'automated',
      how: "ML Home compares the version's evaluation with the baseline version's on the same data set, using the metrics' declared directions.",
    },
  },
  {
    id: 'model.slices',
    section: 'model',
    number: 6,
    title: 'Model quality is sufficient on all important data slices',
    evidence:
      "The certified version's evaluation passes every threshold on every slice.",
    automation: {
      kind: 'automated',
      how: "ML Home checks the version's evaluations against their thresholds, slice by slice.",
    },
  },
  {
    id: 'model.inclusion',
    section: 'model',
    number: 7,
    title: 'The model has been tested for considerations of inclusion',
    evidence:
      'Quality was compared across groups of users the model could treat unfairly, and the findings are documented.',
    automation: {
      kind: 'attested-only',
      how: 'A fairness review: an owner attests it with the analysis as evidence.',
    },
  },
  // ML infrastructure
  {
    id: 'infra.reproducible',
    section: 'infrastructure',
    number: 1,
    title: 'Training is reproducible',
    evidence:
      'The run that produced the certified version records its source revision, its params and its input data sets.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the producing run's source-revision tag, params and input data sets.",
    },
  },
  {
    id: 'infra.spec-unit-tested',
    section: 'infrastructure',
    number: 2,
    title: 'Model specs are unit tested',
    evidence:
      'The model code has unit tests (a training step reduces the loss, shapes are right) that run in continuous integration.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'infra.integration-tested',
    section: 'infrastructure',
    number: 3,
    title: 'The ML pipeline is integration tested',
    evidence:
      'An end-to-end test runs the whole pipeline, from data to a served model, regularly.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'infra.validated-before-serving',
    section: 'infrastructure',
    number: 4,
    title: 'Model quality is validated before attempting to serve it',
    evidence:
      'For every deployment of the certified version, a passing evaluation of it existed before the deployment.',
    automation: {
      kind: 'automated',
      how: "ML Home compares the times of the version's passing evaluations and of its deployments.",
    },
  },
  {
    id: 'infra.debuggable',
    section: 'infrastructure',
    number: 5,
    title:
      'The model allows debugging by observing the step-by-step computation of training or inference on a single example',
    evidence:
      'A documented tool or notebook lets an engineer step through training or inference for one example.',
    automation: {
      kind: 'attested-only',
      how: 'An owner attests it with a link to the tool or its documentation.',
    },
  },
  {
    id: 'infra.canary',
    section: 'infrastructure',
    number: 6,
    title:
      'Models are tested via a canary process before they enter production serving environments',
    evidence:
      'New versions serve a small share of traffic first, and the release goes on only when the canary is healthy.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'infra.rollback',
    section: 'infrastructure',
    number: 7,
    title:
      'Models can be quickly and safely rolled back to a previous serving version',
    evidence:
      'An earlier version of the model was served before (in the alias history or the deployments) and is still there to roll back to.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the production alias's history and the model's earlier deployments.",
    },
  },
  // Monitoring
  {
    id: 'monitor.dependency-changes',
    section: 'monitoring',
    number: 1,
    title: 'Dependency changes result in notification',
    evidence:
      'The owners are notified when an upstream data source, feature or library the model depends on changes.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'monitor.data-invariants',
    section: 'monitoring',
    number: 2,
    title: 'Data invariants hold in training and serving inputs',
    evidence:
      'A data-validation job checks training and serving inputs against the schema and alerts on violations.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'monitor.training-serving-skew',
    section: 'monitoring',
    number: 3,
    title: 'Training and serving features compute the same values',
    evidence:
      'Features logged at serving time are compared with the same features computed by the training pipeline.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'monitor.staleness',
    section: 'monitoring',
    number: 4,
    title: 'Models are not too stale',
    evidence:
      'The serving version was trained within the staleness window set in app-config.',
    automation: {
      kind: 'automated',
      how: "ML Home reads when the serving version's producing run ended.",
    },
  },
  {
    id: 'monitor.numerical-stability',
    section: 'monitoring',
    number: 5,
    title: 'The model is numerically stable',
    evidence:
      'Training and serving are monitored for NaNs, infinities and exploding values, with alerts.',
    automation: { kind: 'external', how: EXTERNAL_ROUTE },
  },
  {
    id: 'monitor.serving-performance',
    section: 'monitoring',
    number: 6,
    title:
      'The model has not experienced a dramatic or slow-leak regression in training speed, serving latency, throughput, or RAM usage',
    evidence:
      'The active deployment reports serving latency within the monitoring window, and it has not regressed.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the active deployment's latency monitoring points.",
    },
  },
  {
    id: 'monitor.prediction-quality',
    section: 'monitoring',
    number: 7,
    title:
      'The model has not experienced a regression in prediction quality on served data',
    evidence:
      'The active deployment reports a quality metric within the monitoring window, and it has not regressed.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the active deployment's quality monitoring points.",
    },
  },
];

/**
 * The checks only a Backstage-native tool can make. They are shown beside the rubric and do not
 * change its score.
 *
 * @public
 */
export const PORTAL_CHECKS: ReadonlyArray<CertificationCheckDefinition> = [
  {
    id: 'portal.owner-group',
    section: 'portal',
    title: 'The owner group exists in the catalog and has members',
    evidence:
      "The project's owner is a group entity in the catalog with at least one member.",
    automation: {
      kind: 'automated',
      how: 'ML Home looks the owner up in the software catalog.',
    },
  },
  {
    id: 'portal.serving-components',
    section: 'portal',
    title: 'Every serving component exists and has an owner',
    evidence:
      'Each catalog component named by a deployment of the model exists and has an owner.',
    automation: {
      kind: 'automated',
      how: "ML Home looks the deployments' serving components up in the software catalog.",
    },
  },
  {
    id: 'portal.model-card',
    section: 'portal',
    title: "The model card's sections are filled",
    evidence:
      'The model card has every section of Mitchell et al. (2019): model details, intended use, factors, metrics, evaluation data, training data, quantitative analyses, ethical considerations, caveats and recommendations.',
    automation: {
      kind: 'automated',
      how: "ML Home reads the model's card.",
    },
  },
];

/**
 * The rubric test or portal check with this id, if there is one.
 *
 * @public
 */
export function findCertificationCheck(
  id: string,
  extraChecks: ReadonlyArray<CertificationCheckDefinition> = [],
): CertificationCheckDefinition | undefined {
  return (
    ML_TEST_SCORE_RUBRIC.find(t => t.id === id) ??
    PORTAL_CHECKS.find(c => c.id === id) ??
    extraChecks.find(c => c.id === id)
  );
}
