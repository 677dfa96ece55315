import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ListProjectsQuery,
  Project,
  ProjectCreate,
  ProjectList,
} from '@ml-home/plugin-ml-home-common';
import { MlHomePage } from './MlHomePage';
import { fakeMlHomeApi as fakeApi } from '../../testUtils/fakeMlHomeApi';
import {
  groupEntity,
  renderPage,
  responseError,
  userEntity,
} from '../common/__testUtils__/renderPage';

function project(name: string, extra: Partial<Project> = {}): Project {
  return {
    id: name,
    name,
    title: `Title of ${name}`,
    description: '',
    owner: 'group:default/home-ranking',
    lifecycle: 'production',
    tags: ['ranking'],
    links: [],
    relatedEntities: [],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    lastActivityAt: '2026-10-01T00:00:00.000Z',
    createdBy: 'user:default/guest',
    updatedBy: 'user:default/guest',
    counts: { experiments: 1, runs: 12 },
    ...extra,
  };
}

const list = (
  items: Project[],
  extra: Partial<ProjectList> = {},
): ProjectList => ({
  items,
  totalCount: items.length,
  facets: { owner: [], tag: [], lifecycle: [] },
  ...extra,
});

const ALL = [
  project('home-feed', { owner: 'group:default/home-ranking' }),
  project('churn-prediction', {
    owner: 'group:default/growth',
    lifecycle: 'experimental',
    tags: ['churn'],
  }),
];

/** A small in-memory project search that honours the filters and counts the facets. */
function searchingApi(calls: ListProjectsQuery[] = []) {
  return fakeApi({
    listProjects: async (query = {}) => {
      calls.push(query);
      const match = (p: Project, skip?: string) =>
        (!query.q || p.name.includes(query.q)) &&
        (skip === 'owner' ||
          !query.owner?.length ||
          query.owner.includes(p.owner)) &&
        (skip === 'tag' || (query.tag ?? []).every(t => p.tags.includes(t))) &&
        (skip === 'lifecycle' ||
          !query.lifecycle?.length ||
          query.lifecycle.includes(p.lifecycle));
      const count = (values: string[]) =>
        [...new Set(values)].map(value => ({
          value,
          count: values.filter(v => v === value).length,
        }));
      const items = ALL.filter(p => match(p));
      return list(items, {
        facets: {
          owner: count(ALL.filter(p => match(p, 'owner')).map(p => p.owner)),
          tag: count(ALL.filter(p => match(p, 'tag')).flatMap(p => p.tags)),
          lifecycle: count(
            ALL.filter(p => match(p, 'lifecycle')).map(p => p.lifecycle),
          ),
        },
      });
    },
  });
}

const render = (
  api = searchingApi(),
  url = '/ml-home',
  extra: Partial<Parameters<typeof renderPage>[1]> = {},
) => renderPage(<MlHomePage />, { path: '/', url, api, ...extra });

jest.setTimeout(60_000);

describe('MlHomePage', () => {
  it('tells the user how to start when there is no project', async () => {
    await render(fakeApi({ listProjects: async () => list([]) }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'ML Home' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'Create project' }).length,
    ).toBeGreaterThan(0);
  });

  it('lists projects with links to their spaces', async () => {
    await render();
    expect(
      await screen.findByRole('link', { name: 'Title of home-feed' }),
    ).toHaveAttribute('href', '/ml-home/projects/home-feed');
    expect(screen.getByText('Projects (2)')).toBeInTheDocument();
  });

  it('filters by a facet, keeps it in the URL and shows the counts', async () => {
    const calls: ListProjectsQuery[] = [];
    const { location } = await render(searchingApi(calls));
    const growth = await screen.findByRole('checkbox', { name: 'growth (1)' });
    expect(
      screen.getByRole('checkbox', { name: 'home-ranking (1)' }),
    ).toBeInTheDocument();
    await userEvent.click(growth);

    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Title of home-feed' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'Title of churn-prediction' }),
    ).toBeInTheDocument();
    expect(new URLSearchParams(location().search).getAll('owner')).toEqual([
      'group:default/growth',
    ]);
    expect(calls[calls.length - 1].owner).toEqual(['group:default/growth']);
    // The lifecycle facet counts follow the owner filter.
    expect(
      screen.getByRole('checkbox', { name: 'experimental (1)' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'production (1)' }),
    ).not.toBeInTheDocument();

    // Removing the filter chip clears it from the URL again.
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(location().search).toBe(''));
    expect(
      await screen.findByRole('link', { name: 'Title of home-feed' }),
    ).toBeInTheDocument();
  });

  it('restores the view from a link', async () => {
    const calls: ListProjectsQuery[] = [];
    await render(
      searchingApi(calls),
      '/ml-home?tag=churn&lifecycle=experimental&sort=name',
    );
    expect(
      await screen.findByRole('link', { name: 'Title of churn-prediction' }),
    ).toBeInTheDocument();
    expect(calls[0]).toMatchObject({
      tag: ['churn'],
      lifecycle: ['experimental'],
      orderBy: 'name',
      order: 'asc',
    });
    expect(screen.getByRole('checkbox', { name: 'churn (1)' })).toBeChecked();
    expect(screen.getByText('tag: churn')).toBeInTheDocument();
  });

  it("shows each project's certification level and filters by level", async () => {
    const calls: ListProjectsQuery[] = [];
    const api = fakeApi({
      listProjects: async (query = {}) => {
        calls.push(query);
        const items = [
          project('home-feed', { certificationLevel: 'gold' }),
          project('churn-prediction'),
        ].filter(
          p =>
            !query.level?.length ||
            query.level.includes(p.certificationLevel ?? ''),
        );
        return list(items, {
          facets: {
            owner: [],
            tag: [],
            lifecycle: [],
            level: [{ value: 'gold', count: 1 }],
          },
        });
      },
    });
    const { location } = await render(api);
    const feed = await screen.findByRole('link', {
      name: 'Title of home-feed',
    });
    expect(
      within(feed.closest('tr')!).getByTestId('certification-level-badge'),
    ).toHaveTextContent('Certification level: Gold');
    const churn = screen.getByRole('link', {
      name: 'Title of churn-prediction',
    });
    expect(
      within(churn.closest('tr')!).getByTestId('certification-level-badge'),
    ).toHaveTextContent('Not evaluated');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Gold (1)' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Title of churn-prediction' }),
      ).not.toBeInTheDocument(),
    );
    expect(new URLSearchParams(location().search).getAll('level')).toEqual([
      'gold',
    ]);
    expect(calls[calls.length - 1].level).toEqual(['gold']);
    expect(screen.getByText('level: Gold')).toBeInTheDocument();
  });

  it('searches on the server when the user presses Enter', async () => {
    const calls: ListProjectsQuery[] = [];
    const { location } = await render(searchingApi(calls));
    await screen.findByRole('link', { name: 'Title of home-feed' });
    const input = screen.getByLabelText('Search projects');
    fireEvent.change(input, { target: { value: 'churn' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Title of home-feed' }),
      ).not.toBeInTheDocument(),
    );
    expect(calls.map(c => c.q)).toContain('churn');
    expect(new URLSearchParams(location().search).get('q')).toBe('churn');
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    await render(searchingApi(), '/ml-home?q=nothing-like-this');
    expect(await screen.findByText('No project matches')).toBeInTheDocument();
  });

  it('pages on the server', async () => {
    const cursors: (string | undefined)[] = [];
    const api = fakeApi({
      listProjects: async query => {
        cursors.push(query?.cursor);
        return query?.cursor
          ? list([project('second-page')], { totalCount: 26 })
          : list([project('first-page')], { totalCount: 26, nextCursor: 'c1' });
      },
    });
    await render(api);
    await screen.findByRole('link', { name: 'Title of first-page' });
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of projects' }),
    );
    expect(
      await screen.findByRole('link', { name: 'Title of second-page' }),
    ).toBeInTheDocument();
    expect(cursors).toContain('c1');
    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page of projects' }),
    );
    expect(
      await screen.findByRole('link', { name: 'Title of first-page' }),
    ).toBeInTheDocument();
  });

  it("shows the user's teams' projects first", async () => {
    const calls: ListProjectsQuery[] = [];
    await render(searchingApi(calls), '/ml-home', {
      user: 'user:default/alice',
      catalogEntities: [
        userEntity('alice', ['growth']),
        groupEntity('growth', ['alice']),
      ],
    });
    const section = await screen.findByRole('region', {
      name: "Your teams' projects",
    });
    expect(
      await within(section).findByRole('link', {
        name: 'Title of churn-prediction',
      }),
    ).toBeInTheDocument();
    expect(
      within(section).queryByRole('link', { name: 'Title of home-feed' }),
    ).not.toBeInTheDocument();
    expect(calls.some(c => c.owner?.join() === 'group:default/growth')).toBe(
      true,
    );
  });

  it('shows the error and retries on request', async () => {
    let calls = 0;
    const api = fakeApi({
      listProjects: async () => {
        calls += 1;
        if (calls === 1) {
          throw new Error('backend down');
        }
        return list([]);
      },
    });
    await render(api);
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No ML projects yet')).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  describe('creating a project', () => {
    /** Alice is in growth and search; "platform" is a group of the catalog she is not in. */
    const alice = {
      ownershipEntityRefs: [
        'user:default/alice',
        'group:default/growth',
        'group:default/search',
      ],
      catalogEntities: [
        groupEntity('growth', ['alice'], 'Growth'),
        groupEntity('search', ['alice'], 'Search'),
        groupEntity('platform', [], 'Platform'),
      ],
    };

    async function openDialog() {
      await screen.findByText('No ML projects yet');
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Create project' })[0],
      );
      return screen.findByRole('dialog', { name: 'Create an ML project' });
    }

    /** The owner select, once the user's teams are known. */
    async function ownerField(dialog: HTMLElement, team: string) {
      const field = await within(dialog).findByRole('button', {
        name: new RegExp(`^Owner team.* ${team}$`),
      });
      return field;
    }

    it("shows the server's validation message at the field it names", async () => {
      const created: ProjectCreate[] = [];
      const api = fakeApi({
        listProjects: async () => list([]),
        createProject: async body => {
          created.push(body);
          throw await responseError(
            400,
            'InputError',
            'title must not be empty',
          );
        },
      });
      await render(api, '/ml-home', alice);
      const dialog = await openDialog();
      await userEvent.type(within(dialog).getByLabelText(/^Name/), 'churn');
      await userEvent.type(within(dialog).getByLabelText('Title'), '   ');
      // The owner is preselected: the first of the user's teams.
      await ownerField(dialog, 'Growth');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create project' }),
      );
      await waitFor(() =>
        expect(
          within(dialog).getByLabelText('Title'),
        ).toHaveAccessibleDescription('title must not be empty'),
      );
      expect(created[0]).toMatchObject({
        name: 'churn',
        owner: 'group:default/growth',
      });
    });

    it("offers only the user's own teams as owner, and says at the field when the server refuses one", async () => {
      const created: ProjectCreate[] = [];
      const api = fakeApi({
        listProjects: async () => list([]),
        createProject: async body => {
          created.push(body);
          throw await responseError(
            403,
            'NotAllowedError',
            'owner: you are not a member of group:default/search',
          );
        },
      });
      await render(api, '/ml-home', alice);
      const dialog = await openDialog();
      await userEvent.type(within(dialog).getByLabelText(/^Name/), 'churn');
      await userEvent.click(await ownerField(dialog, 'Growth'));
      const options = await screen.findAllByRole('option');
      expect(options.map(o => o.textContent)).toEqual(['Growth', 'Search']);
      await userEvent.click(screen.getByRole('option', { name: 'Search' }));
      const owner = await ownerField(dialog, 'Search');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create project' }),
      );
      await waitFor(() =>
        expect(owner).toHaveAccessibleDescription(
          'owner: you are not a member of group:default/search',
        ),
      );
      expect(created[0].owner).toBe('group:default/search');
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    });

    it('checks the name before sending and names a taken name at the field', async () => {
      const created: ProjectCreate[] = [];
      const api = fakeApi({
        listProjects: async () => list([]),
        createProject: async body => {
          created.push(body);
          throw await responseError(
            409,
            'ConflictError',
            "name: a project named 'churn' already exists",
          );
        },
      });
      await render(api, '/ml-home', alice);
      const dialog = await openDialog();
      await ownerField(dialog, 'Growth');
      await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Bad Name');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create project' }),
      );
      expect(
        within(dialog).getByLabelText(/^Name/),
      ).toHaveAccessibleDescription(
        /lowercase letters, digits and dashes, not starting/,
      );
      expect(created).toEqual([]);

      const name = within(dialog).getByLabelText(/^Name/);
      await userEvent.clear(name);
      await userEvent.type(name, 'churn');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create project' }),
      );
      await waitFor(() =>
        expect(
          within(dialog).getByLabelText(/^Name/),
        ).toHaveAccessibleDescription(
          "name: a project named 'churn' already exists",
        ),
      );
      expect(created[0].owner).toBe('group:default/growth');
    });

    it('says why no project can be created by a user in no team', async () => {
      const created: ProjectCreate[] = [];
      const api = fakeApi({
        listProjects: async () => list([]),
        createProject: async body => {
          created.push(body);
          return project(body.name);
        },
      });
      await render(api, '/ml-home', {
        ownershipEntityRefs: ['user:default/alice'],
        catalogEntities: [groupEntity('platform', [], 'Platform')],
      });
      const dialog = await openDialog();
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        /You are in no team of the software catalog/,
      );
      expect(
        within(dialog).getByRole('button', { name: 'Create project' }),
      ).toBeDisabled();
      expect(created).toEqual([]);
    });

    it('opens the new project when it was created', async () => {
      const api = fakeApi({
        listProjects: async () => list([]),
        createProject: async body => project(body.name),
      });
      const { location } = await render(api, '/ml-home', alice);
      const dialog = await openDialog();
      await userEvent.type(within(dialog).getByLabelText(/^Name/), 'churn');
      await ownerField(dialog, 'Growth');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create project' }),
      );
      await waitFor(() =>
        expect(location().pathname).toBe('/ml-home/projects/churn'),
      );
    });
  });
});
