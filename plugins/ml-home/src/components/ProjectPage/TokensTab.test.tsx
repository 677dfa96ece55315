import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  MlHomeApi,
  Project,
  ProjectToken,
  ProjectTokenCreate,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';
import { ProjectPage } from './ProjectPage';
import { TokensTab } from './TokensTab';

jest.setTimeout(60_000);

const DAY = 24 * 3600 * 1000;
const at = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY).toISOString();

const PROJECT: Project = {
  id: 'p1',
  name: 'churn',
  title: 'Churn prediction',
  description: '',
  owner: 'group:default/growth',
  lifecycle: 'production',
  tags: [],
  links: [],
  relatedEntities: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  lastActivityAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
  updatedBy: 'user:default/alice',
};

const token = (
  extra: Partial<ProjectToken> & { id: string },
): ProjectToken => ({
  project: 'churn',
  name: extra.id,
  prefix: `mlh_${extra.id.slice(0, 4)}`,
  createdBy: 'user:default/alice',
  createdAt: at(-10),
  expiresAt: at(80),
  ...extra,
});

const TOKENS: ProjectToken[] = [
  token({ id: 'nightly', prefix: 'mlh_Nx7q', lastUsedAt: at(-1) }),
  token({ id: 'backfill', prefix: 'mlh_Bf2a', expiresAt: at(-2) }),
  token({
    id: 'old-ci',
    prefix: 'mlh_Oc9z',
    revokedAt: at(-3),
    revokedBy: 'user:default/bob',
  }),
];

const SECRET = 'mlh_s3cr3tV4lu3-only-once';

function api(overrides: Partial<MlHomeApi> = {}) {
  return fakeMlHomeApi({
    listProjectTokens: async () => ({ items: TOKENS }),
    ...overrides,
  });
}

const render = (mlHomeApi: MlHomeApi, options: { allow?: boolean } = {}) =>
  renderPage(
    <TokensTab
      project={
        // usePermission keeps its answers in a cache shared by every test of this file, keyed by
        // permission and project, and does not ask again for two seconds: a caller denied sees
        // another project than the callers allowed, so no earlier test's "allow" answers for them.
        options.allow === false
          ? { ...PROJECT, name: 'churn-read-only' }
          : PROJECT
      }
    />,
    {
      path: '/*',
      url: '/ml-home',
      api: mlHomeApi,
      allow: options.allow,
    },
  );

const row = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;

describe('TokensTab', () => {
  it('lists the tokens with who created them, expiry, last use and status', async () => {
    await render(api());
    expect(
      screen.getByText(/lets pipelines and MLflow clients write runs/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Tokens (3)')).toBeInTheDocument();

    const nightly = within(row('nightly'));
    expect(nightly.getByText('mlh_Nx7q…')).toBeInTheDocument();
    expect(nightly.getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    expect(nightly.getByText('yesterday')).toBeInTheDocument();
    expect(nightly.getByText('active')).toBeInTheDocument();

    const backfill = within(row('backfill'));
    expect(backfill.getByText('never')).toBeInTheDocument();
    expect(backfill.getByText('expired')).toBeInTheDocument();
    expect(backfill.getByText('2 days ago')).toBeInTheDocument();

    expect(within(row('old-ci')).getByText('revoked')).toBeInTheDocument();

    // Only a working token can be revoked.
    expect(
      screen.getAllByRole('button', { name: /^Revoke token/ }),
    ).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Revoke token nightly' }),
    ).toBeInTheDocument();
  });

  it('shows the secret of a new token once, with how to use it', async () => {
    const user = userEvent.setup();
    const requests: ProjectTokenCreate[] = [];
    await render(
      api({
        createProjectToken: async (name, request) => {
          requests.push(request);
          expect(name).toBe('churn');
          return {
            token: token({
              id: 'weekly',
              name: request.name,
              prefix: SECRET.slice(0, 8),
              createdAt: at(0),
              expiresAt: at(request.expiresInDays ?? 90),
            }),
            secret: SECRET,
          };
        },
      }),
    );
    await screen.findByText('Tokens (3)');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const form = await screen.findByRole('dialog', {
      name: 'Create a project token',
    });
    // A name is needed.
    await user.click(
      within(form).getByRole('button', { name: 'Create token' }),
    );
    expect(
      within(form).getByText(/Say what will use the token/),
    ).toBeInTheDocument();
    expect(requests).toEqual([]);

    await user.type(within(form).getByLabelText(/Name/), 'weekly-retrain');
    await user.click(within(form).getByLabelText('Expires in'));
    await user.click(await screen.findByRole('option', { name: '30 days' }));
    await user.click(
      within(form).getByRole('button', { name: 'Create token' }),
    );

    const shown = await screen.findByRole('dialog', {
      name: 'Token weekly-retrain created',
    });
    expect(requests).toEqual([{ name: 'weekly-retrain', expiresInDays: 30 }]);
    const secret = within(shown).getByLabelText('Secret');
    expect(secret).toHaveValue(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(
      within(shown).getByText(/it will not be shown again/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(shown).toHaveTextContent(`Authorization: Bearer ${SECRET}`),
    );
    expect(shown).toHaveTextContent(/\/api\/ml-home\/projects\/churn\/ingest/);
    expect(shown).toHaveTextContent(`MLFLOW_TRACKING_TOKEN=${SECRET}`);

    const writeText = jest.spyOn(window.navigator.clipboard, 'writeText');
    await user.click(
      within(shown).getByRole('button', { name: 'Copy secret' }),
    );
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(
      within(shown).getByText('Secret copied to the clipboard.'),
    ).toBeInTheDocument();

    await user.click(
      within(shown).getByRole('button', { name: /Done, I have copied/ }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The new token heads the list; its secret is gone from the page.
    expect(await screen.findByText('Tokens (4)')).toBeInTheDocument();
    expect(
      within(row('weekly-retrain')).getByText('active'),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);

    // Opening the dialog again starts a new token; the secret is not shown again.
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const again = await screen.findByRole('dialog', {
      name: 'Create a project token',
    });
    expect(within(again).getByLabelText(/Name/)).toHaveValue('');
    expect(screen.queryByLabelText('Secret')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('says why a token could not be created', async () => {
    const user = userEvent.setup();
    await render(
      api({
        createProjectToken: async () => {
          throw await responseError(
            400,
            'InputError',
            'expiresInDays: must be a whole number of days from 1 to 365',
          );
        },
      }),
    );
    await screen.findByText('Tokens (3)');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const form = await screen.findByRole('dialog');
    await user.type(within(form).getByLabelText(/Name/), 'x');
    await user.click(
      within(form).getByRole('button', { name: 'Create token' }),
    );
    expect(
      await within(form).findByText(/must be a whole number of days/),
    ).toBeInTheDocument();
    expect(within(form).queryByLabelText('Secret')).not.toBeInTheDocument();
  });

  it('revokes a token after confirmation and updates its row', async () => {
    const user = userEvent.setup();
    const revoked: string[][] = [];
    await render(
      api({
        revokeProjectToken: async (name, id) => {
          revoked.push([name, id]);
          return {
            ...TOKENS[0],
            revokedAt: at(0),
            revokedBy: 'user:default/alice',
          };
        },
      }),
    );
    await screen.findByText('Tokens (3)');
    await user.click(
      screen.getByRole('button', { name: 'Revoke token nightly' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Revoke token nightly?',
    });
    expect(confirm).toHaveTextContent(/stop working at once/);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(revoked).toEqual([]);

    await user.click(
      screen.getByRole('button', { name: 'Revoke token nightly' }),
    );
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Revoke',
      }),
    );
    await waitFor(() =>
      expect(within(row('nightly')).getByText('revoked')).toBeInTheDocument(),
    );
    expect(revoked).toEqual([['churn', 'nightly']]);
    expect(
      screen.queryByRole('button', { name: 'Revoke token nightly' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('tells callers who may not manage tokens whom to ask (403)', async () => {
    await render(
      api({
        listProjectTokens: async () => {
          throw await responseError(403, 'NotAllowedError', 'Unauthorized');
        },
      }),
      { allow: false },
    );
    expect(
      await screen.findByText(
        "Only members of the owner team can see and manage this project's tokens",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Ask someone in growth/)).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Create token' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('hides create and revoke from callers without permission', async () => {
    await render(api(), { allow: false });
    expect(await screen.findByText('Tokens (3)')).toBeInTheDocument();
    expect(within(row('nightly')).getByText('active')).toBeInTheDocument();
    // usePermission answers from its cache first (an earlier test's "allow" for the same
    // project) and then asks again: the buttons must be gone once the decision is in.
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Create token' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('suggests a first token when there is none', async () => {
    await render(api({ listProjectTokens: async () => ({ items: [] }) }));
    expect(
      await screen.findByText(
        'No tokens yet: create one for your training pipeline',
      ),
    ).toBeInTheDocument();
  });

  it('shows a load error and retries', async () => {
    let calls = 0;
    await render(
      api({
        listProjectTokens: async () => {
          calls += 1;
          if (calls === 1) throw new Error('backend down');
          return { items: TOKENS };
        },
      }),
    );
    expect(
      (await screen.findAllByText(/The tokens could not be loaded/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Tokens (3)')).toBeInTheDocument();
  });

  it('is a tab of the project page', async () => {
    const { location } = await renderPage(<ProjectPage />, {
      path: '/projects/:projectName/*',
      url: '/ml-home/projects/churn',
      api: api({
        getProject: async () => PROJECT,
        listModels: async () => ({ items: [], totalCount: 0 }),
        listProjectEvents: async () => ({ items: [] }),
      }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Tokens' }));
    await waitFor(() =>
      expect(location().pathname).toBe('/ml-home/projects/churn/tokens'),
    );
    expect(await screen.findByText('Tokens (3)')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Tokens' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
