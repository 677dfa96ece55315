import { screen } from '@testing-library/react';
import { EvaluationPage } from './EvaluationPage';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { renderPage } from '../common/__testUtils__/renderPage';
import { churnEvaluation, note } from './__testUtils__/evaluations';

// In a file of its own: the permission hook caches decisions for the whole module.

jest.setTimeout(60_000);

it('hides every edit control from users who may not update the project', async () => {
  const api = fakeMlHomeApi({
    getEvaluation: async () => churnEvaluation(),
    listNotes: async () => ({ items: [note()], totalCount: 1 }),
    getTags: async (entityType, entityId) => ({
      entityType,
      entityId,
      tags: ['reviewed'],
    }),
    countTags: async () => ({ items: [] }),
  });
  await renderPage(<EvaluationPage />, {
    path: '/evaluations/:evaluationId',
    url: '/ml-home/evaluations/eval-3',
    api,
    allow: false,
  });
  await screen.findByText('check the new tariff feature');
  await screen.findByText('reviewed');
  // Reading stays: the table, the notes and their history.
  expect(screen.getByTestId('slice-row-country=de')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'History' })).toBeInTheDocument();

  expect(
    screen.queryByRole('button', { name: 'Edit thresholds' }),
  ).not.toBeInTheDocument();
  expect(screen.queryByLabelText('New note')).not.toBeInTheDocument();
  expect(
    screen.queryByRole('button', { name: 'Edit' }),
  ).not.toBeInTheDocument();
  expect(
    screen.queryByRole('button', { name: 'Delete' }),
  ).not.toBeInTheDocument();
  expect(screen.queryByLabelText('Add a tag')).not.toBeInTheDocument();
  expect(screen.queryByTitle('Remove tag reviewed')).not.toBeInTheDocument();
});
