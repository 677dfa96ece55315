import { ConflictError, InputError } from '@backstage/errors';
import {
  type CertificationOverride,
  certificationNextLevel,
  mlHomeCertificationAttestPermission,
} from '@ml-home/plugin-ml-home-common';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { Caller } from '../domain/Caller';
import { ModelScope } from '../domain/scopes';
import { CertificationConfig } from './config';
import { DefaultCertificationService } from './CertificationService';

/** Where a version is being promoted: an alias moves to it, or it is deployed to an environment. */
export type GateTarget = { alias: string } | { environment: string };

/**
 * The certification gate (`mlHome.certification.gate`): an alias or environment listed there needs
 * the model's stored level to be at least the one named, or the move is refused with a 409 that
 * names the level, the score and the checks missing. An owner (`ml-home.certification.attest` on
 * the project) may pass it with `certificationOverride: { reason }`, kept in the model's history
 * (and in the auditor's record of the request).
 */
export class CertificationGate {
  constructor(
    private readonly certification: DefaultCertificationService,
    private readonly config: CertificationConfig,
    private readonly references: ReferenceAuthorizer,
  ) {}

  /** The level the target needs, if the gate lists it. */
  required(target: GateTarget): string | undefined {
    const { aliases, environments } = this.config.gate;
    const table = 'alias' in target ? aliases : environments;
    const name = 'alias' in target ? target.alias : target.environment;
    return Object.prototype.hasOwnProperty.call(table, name)
      ? table[name]
      : undefined;
  }

  async check(
    caller: Caller,
    scope: ModelScope,
    target: GateTarget,
    version: number,
    override?: CertificationOverride,
  ): Promise<void> {
    const required = this.required(target);
    if (!required) return;
    const levels = this.config.levels;
    const requiredRank = levels.findIndex(l => l.name === required);
    const { stored, scoring } = await this.certification.getScorecard(
      caller,
      scope,
    );
    if (requiredRank < 0 || stored.levelRank >= requiredRank) return;

    const what =
      'alias' in target
        ? `alias '${target.alias}' → version ${version}`
        : `deployment of version ${version} to '${target.environment}'`;
    if (override) {
      const reason = override.reason.trim();
      if (!reason) {
        throw new InputError(
          'certificationOverride.reason: say why the gate is overridden',
        );
      }
      await this.references.checkAlso(
        caller,
        mlHomeCertificationAttestPermission,
        scope.project,
      );
      await this.certification.recordOverride(
        caller,
        scope.model,
        `${what} below ${required}`,
        reason,
      );
      return;
    }
    const plan = certificationNextLevel(scoring.sections, [
      ...levels.slice(0, stored.levelRank + 1),
      levels[requiredRank],
    ]);
    const missing = (plan?.steps ?? [])
      .map(s => `${s.checkId} (${s.action})`)
      .join(', ');
    throw new ConflictError(
      `Certification gate: ${what} needs level ${required}; model '${scope.model.name}' is ${stored.level} with score ${stored.score}. Missing checks: ${missing || 'none that can be raised'}. An owner may pass with certificationOverride: { reason }.`,
    );
  }
}
