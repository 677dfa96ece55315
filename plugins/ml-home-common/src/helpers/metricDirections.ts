/*
 * Which way a metric is better is declared by the people who own it: a project says it for its
 * metrics, a model for its own, an evaluation for its results. Only when nobody said it does the
 * name decide, and then only for names whose meaning is beyond doubt; a name like `grad_norm` or
 * `learning_rate` has no better way, and a comparison must not pretend it has one. One pure
 * function resolves this so that the comparison, the evaluation deltas and the certification's
 * regression check cannot disagree.
 */

import type { MetricDirection } from './evaluation';

/**
 * Where a resolved metric direction comes from: declared by the model, by the project, by an
 * evaluation for its own results, or guessed from the metric's name.
 *
 * @public
 */
export type MetricDirectionSource =
  'model' | 'project' | 'evaluation' | 'heuristic';

/**
 * A metric's direction and where it comes from.
 *
 * @public
 */
export interface ResolvedMetricDirection {
  /** Which way the metric is better. */
  direction: MetricDirection;
  /** Who said so; `heuristic` when only the name did. */
  source: MetricDirectionSource;
}

/**
 * The directions declared per metric key at each level; absent levels declare nothing.
 *
 * @public
 */
export interface DeclaredMetricDirections {
  /** Declared by an evaluation for its own results. */
  evaluation?: Readonly<Record<string, MetricDirection>>;
  /** Declared by the model for its metrics. */
  model?: Readonly<Record<string, MetricDirection>>;
  /** Declared by the project for every model and run in it. */
  project?: Readonly<Record<string, MetricDirection>>;
}

/**
 * The most metrics one project or model may declare a direction for.
 *
 * @public
 */
export const MAX_DECLARED_METRIC_DIRECTIONS = 500;

/* Name words whose metric is lower-is-better, as whole words of the name. */
const LOWER_WORDS = new Set([
  'loss',
  'logloss',
  'error',
  'err',
  'rmse',
  'mse',
  'mae',
  'mape',
  'smape',
  'wer',
  'cer',
  'latency',
  'perplexity',
  'brier',
  'fpr',
  'fnr',
  'fdr',
]);

/* Name words whose metric is higher-is-better, as whole words of the name. */
const HIGHER_WORDS = new Set([
  'accuracy',
  'acc',
  'auc',
  'auroc',
  'auprc',
  'roc',
  'f1',
  'fbeta',
  'precision',
  'recall',
  'ndcg',
  'mrr',
  'map',
  'r2',
  'bleu',
  'rouge',
  'iou',
  'specificity',
  'sensitivity',
  'tpr',
]);

/*
 * Words that make a name about something else than the quality itself (`loss_scale` is mixed
 * precision's multiplier, `error_count` a tally, `recall_weight` a hyperparameter): such a name is
 * left unknown rather than guessed.
 */
const VETO_WORDS = new Set([
  'scale',
  'weight',
  'count',
  'norm',
  'lr',
  'step',
  'steps',
  'threshold',
  'std',
  'var',
  'variance',
]);

/* Splits `valLoss`, `val_loss`, `eval/val-loss`, `p95.Latency` and `ndcg@10` alike. */
function nameWords(metric: string): string[] {
  return metric
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(w => w.length > 0);
}

/**
 * The direction a metric's name makes certain, or undefined when it does not.
 *
 * @remarks
 * Conservative on purpose: only well-known quality words count, matched as whole words of the
 * name (split at non-alphanumerics and camelCase boundaries, case-insensitively). Lower is better
 * for loss, error, rmse, mse, mae, mape, wer, cer, latency, perplexity, brier, fpr, fnr, fdr (so
 * `val_loss`, `p95_latency_ms`, `mean_absolute_error`); higher for accuracy, acc, auc, auroc,
 * auprc, f1, precision, recall, ndcg, mrr, map, r2, bleu, rouge, iou, specificity, sensitivity,
 * tpr (so `val_accuracy`, `roc_auc`, `ndcg@10`). scikit-learn's negated losses (`neg_log_loss`)
 * are higher. A name with words of both kinds, or with a word that makes it about something else
 * (`loss_scale`, `error_count`, `grad_norm`), and any other name (`learning_rate`, `epoch`), is
 * unknown.
 *
 * @param metric - the metric key
 * @returns the direction, or undefined when the name does not settle it
 * @public
 */
export function guessMetricDirection(
  metric: string,
): MetricDirection | undefined {
  const words = nameWords(metric);
  if (words.some(w => VETO_WORDS.has(w))) {
    return undefined;
  }
  const negated = words[0] === 'neg';
  const lower = words.some(w => LOWER_WORDS.has(w));
  const higher = words.some(w => HIGHER_WORDS.has(w));
  if (lower === higher) {
    return undefined;
  }
  if (lower) {
    return negated ? 'higher' : 'lower';
  }
  return negated ? undefined : 'higher';
}

function declaredIn(
  declared: Readonly<Record<string, MetricDirection>> | undefined,
  metric: string,
): MetricDirection | undefined {
  // Own properties only, so a metric called `constructor` is not "declared".
  if (declared && Object.prototype.hasOwnProperty.call(declared, metric)) {
    const direction = declared[metric];
    if (direction === 'higher' || direction === 'lower') {
      return direction;
    }
  }
  return undefined;
}

/**
 * Which way a metric is better, and who says so.
 *
 * @remarks
 * The owners' declarations win: the model's, then the project's; then what an evaluation says
 * for its own results (often written by a pipeline, so below the owners' word). Without one, the name decides only when {@link guessMetricDirection} is sure, marked
 * `heuristic` so that a page can say it was guessed. Otherwise the direction is unknown and no
 * value of the metric is "best", "better" or a "regression".
 *
 * @param metric - the metric key
 * @param declared - the directions declared at each level
 * @returns the direction and its source, or undefined when unknown
 * @public
 */
export function resolveMetricDirection(
  metric: string,
  declared?: DeclaredMetricDirections,
): ResolvedMetricDirection | undefined {
  const levels = [
    ['model', declared?.model],
    ['project', declared?.project],
    ['evaluation', declared?.evaluation],
  ] as const;
  for (const [source, directions] of levels) {
    const direction = declaredIn(directions, metric);
    if (direction) {
      return { direction, source };
    }
  }
  const guessed = guessMetricDirection(metric);
  return guessed ? { direction: guessed, source: 'heuristic' } : undefined;
}

/**
 * Resolves every metric of a list at once; metrics whose direction is unknown are left out.
 *
 * @param metrics - the metric keys (repeats are fine)
 * @param declared - the directions declared at each level
 * @returns a map from metric key to its resolved direction
 * @public
 */
export function resolveMetricDirections(
  metrics: Iterable<string>,
  declared?: DeclaredMetricDirections,
): Map<string, ResolvedMetricDirection> {
  const out = new Map<string, ResolvedMetricDirection>();
  for (const metric of metrics) {
    if (out.has(metric)) continue;
    const resolved = resolveMetricDirection(metric, declared);
    if (resolved) out.set(metric, resolved);
  }
  return out;
}

/**
 * What is wrong with a set of declared directions, each message naming its field; empty when
 * nothing is.
 *
 * @param field - the field the directions are in, e.g. `directions`
 * @param directions - the declared directions
 * @returns the problems, at most one per metric and one for the count
 * @public
 */
export function metricDirectionsProblems(
  field: string,
  directions: Readonly<Record<string, unknown>>,
): string[] {
  const problems: string[] = [];
  const keys = Object.keys(directions);
  if (keys.length > MAX_DECLARED_METRIC_DIRECTIONS) {
    problems.push(
      `${field}: at most ${MAX_DECLARED_METRIC_DIRECTIONS} metrics may be declared, got ${keys.length}`,
    );
  }
  for (const key of keys) {
    const value = directions[key];
    if (key.trim() === '' || key.length > 250) {
      problems.push(
        `${field}: a metric key must be 1 to 250 characters, got '${key.slice(0, 40)}'`,
      );
    } else if (value !== 'higher' && value !== 'lower') {
      problems.push(
        `${field}.${key}: must be 'higher' or 'lower', not '${String(value)}'`,
      );
    }
  }
  return problems;
}
