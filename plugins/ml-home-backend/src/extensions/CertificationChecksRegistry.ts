import { ConflictError, InputError } from '@backstage/errors';
import type {
  MlHomeCertificationCheck,
  MlHomeCertificationCheckContext,
  MlHomeCertificationCheckResult,
  MlHomeCertificationSection,
} from '@ml-home/plugin-ml-home-node/alpha';

const SECTIONS: ReadonlySet<MlHomeCertificationSection> = new Set([
  'data',
  'model',
  'infrastructure',
  'monitoring',
  'portal',
]);

const STATUSES: ReadonlySet<string> = new Set([
  'pass',
  'fail',
  'n/a',
  'unknown',
]);

/** Lowercase letters and digits in words joined by single dots or dashes. */
const CHECK_ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const CHECK_ID_MAX = 100;

/**
 * The custom certification checks that backend modules added through
 * `mlHomeCertificationChecksExtensionPoint`, kept for the certification service.
 *
 * @remarks
 * Checks are validated when they are added, so a module with a broken check stops start-up with a
 * message naming it rather than failing on a scorecard later.
 */
export class CertificationChecksRegistry {
  private readonly checks = new Map<string, MlHomeCertificationCheck>();

  /** Adds a check; throws an `InputError` for invalid fields, a `ConflictError` for a taken id. */
  add(check: MlHomeCertificationCheck): void {
    const id: unknown = check?.id;
    if (
      typeof id !== 'string' ||
      id.length > CHECK_ID_MAX ||
      !CHECK_ID.test(id)
    ) {
      throw new InputError(
        `Certification check id ${JSON.stringify(id)} is invalid: use lowercase letters, digits, dots and dashes (at most ${CHECK_ID_MAX} characters)`,
      );
    }
    if (typeof check.title !== 'string' || !check.title.trim()) {
      throw new InputError(`Certification check ${id} has no title`);
    }
    if (typeof check.description !== 'string') {
      throw new InputError(`Certification check ${id} has no description`);
    }
    if (!SECTIONS.has(check.section)) {
      throw new InputError(
        `Certification check ${id} has section ${JSON.stringify(check.section)}; expected one of ${[...SECTIONS].join(', ')}`,
      );
    }
    if (typeof check.evaluate !== 'function') {
      throw new InputError(
        `Certification check ${id} has no evaluate function`,
      );
    }
    if (this.checks.has(id)) {
      throw new ConflictError(
        `Certification check ${id} was added twice; check ids must be unique`,
      );
    }
    this.checks.set(id, check);
  }

  /** Every check, in the order they were added. */
  list(): MlHomeCertificationCheck[] {
    return [...this.checks.values()];
  }

  /** The check with this id, if one was added. */
  get(id: string): MlHomeCertificationCheck | undefined {
    return this.checks.get(id);
  }

  /**
   * Runs one check on a model. A check that throws, or answers with something that is not a
   * result, counts as `unknown` with the reason as evidence: one broken check must not take a
   * scorecard down.
   */
  async evaluate(
    check: MlHomeCertificationCheck,
    context: MlHomeCertificationCheckContext,
  ): Promise<MlHomeCertificationCheckResult> {
    let result: MlHomeCertificationCheckResult;
    try {
      result = await check.evaluate(context);
    } catch (error) {
      return {
        status: 'unknown',
        evidence: {
          text: `The check failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
    if (!result || !STATUSES.has(result.status)) {
      return {
        status: 'unknown',
        evidence: {
          text: `The check answered with no valid status (${JSON.stringify(result?.status)})`,
        },
      };
    }
    return result;
  }
}
