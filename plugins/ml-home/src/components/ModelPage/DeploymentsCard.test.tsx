import type { Entity } from '@backstage/catalog-model';
import type { Deployment } from '@ml-home/plugin-ml-home-common';
import { screen, within } from '@testing-library/react';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { DeploymentsCard } from './DeploymentsCard';

jest.setTimeout(60_000);

const deployment = (service: string): Deployment => ({
  id: `dep-${service}`,
  project: 'churn-prediction',
  model: 'churn-prediction-model',
  version: 6,
  environment: 'production',
  service,
  endpoint: '',
  status: 'retired',
  deployedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
});

/** A catalog component owned by `owner` as written in its catalog-info.yaml. */
const component = (
  name: string,
  owner: string,
  namespace?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { type: 'service', lifecycle: 'production', owner },
});

function render(deployments: Deployment[], catalogEntities: Entity[]) {
  return renderPage(
    <DeploymentsCard
      deployments={deployments}
      loading={false}
      onRetry={() => {}}
      metric="latency_p99_ms"
      onMetricChange={() => {}}
    />,
    {
      path: '/models/:modelName',
      url: '/ml-home/models/churn-prediction-model',
      api: fakeMlHomeApi({}),
      catalogEntities,
    },
  );
}

describe('DeploymentsCard', () => {
  it("links a service owner written as a short ref (spec.owner: churn-prediction) to that group in the component's namespace", async () => {
    await render(
      [
        deployment('component:default/churn-scoring-service'),
        deployment('component:payments/retry-scorer'),
      ],
      [
        component('churn-scoring-service', 'churn-prediction'),
        component('retry-scorer', 'payments-oncall', 'payments'),
      ],
    );
    const table = await screen.findByRole('table');
    const churn = await within(table).findByRole('link', {
      name: /churn-prediction/,
    });
    expect(churn).toHaveAttribute(
      'href',
      '/catalog/default/group/churn-prediction',
    );
    expect(
      await within(table).findByRole('link', { name: /payments-oncall/ }),
    ).toHaveAttribute('href', '/catalog/payments/group/payments-oncall');
    expect(screen.queryByText(/something went wrong/i)).toBeNull();
  });

  it('keeps a full owner ref as it is', async () => {
    await render(
      [deployment('component:default/churn-scoring-service')],
      [component('churn-scoring-service', 'user:default/nadia')],
    );
    expect(
      await within(await screen.findByRole('table')).findByRole('link', {
        name: /nadia/,
      }),
    ).toHaveAttribute('href', '/catalog/default/user/nadia');
  });

  it('has one control per column header, not a sort button inside a drag handle', async () => {
    await render(
      [deployment('component:default/churn-scoring-service')],
      [component('churn-scoring-service', 'churn-prediction')],
    );
    const table = await screen.findByRole('table');
    await within(table).findByRole('link', { name: /churn-prediction/ });
    const focusable =
      'a[href], button, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
    const nested = Array.from(table.querySelectorAll(focusable)).filter(
      control => control.querySelector(focusable),
    );
    expect(nested.map(control => control.outerHTML)).toEqual([]);
    expect(
      within(table).getByRole('button', { name: 'Environment' }),
    ).toBeInTheDocument();
  });
});
