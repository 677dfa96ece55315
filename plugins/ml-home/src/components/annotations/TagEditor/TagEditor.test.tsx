import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  CountTagsQuery,
  EntityTags,
  MlHomeApi,
} from '@ml-home/plugin-ml-home-common';
import { TagEditor, tagProblem } from './TagEditor';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import {
  renderPage,
  responseError,
} from '../../common/__testUtils__/renderPage';

jest.setTimeout(60_000);

/** Tags kept in memory as the backend would, with the project's tag counts for suggestions. */
function tagsApi(initial: string[], overrides: Partial<MlHomeApi> = {}) {
  let tags = [...initial];
  const saves: EntityTags[] = [];
  const countQueries: CountTagsQuery[] = [];
  const api = fakeMlHomeApi({
    getTags: async (entityType, entityId) => ({ entityType, entityId, tags }),
    setTags: async request => {
      saves.push(request);
      tags = [...request.tags];
      return request;
    },
    countTags: async (query = {}) => {
      countQueries.push(query);
      const all = [
        { value: 'reviewed', count: 7 },
        { value: 'release-candidate', count: 3 },
        { value: 'baseline', count: 2 },
      ];
      return {
        items: all.filter(c => !query.q || c.value.startsWith(query.q)),
      };
    },
    ...overrides,
  });
  return { api, saves, countQueries };
}

function render(api: MlHomeApi) {
  return renderPage(
    <TagEditor entityType="evaluation" entityId="eval-3" projectName="churn" />,
    { path: '/*', url: '/ml-home', api },
  );
}

const chips = () =>
  within(screen.getByRole('list', { name: 'Tags' }))
    .getAllByRole('listitem')
    .map(li => li.querySelector('[class*="MuiChip-label"]')?.textContent);

describe('TagEditor', () => {
  it('adds a typed tag and removes one', async () => {
    const { api, saves } = tagsApi(['baseline']);
    await render(api);
    await waitFor(() => expect(chips()).toEqual(['baseline']));

    await userEvent.type(screen.getByLabelText('Add a tag'), 'q4-launch');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(chips()).toEqual(['baseline', 'q4-launch']));
    expect(screen.getByLabelText('Add a tag')).toHaveValue('');

    await userEvent.click(screen.getByTitle('Remove tag baseline'));
    await waitFor(() => expect(chips()).toEqual(['q4-launch']));
    expect(saves.map(s => s.tags)).toEqual([
      ['baseline', 'q4-launch'],
      ['q4-launch'],
    ]);
    expect(saves[0]).toMatchObject({
      entityType: 'evaluation',
      entityId: 'eval-3',
    });
  });

  it('explains at the field why a tag is not a slug, and saves nothing', async () => {
    const { api, saves } = tagsApi([]);
    await render(api);
    const field = await screen.findByLabelText('Add a tag');
    await userEvent.type(field, 'Needs Review{Enter}');
    expect(
      await screen.findByText(
        /Tags are slugs: lowercase letters.*Try "needs-review"/,
      ),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(saves).toEqual([]);

    // Fixing the text clears the message; Enter adds it.
    await userEvent.clear(field);
    await userEvent.type(field, 'needs-review{Enter}');
    await waitFor(() => expect(chips()).toEqual(['needs-review']));
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it("suggests the project's tags in use and adds a picked one", async () => {
    const { api, saves, countQueries } = tagsApi(['baseline']);
    await render(api);
    const field = await screen.findByLabelText('Add a tag');
    await userEvent.type(field, 're');
    const option = await screen.findByRole('option', {
      name: 'release-candidate, 3 in use',
    });
    // Tags already on the entity are not suggested.
    expect(screen.queryByRole('option', { name: /^baseline/ })).toBeNull();
    await userEvent.click(option);
    await waitFor(() =>
      expect(chips()).toEqual(['baseline', 'release-candidate']),
    );
    expect(saves).toHaveLength(1);
    expect(countQueries).toContainEqual(
      expect.objectContaining({ project: 'churn', q: 're' }),
    );
  });

  it('keeps the tags as they were when saving fails', async () => {
    const { api } = tagsApi(['baseline'], {
      setTags: async () => {
        throw await responseError(
          403,
          'NotAllowedError',
          'You may not change project churn',
        );
      },
    });
    await render(api);
    await userEvent.type(await screen.findByLabelText('Add a tag'), 'x{Enter}');
    expect(
      await screen.findByText(
        'The tags were not saved: You may not change project churn',
      ),
    ).toBeInTheDocument();
    expect(chips()).toEqual(['baseline']);
  });

  it('checks duplicates and the limit', () => {
    expect(tagProblem('a', ['a'])).toEqual({ problem: 'duplicate', tag: 'a' });
    expect(
      tagProblem(
        'new',
        Array.from({ length: 50 }, (_, i) => `t${i}`),
      ),
    ).toEqual({ problem: 'tooMany' });
    expect(tagProblem('-bad', [])).toEqual({
      problem: 'notSlug',
      suggestion: 'bad',
    });
    expect(tagProblem('ok-tag', [])).toBeUndefined();
  });
});
