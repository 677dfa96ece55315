import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { CertificationStore } from './DatabaseCertificationStore';
import type { ScorecardChange } from './CertificationService';

/** How far ahead an owner group hears of an attestation that is about to expire. */
export const EXPIRY_NOTICE_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tells a model's owner group, through Backstage's notifications, what needs their attention:
 * the model dropped a level, or an attestation expires within 14 days (once per attestation).
 * Without the notifications backend a send fails; that is logged and tried again next time, and
 * never stops a re-evaluation.
 */
export class CertificationNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      store: Pick<
        CertificationStore,
        'listExpiringUnnotified' | 'markExpiryNotified'
      >;
      logger: LoggerService;
    },
  ) {}

  /** For CertificationDependencies.onChange: a level drop is told to the owner group. */
  async onChange({ model, previous, current }: ScorecardChange): Promise<void> {
    if (!previous || current.levelRank >= previous.levelRank) return;
    const link = `/ml-home/models/${encodeURIComponent(model.name)}/certification`;
    await this.send(current.owner, {
      title: `Model ${model.name} dropped from ${previous.level} to ${current.level}`,
      description: `Its production-readiness score is now ${current.score} (was ${previous.score}). The Certification tab lists the checks that no longer earn their point.`,
      link,
      severity: 'high',
      topic: 'ml-home-certification',
      scope: `ml-home:certification:level:${model.name}`,
    });
  }

  /**
   * Tells owners of attestations expiring within 14 days of `now`, one notification per
   * attestation, and marks those told; an attestation whose notice could not be sent is tried again.
   */
  async notifyExpiring(now: Date): Promise<number> {
    const until = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
    const expiring = await this.options.store.listExpiringUnnotified(
      now,
      until,
    );
    const told: string[] = [];
    for (const a of expiring) {
      const days = Math.max(
        1,
        Math.ceil((a.expiresAt.getTime() - now.getTime()) / DAY_MS),
      );
      const sent = await this.send(a.owner, {
        title: `Attestation of ${a.checkId} for model ${a.model} expires in ${days} day${days === 1 ? '' : 's'}`,
        description: `Attested by ${a.attestedBy}; it stops counting on ${a.expiresAt.toISOString().slice(0, 10)}. Attest again with fresh evidence, or automate the check.`,
        link: `/ml-home/models/${encodeURIComponent(a.model)}/certification`,
        severity: 'normal',
        topic: 'ml-home-certification',
        scope: `ml-home:certification:attestation:${a.id}`,
      });
      if (sent) told.push(a.id);
    }
    await this.options.store.markExpiryNotified(told, now);
    return told.length;
  }

  private async send(
    owner: string,
    payload: Parameters<NotificationService['send']>[0]['payload'],
  ): Promise<boolean> {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload,
      });
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Could not notify ${owner} (${payload.title}): ${error}`,
      );
      return false;
    }
  }
}
