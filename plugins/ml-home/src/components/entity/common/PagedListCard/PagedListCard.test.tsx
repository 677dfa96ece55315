import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PagedListCard } from './PagedListCard';

jest.setTimeout(60_000);

const base = {
  title: 'ML models',
  loading: false,
  reads: [],
  empty: <p>Nothing here yet</p>,
  listLabel: 'ML models owned by this team',
  renderRow: (name: string) => ({
    key: name,
    primary: name,
    secondary: `${name} details`,
  }),
};

describe('PagedListCard', () => {
  it('lists the rows under the title, with the page controls', async () => {
    const moves: string[] = [];
    await renderInTestApp(
      <PagedListCard
        {...base}
        subheader="6 owned by this team"
        items={['churn-model', 'fraud-model']}
        paging={{
          noun: 'models',
          pageIndex: 0,
          pageSize: 2,
          shown: 2,
          totalCount: 6,
          nextCursor: 'c2',
          onNext: c => moves.push(c),
          onPrevious: () => moves.push('back'),
        }}
      />,
    );
    expect(
      screen.getByRole('heading', { level: 2, name: 'ML models' }),
    ).toBeInTheDocument();
    expect(screen.getByText('6 owned by this team')).toBeInTheDocument();
    const items = within(
      screen.getByRole('list', { name: 'ML models owned by this team' }),
    ).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      'churn-modelchurn-model details',
      'fraud-modelfraud-model details',
    ]);
    expect(screen.getByText('1–2 of 6')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of models' }),
    );
    expect(moves).toEqual(['c2']);
    expect(screen.queryByText('Nothing here yet')).not.toBeInTheDocument();
  });

  it('says why there is nothing once loaded, and nothing before', async () => {
    const first = await renderInTestApp(
      <PagedListCard {...base} loading items={undefined} />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('Nothing here yet')).not.toBeInTheDocument();
    first.unmount();
    await renderInTestApp(<PagedListCard {...base} items={[]} />);
    expect(screen.getByText('Nothing here yet')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows each failed read with its retry', async () => {
    const retried: string[] = [];
    await renderInTestApp(
      <PagedListCard
        {...base}
        items={undefined}
        reads={[
          {
            error: new Error('deployments down'),
            title: 'The deployments could not be loaded',
            onRetry: () => retried.push('deployments'),
          },
          {
            title: 'The models could not be loaded',
            onRetry: () => retried.push('models'),
          },
        ]}
      />,
    );
    expect(
      screen.getByText(/The deployments could not be loaded/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/The models could not be loaded/),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retried).toEqual(['deployments']);
  });
});
