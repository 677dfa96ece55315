import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  RouterProvider,
  createMemoryRouter,
  useSearchParams,
} from 'react-router-dom';
import { useUrlSearch } from './useUrlSearch';

function SearchBox(props: { resets?: string[] }) {
  const search = useUrlSearch({ resets: props.resets });
  const [params, setParams] = useSearchParams();
  return (
    <>
      <label htmlFor="box">Search</label>
      <input id="box" {...search.fieldProps} />
      <output aria-label="query">{search.query}</output>
      <button
        onClick={() => {
          const next = new URLSearchParams(params);
          next.set('tag', 'fraud');
          setParams(next);
        }}
      >
        Add tag
      </button>
    </>
  );
}

function renderAt(url: string, resets?: string[]) {
  const router = createMemoryRouter(
    [{ path: '/', element: <SearchBox resets={resets} /> }],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const box = () => screen.getByRole('textbox', { name: 'Search' });

describe('useUrlSearch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const user = () =>
    userEvent.setup({ advanceTimers: jest.advanceTimersByTime });

  it('starts from the URL and commits the trimmed text after a pause, replacing the entry', async () => {
    const router = renderAt('/?q=churn');
    expect(box()).toHaveValue('churn');
    await user().clear(box());
    await user().type(box(), '  fraud ');
    expect(router.state.location.search).toBe('?q=churn');
    act(() => jest.advanceTimersByTime(300));
    expect(router.state.location.search).toBe('?q=fraud');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      'fraud',
    );
  });

  it('commits at once on Enter as a new history entry, and an empty box removes the parameter', async () => {
    const router = renderAt('/?q=churn&tag=x');
    await user().clear(box());
    await user().type(box(), 'fraud{Enter}');
    expect(router.state.location.search).toBe('?q=fraud&tag=x');
    expect(router.state.historyAction).toBe('PUSH');
    await user().clear(box());
    await user().type(box(), '{Enter}');
    expect(router.state.location.search).toBe('?tag=x');
  });

  it('drops the parameters of the previous search with a new one', async () => {
    const router = renderAt('/?q=churn&open=churn%2Fsales&kind=table', [
      'open',
    ]);
    await user().clear(box());
    await user().type(box(), 'fraud{Enter}');
    expect(router.state.location.search).toBe('?q=fraud&kind=table');
  });

  it('keeps what changed in the URL during the pause and follows the URL when it changes elsewhere', async () => {
    const router = renderAt('/');
    await user().type(box(), 'fraud');
    await user().click(screen.getByRole('button', { name: 'Add tag' }));
    act(() => jest.advanceTimersByTime(300));
    expect(new URLSearchParams(router.state.location.search).get('tag')).toBe(
      'fraud',
    );
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe(
      'fraud',
    );
    await act(() => router.navigate('/?q=other'));
    expect(box()).toHaveValue('other');
  });
});
