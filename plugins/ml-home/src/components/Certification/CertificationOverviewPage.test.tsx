import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CertificationOverviewQuery } from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { CertificationOverviewPage } from './CertificationOverviewPage';
import type { Overview, OverviewModel } from './types';

jest.setTimeout(90_000);

const MODELS: OverviewModel[] = [
  {
    model: 'churn-model',
    project: 'churn',
    owner: 'group:default/growth',
    version: 3,
    score: 0,
    level: 'none',
    failing: 20,
    evaluatedAt: '2026-11-01T00:00:00.000Z',
  },
  {
    model: 'feed-ranker',
    project: 'home-feed',
    owner: 'group:default/home-ranking',
    version: 7,
    score: 2.5,
    level: 'gold',
    failing: 4,
    evaluatedAt: '2026-11-01T00:00:00.000Z',
  },
];

/** An in-memory overview that honours the owner and level filters. */
function overviewApi(calls: CertificationOverviewQuery[], models = MODELS) {
  return fakeMlHomeApi({
    getCertificationOverview: async (query = {}) => {
      calls.push(query);
      const items = models.filter(
        m =>
          (!query.owner?.length || query.owner.includes(m.owner)) &&
          (!query.level?.length || query.level.includes(m.level)),
      );
      const owners = [...new Set(items.map(m => m.owner))];
      const overview: Overview = {
        levels: [...new Set(items.map(m => m.level))].map(level => ({
          level,
          count: items.filter(m => m.level === level).length,
        })),
        byOwner: owners.map(owner => ({
          owner,
          total: items.filter(m => m.owner === owner).length,
          levels: items
            .filter(m => m.owner === owner)
            .map(m => ({ level: m.level, count: 1 })),
        })),
        failingChecks: items.length
          ? [
              {
                checkId: 'data.cost',
                title: "No feature's cost is too much",
                count: items.length,
              },
            ]
          : [],
        expiring: items.some(m => m.model === 'feed-ranker')
          ? [
              {
                attestationId: 'a1',
                model: 'feed-ranker',
                project: 'home-feed',
                owner: 'group:default/home-ranking',
                checkId: 'model.inclusion',
                by: 'user:default/alice',
                expiresAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
              },
            ]
          : [],
        items,
        totalCount: items.length,
      };
      return overview;
    },
  });
}

describe('CertificationOverviewPage', () => {
  it('shows levels per team, what expires and fails, and the models with their levels', async () => {
    const calls: CertificationOverviewQuery[] = [];
    await renderPage(<CertificationOverviewPage />, {
      path: '/certification',
      url: '/ml-home/certification',
      api: overviewApi(calls),
    });
    expect(await screen.findByText('Models (2)')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Stacked bars: models per certification level for each team',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('home-ranking: 1 Gold')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'feed-ranker: The model has been tested for considerations of inclusion',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('earns no point on 2 models')).toBeInTheDocument();
    const row = screen
      .getByRole('link', { name: 'feed-ranker' })
      .closest('tr')!;
    expect(
      within(row).getByTestId('certification-level-badge'),
    ).toHaveTextContent('Gold');
    expect(screen.getByRole('link', { name: 'feed-ranker' })).toHaveAttribute(
      'href',
      '/ml-home/models/feed-ranker/certification',
    );
    expect(calls[0]).toMatchObject({ expiringWithinDays: 14, limit: 25 });
  });

  it('filters by team and level in the URL', async () => {
    const calls: CertificationOverviewQuery[] = [];
    const rendered = await renderPage(<CertificationOverviewPage />, {
      path: '/certification',
      url: '/ml-home/certification?level=gold',
      api: overviewApi(calls),
    });
    expect(await screen.findByText('Models (1)')).toBeInTheDocument();
    expect(calls[0].level).toEqual(['gold']);
    expect(screen.queryByRole('link', { name: 'churn-model' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /Team/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'home-ranking' }),
    );
    await waitFor(() =>
      expect(rendered.location().search).toBe(
        `?level=gold&owner=${encodeURIComponent('group:default/home-ranking')}`,
      ),
    );
    await waitFor(() =>
      expect(calls[calls.length - 1]).toMatchObject({
        owner: ['group:default/home-ranking'],
        level: ['gold'],
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(rendered.location().search).toBe(''));
    expect(await screen.findByText('Models (2)')).toBeInTheDocument();
  });

  it('says what to do when no model has a scorecard, and when none matches', async () => {
    await renderPage(<CertificationOverviewPage />, {
      path: '/certification',
      url: '/ml-home/certification',
      api: overviewApi([], []),
    });
    expect(
      await screen.findByText('No model has a scorecard yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/point its production alias at a version/),
    ).toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    await renderPage(<CertificationOverviewPage />, {
      path: '/certification',
      url: '/ml-home/certification?level=platinum',
      api: overviewApi([]),
    });
    expect(await screen.findByText('No model matches')).toBeInTheDocument();
  });
});
