import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { MlHomePage } from './MlHomePage';

function fakeApi(overrides: Partial<MlHomeApi> = {}): MlHomeApi {
  return {
    getHealth: async () => ({ status: 'ok' }),
    ...overrides,
  };
}

describe('MlHomePage', () => {
  it('shows the page title and tells the user how to get the first project', async () => {
    await renderInTestApp(<MlHomePage />, {
      apis: [[mlHomeApiRef, fakeApi()]],
    });
    expect(
      screen.getByRole('heading', { level: 1, name: 'ML Home' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
  });

  it('shows the error and retries on request', async () => {
    let calls = 0;
    const api = fakeApi({
      getHealth: async () => {
        calls += 1;
        if (calls === 1) {
          throw new Error('backend down');
        }
        return { status: 'ok' };
      },
    });
    await renderInTestApp(<MlHomePage />, { apis: [[mlHomeApiRef, api]] });

    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
