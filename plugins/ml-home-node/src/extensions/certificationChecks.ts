import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';

/**
 * Where a check counts: one of the four sections of the ML Test Score rubric (features and
 * `data`, `model` development, ML `infrastructure`, `monitoring`), or `portal` for the checks only
 * a Backstage-native tool can make (owner in the catalog, serving service known, …), which are
 * shown beside the rubric and do not change its score.
 *
 * @alpha
 */
export type MlHomeCertificationSection =
  'data' | 'model' | 'infrastructure' | 'monitoring' | 'portal';

/**
 * A check's verdict on one model: `pass` and `fail` when it could decide, `n/a` when the check
 * does not apply to this model, `unknown` when the data it needs is missing or unreachable.
 *
 * @alpha
 */
export type MlHomeCertificationCheckStatus =
  'pass' | 'fail' | 'n/a' | 'unknown';

/**
 * What a check found: its status and, ideally, where a person can see why.
 *
 * @alpha
 */
export interface MlHomeCertificationCheckResult {
  /** The check's verdict. */
  status: MlHomeCertificationCheckStatus;
  /** A link to the evidence (a dashboard, a pipeline run, a document) and/or a sentence about it. */
  evidence?: { url?: string; text?: string };
}

/**
 * What a check is given when it evaluates a model.
 *
 * @alpha
 */
export interface MlHomeCertificationCheckContext {
  /** The name of the model being certified. */
  model: string;
  /** ML Home's API, to read the model's metadata (versions, evaluations, deployments, …). */
  api: MlHomeApi;
}

/**
 * A certification check an organisation adds through a backend module: an automated test of
 * the ML Test Score rubric (worth a full point when it passes) or a portal check.
 *
 * @alpha
 */
export interface MlHomeCertificationCheck {
  /**
   * Unique among all checks and stable across releases (scorecards and attestations refer to
   * it): lowercase letters, digits, dots and dashes, e.g. `acme.feature-schema`.
   */
  id: string;
  /** A short title, as the scorecard lists it. */
  title: string;
  /** The rubric section the check counts in, or `portal`. */
  section: MlHomeCertificationSection;
  /** What the check verifies and how to make it pass (markdown). */
  description: string;
  /** Decides the check for one model; a thrown error counts as `unknown`. */
  evaluate(
    context: MlHomeCertificationCheckContext,
  ): Promise<MlHomeCertificationCheckResult>;
}

/**
 * Lets backend modules add custom certification checks to ML Home.
 *
 * @alpha
 */
export interface MlHomeCertificationChecksExtensionPoint {
  /** Adds a check; start-up fails if its id is taken or its fields are invalid. */
  addCheck(check: MlHomeCertificationCheck): void;
}

/**
 * The extension point for custom certification checks:
 *
 * ```ts
 * createBackendModule({
 *   pluginId: 'ml-home',
 *   moduleId: 'acme-checks',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { checks: mlHomeCertificationChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addCheck({
 *           id: 'acme.feature-schema',
 *           title: 'Feature expectations are captured in a schema',
 *           section: 'data',
 *           description: 'The training data set declares its features.',
 *           async evaluate({ model, api }) {
 *             // read the model's metadata through `api` and decide
 *             return { status: 'unknown' };
 *           },
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @alpha
 */
export const mlHomeCertificationChecksExtensionPoint =
  createExtensionPoint<MlHomeCertificationChecksExtensionPoint>({
    id: 'ml-home.certification-checks',
  });
