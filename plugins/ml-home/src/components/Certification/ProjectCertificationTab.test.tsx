import { screen, waitFor, within } from '@testing-library/react';
import type { Model, Project } from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { ProjectCertificationTab } from './ProjectCertificationTab';
import { allPassingExcept, scorecard } from './__testUtils__/scorecards';

jest.setTimeout(90_000);

const project = { name: 'churn', owner: 'group:default/growth' } as Project;

function model(name: string, level?: string): Model {
  return {
    id: name,
    name,
    project: 'churn',
    owner: 'group:default/growth',
    description: '',
    versionCount: 1,
    latestVersion: 1,
    aliases: [],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    createdBy: 'user:default/alice',
    ...(level ? { certificationLevel: level } : {}),
  } as Model;
}

describe('ProjectCertificationTab', () => {
  it("lists the project's models with level, score, certified version and failing checks", async () => {
    await renderPage(<ProjectCertificationTab project={project} />, {
      path: '/projects/:projectName/*',
      url: '/ml-home/projects/churn/certification',
      api: fakeMlHomeApi({
        listModels: async () => ({
          items: [model('churn-model', 'gold'), model('churn-draft')],
          totalCount: 2,
        }),
        getModelScorecard: async name => {
          if (name === 'churn-draft') throw new Error('not evaluated');
          return scorecard({
            model: name,
            level: 'gold',
            checks: allPassingExcept(['data.cost', 'model.inclusion']),
          });
        },
      }),
    });
    const link = await screen.findByRole('link', { name: 'churn-model' });
    expect(link).toHaveAttribute(
      'href',
      '/ml-home/models/churn-model/certification',
    );
    const row = link.closest('tr')!;
    expect(await within(row).findByText('6')).toBeInTheDocument();
    expect(within(row).getByText('v3')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(
      within(row).getByTestId('certification-level-badge'),
    ).toHaveTextContent('Gold');
    const draft = screen
      .getByRole('link', { name: 'churn-draft' })
      .closest('tr')!;
    expect(within(draft).getByText('unavailable')).toBeInTheDocument();
    expect(
      within(draft).getByTestId('certification-level-badge'),
    ).toHaveTextContent('Not evaluated');
  });

  it('says how to get a model certified when the project has none', async () => {
    await renderPage(<ProjectCertificationTab project={project} />, {
      path: '/projects/:projectName/*',
      url: '/ml-home/projects/churn/certification',
      api: fakeMlHomeApi({
        listModels: async () => ({ items: [], totalCount: 0 }),
      }),
    });
    // The table re-renders once the (empty) scorecards arrive.
    await waitFor(() =>
      expect(screen.getByText('No model to certify yet')).toBeInTheDocument(),
    );
  });
});
