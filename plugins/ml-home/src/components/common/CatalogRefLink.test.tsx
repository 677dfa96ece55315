import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  ActorLink,
  CatalogRefLink,
  toCompoundEntityRef,
} from './CatalogRefLink';

const render = (element: JSX.Element) =>
  renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('toCompoundEntityRef', () => {
  it('reads a short ref with the kind and namespace given', () => {
    expect(
      toCompoundEntityRef('churn-prediction', 'group', 'payments'),
    ).toEqual({
      kind: 'group',
      namespace: 'payments',
      name: 'churn-prediction',
    });
    expect(toCompoundEntityRef('user:default/alice', 'group')).toEqual({
      kind: 'user',
      namespace: 'default',
      name: 'alice',
    });
  });

  it('is undefined for what is no entity ref', () => {
    expect(toCompoundEntityRef('', 'group')).toBeUndefined();
    expect(toCompoundEntityRef('group:', 'group')).toBeUndefined();
  });
});

describe('CatalogRefLink', () => {
  it('links a short ref with the default kind and namespace', async () => {
    await render(
      <CatalogRefLink entityRef="churn-prediction" defaultKind="group" />,
    );
    expect(
      screen.getByRole('link', { name: /churn-prediction/ }),
    ).toHaveAttribute('href', '/catalog/default/group/churn-prediction');
  });

  it('shows what is no entity ref as text', async () => {
    await render(<CatalogRefLink entityRef="group:" defaultKind="group" />);
    expect(screen.getByText('group:')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('ActorLink', () => {
  it('links a user', async () => {
    await render(<ActorLink actor="user:default/alice" />);
    expect(screen.getByRole('link', { name: /alice/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
  });

  it('shows a service subject as recorded, without a link', async () => {
    await render(<ActorLink actor="external:ml-home-token" />);
    expect(screen.getByText('external:ml-home-token')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
