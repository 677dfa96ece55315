import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { CertificationNotifier } from './certificationNotifications';
import type { ExpiringAttestation } from './DatabaseCertificationStore';
import type { ScorecardChange } from './CertificationService';

const NOW = new Date('2026-12-06T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function scorecard(level: string, levelRank: number, score: number) {
  return {
    modelId: 'm1',
    projectId: 'p1',
    owner: 'group:default/ranking',
    versionSource: 'alias' as const,
    score,
    level,
    levelRank,
    band: '',
    failing: 0,
    evaluatedAt: NOW,
    checks: [],
  };
}

function change(
  previous: ReturnType<typeof scorecard> | undefined,
  current: ReturnType<typeof scorecard>,
): ScorecardChange {
  return {
    model: { name: 'ranker' } as ScorecardChange['model'],
    previous,
    current,
  };
}

function attestation(id: string, inDays: number): ExpiringAttestation {
  return {
    id,
    modelId: 'm1',
    model: 'ranker',
    checkId: 'model.review',
    evidenceUrl: 'https://docs/review',
    note: '',
    attestedBy: 'user:default/ana',
    attestedAt: new Date(NOW.getTime() - 170 * DAY),
    expiresAt: new Date(NOW.getTime() + inDays * DAY),
    state: 'active',
    project: 'ranking',
    owner: 'group:default/ranking',
  };
}

function setup(
  options: { failSend?: boolean; expiring?: ExpiringAttestation[] } = {},
) {
  const sent: NotificationSendOptions[] = [];
  const marked: string[][] = [];
  const asked: Array<[Date, Date]> = [];
  const notifier = new CertificationNotifier({
    notifications: {
      async send(n) {
        if (options.failSend)
          throw new Error('notifications backend not found');
        sent.push(n);
      },
    },
    store: {
      async listExpiringUnnotified(now, until) {
        asked.push([now, until]);
        return options.expiring ?? [];
      },
      async markExpiryNotified(ids) {
        marked.push(ids);
      },
    },
    logger: mockServices.logger.mock(),
  });
  return { notifier, sent, marked, asked };
}

describe('CertificationNotifier', () => {
  it('tells the owner group when a model drops a level', async () => {
    const { notifier, sent } = setup();
    await notifier.onChange(
      change(scorecard('gold', 3, 2), scorecard('silver', 2, 1.5)),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/ranking',
    });
    expect(sent[0].payload.title).toBe(
      'Model ranker dropped from gold to silver',
    );
    expect(sent[0].payload.link).toBe('/ml-home/models/ranker/certification');
    expect(sent[0].payload.severity).toBe('high');
  });

  it.each([
    ['a first evaluation', undefined, scorecard('none', 0, 0)],
    ['a rise', scorecard('bronze', 1, 0.5), scorecard('silver', 2, 1)],
    ['the same level', scorecard('silver', 2, 1), scorecard('silver', 2, 1.5)],
  ])('stays quiet on %s', async (_what, previous, current) => {
    const { notifier, sent } = setup();
    await notifier.onChange(change(previous, current));
    expect(sent).toEqual([]);
  });

  it('tells owners once of attestations expiring within 14 days and marks them told', async () => {
    const { notifier, sent, marked, asked } = setup({
      expiring: [attestation('a1', 3), attestation('a2', 1)],
    });
    expect(await notifier.notifyExpiring(NOW)).toBe(2);
    expect(asked).toEqual([[NOW, new Date(NOW.getTime() + 14 * DAY)]]);
    expect(sent.map(n => n.payload.title)).toEqual([
      'Attestation of model.review for model ranker expires in 3 days',
      'Attestation of model.review for model ranker expires in 1 day',
    ]);
    expect(
      sent.every(
        n =>
          (n.recipients as { entityRef: string }).entityRef ===
          'group:default/ranking',
      ),
    ).toBe(true);
    expect(marked).toEqual([['a1', 'a2']]);
  });

  it('does not mark attestations whose notice could not be sent, so the next run tries again', async () => {
    const { notifier, marked } = setup({
      failSend: true,
      expiring: [attestation('a1', 3)],
    });
    expect(await notifier.notifyExpiring(NOW)).toBe(0);
    expect(marked).toEqual([[]]);
    // And a level drop that cannot be told does not fail the re-evaluation.
    await expect(
      setup({ failSend: true }).notifier.onChange(
        change(scorecard('gold', 3, 2), scorecard('none', 0, 0)),
      ),
    ).resolves.toBeUndefined();
  });
});
