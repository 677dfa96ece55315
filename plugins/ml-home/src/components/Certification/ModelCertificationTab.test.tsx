import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  CertificationAttestationCreate,
  CertificationAttestationReview,
  Model,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage, responseError } from '../common/__testUtils__/renderPage';
import { ModelCertificationTab } from './ModelCertificationTab';
import {
  allPassingExcept,
  attestation,
  scorecard,
} from './__testUtils__/scorecards';

const model: Model = {
  id: 'm1',
  name: 'churn-model',
  project: 'churn',
  owner: 'group:default/growth',
  description: '',
  latestVersion: 3,
  versionCount: 3,
  aliases: [{ alias: 'production', version: 3 }],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
} as Model;

// Rendering the app shell on a loaded two-core machine takes seconds.
jest.setTimeout(90_000);

const history = { items: [] };

function render(api: ReturnType<typeof fakeMlHomeApi>, allow = true) {
  return renderPage(<ModelCertificationTab model={model} />, {
    path: '/models/:modelName/*',
    url: '/ml-home/models/churn-model/certification',
    api,
    allow,
  });
}

/** The table row of a check, found by its title (the next-level panel may name it too). */
async function checkRow(title: string) {
  const cells = await screen.findAllByText(title);
  const row = cells.map(cell => cell.closest('tr')).find(Boolean);
  if (!row) throw new Error(`no table row for ${title}`);
  return row as HTMLElement;
}

describe('ModelCertificationTab', () => {
  it('shows level, score, band, the sections as meters and each check with what to do', async () => {
    const card = scorecard({
      level: 'bronze',
      checks: {
        ...allPassingExcept(['data.cost', 'model.inclusion']),
        'model.inclusion': {
          status: 'pass',
          points: 0.5,
          source: 'attested',
          expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
          evidence: { url: 'https://wiki.example.com/fairness' },
          attestation: attestation({ checkId: 'model.inclusion' }),
        },
      },
    });
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => card,
        getModelScorecardHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText(
        'more of a research project than a productionized system',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Score 6')).toBeInTheDocument();
    const meters = screen.getAllByRole('meter');
    expect(meters).toHaveLength(4);
    expect(meters[0]).toHaveAccessibleName(
      'Features and data — lowest, sets the score',
    );
    expect(meters[0]).toHaveAttribute('aria-valuetext', '6 of 7');
    expect(meters[1]).toHaveAttribute('aria-valuetext', '6.5 of 7');
    expect(
      screen.getByText('Certified version: v3 (behind the production alias).'),
    ).toBeInTheDocument();

    const cost = await checkRow("No feature's cost is too much");
    expect(within(cost).getByText('Failing')).toBeInTheDocument();
    expect(
      within(cost).getByText(/^What to do: .*Attest it with a link/),
    ).toBeInTheDocument();
    expect(
      within(cost).getByRole('button', {
        name: `Attest "No feature's cost is too much"`,
      }),
    ).toBeEnabled();

    const inclusion = await checkRow(
      'The model has been tested for considerations of inclusion',
    );
    expect(within(inclusion).getByText('Attested')).toBeInTheDocument();
    expect(within(inclusion).getByText('0.5')).toBeInTheDocument();
    expect(
      within(inclusion).getByRole('link', { name: /^Evidence/ }),
    ).toHaveAttribute('href', 'https://wiki.example.com/fairness');
    expect(
      within(inclusion).getByText(/Attested by alice/),
    ).toBeInTheDocument();
    // An automated pass needs nothing more.
    const schema = await checkRow(
      'Feature expectations are captured in a schema',
    );
    expect(within(schema).queryByText(/^What to do/)).toBeNull();
    expect(within(schema).queryByRole('button')).toBeNull();

    expect(screen.getByText('What Bronze needs')).toBeInTheDocument();
    expect(
      screen.getByText('A score above 0: 1 check to raise'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Features and data: attest it (+0.5)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Portal checks')).toBeInTheDocument();
    expect(screen.getByText('No change recorded yet.')).toBeInTheDocument();
  });

  it('says what to do when there is no production version', async () => {
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => scorecard({ version: null }),
        getModelScorecardHistory: async () => history,
      }),
    );
    expect(
      await screen.findByText(
        /^No production version: set the production alias/,
      ),
    ).toBeInTheDocument();
  });

  it('attests a check with evidence, validating the link, and shows the new score and level', async () => {
    const before = scorecard({
      level: 'none',
      checks: allPassingExcept(['data.cost']),
    });
    const after = scorecard({
      level: 'bronze',
      checks: {
        ...allPassingExcept(['data.cost']),
        'data.cost': {
          status: 'pass',
          points: 0.5,
          source: 'attested',
          attestation: attestation(),
        },
      },
      nextLevel: null,
    });
    const sent: CertificationAttestationCreate[] = [];
    let reads = 0;
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => {
          reads += 1;
          return sent.length ? after : before;
        },
        getModelScorecardHistory: async () => history,
        createCertificationAttestation: async (name, body) => {
          expect(name).toBe('churn-model');
          sent.push(body);
          return attestation();
        },
      }),
    );
    const row = await checkRow("No feature's cost is too much");
    await userEvent.click(within(row).getByRole('button', { name: /^Attest/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName(
      `Attest "No feature's cost is too much"`,
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    expect(
      await within(dialog).findByText('Give a link to the evidence.'),
    ).toBeInTheDocument();
    const url = within(dialog).getByRole('textbox', { name: /Evidence link/ });
    await userEvent.type(url, 'ftp://files.example.com/review');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    expect(
      await within(dialog).findByText(
        'The evidence link must be an http or https URL.',
      ),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);

    await userEvent.clear(url);
    await userEvent.type(url, 'https://wiki.example.com/cost-review');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Note' }),
      'Reviewed the cost of every feature',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toEqual([
      {
        checkId: 'data.cost',
        evidenceUrl: 'https://wiki.example.com/cost-review',
        note: 'Reviewed the cost of every feature',
      },
    ]);
    expect(
      await screen.findByText(
        `Attested "No feature's cost is too much". The level is now Bronze, the score 6.5.`,
      ),
    ).toBeInTheDocument();
    expect(reads).toBe(2);
    expect(screen.getByText('Score 6.5')).toBeInTheDocument();
    expect(screen.getByText('Highest level reached')).toBeInTheDocument();
  });

  it("shows the backend's refusal in the attest dialog", async () => {
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => scorecard(),
        getModelScorecardHistory: async () => history,
        createCertificationAttestation: async () => {
          throw await responseError(
            403,
            'NotAllowedError',
            'Only the owner team may attest',
          );
        },
      }),
    );
    const row = await checkRow("No feature's cost is too much");
    await userEvent.click(within(row).getByRole('button', { name: /^Attest/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Evidence link/ }),
      'https://wiki.example.com/x',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    expect(
      await within(dialog).findByText(
        'Could not attest: Only the owner team may attest',
      ),
    ).toBeInTheDocument();
  });

  it('lets a reviewer reject an active attestation with a reason', async () => {
    const attested = scorecard({
      checks: {
        'data.cost': {
          status: 'pass',
          points: 0.5,
          source: 'attested',
          attestation: attestation(),
        },
      },
    });
    const rejected = scorecard({
      checks: {
        'data.cost': {
          status: 'fail',
          points: 0,
          source: 'none',
          attestation: attestation({
            state: 'rejected',
            reviewReason: 'The linked page is empty',
          }),
        },
      },
    });
    const reviews: [string, CertificationAttestationReview][] = [];
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => (reviews.length ? rejected : attested),
        getModelScorecardHistory: async () => history,
        reviewCertificationAttestation: async (_model, id, review) => {
          reviews.push([id, review]);
          return attestation({ state: 'rejected' });
        },
      }),
    );
    const row = await checkRow("No feature's cost is too much");
    await userEvent.click(
      within(row).getByRole('button', {
        name: `Reject the attestation of "No feature's cost is too much"`,
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    expect(
      await within(dialog).findByText('Give a reason.'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'The linked page is empty',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reviews).toEqual([
      ['att-1', { decision: 'reject', reason: 'The linked page is empty' }],
    ]);
    const after = await checkRow("No feature's cost is too much");
    expect(
      await within(after).findByText(
        /rejected.*reason: The linked page is empty/,
      ),
    ).toBeInTheDocument();
  });

  it('disables attesting and says why when the user may not attest', async () => {
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () =>
          scorecard({
            checks: {
              'data.cost': {
                status: 'pass',
                points: 0.5,
                source: 'attested',
                attestation: attestation(),
              },
            },
          }),
        getModelScorecardHistory: async () => history,
      }),
      false,
    );
    expect(
      await screen.findByText(
        /^Only members of the owner team can attest checks/,
      ),
    ).toBeInTheDocument();
    const row = await checkRow('All features are beneficial');
    expect(within(row).getByRole('button', { name: /^Attest/ })).toBeDisabled();
    // Nor can they review.
    const attested = await checkRow("No feature's cost is too much");
    expect(
      within(attested).queryByRole('button', { name: /^Reject/ }),
    ).toBeNull();
  });

  it('lists the history, paged', async () => {
    const pagesAsked: (string | undefined)[] = [];
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => scorecard(),
        getModelScorecardHistory: async (_model, page) => {
          pagesAsked.push(page?.cursor);
          return page?.cursor
            ? {
                items: [
                  {
                    id: 'h2',
                    kind: 'attestation-added',
                    checkId: 'data.cost',
                    actor: 'user:default/alice',
                    at: '2026-11-01T00:00:00.000Z',
                  },
                ],
              }
            : {
                items: [
                  {
                    id: 'h1',
                    kind: 'level-changed',
                    from: 'none',
                    to: 'bronze',
                    at: '2026-11-02T00:00:00.000Z',
                  },
                ],
                nextCursor: 'c2',
              };
        },
      }),
    );
    expect(await screen.findByText('Level None → Bronze')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Next page of history entries' }),
    );
    expect(
      await screen.findByText("alice attested No feature's cost is too much"),
    ).toBeInTheDocument();
    expect(pagesAsked).toEqual([undefined, 'c2']);
  });

  it('offers a retry when the scorecard cannot be read', async () => {
    await render(
      fakeMlHomeApi({
        getModelScorecard: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect(
      await screen.findByText('Error: The scorecard could not be loaded'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
