import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Note, NoteCreate } from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import { renderPage } from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';
import { AddNoteForm } from './AddNoteForm';

jest.setTimeout(60_000);

describe('AddNoteForm', () => {
  it('adds the note with Ctrl+Enter and empties the box', async () => {
    const requests: NoteCreate[] = [];
    const created: Note[] = [];
    const api = fakeMlHomeApi({
      createNote: async request => {
        requests.push(request);
        return note({ id: 'note-7', body: request.body, revision: 1 });
      },
    });
    await renderPage(
      <AddNoteForm
        entityType="run"
        entityId="run-1"
        onCreated={n => created.push(n)}
      />,
      { path: '/*', url: '/ml-home', api },
    );
    const box = screen.getByLabelText('New note');
    await userEvent.type(box, 'Retrain in March{Control>}{Enter}{/Control}');
    await waitFor(() => expect(created.map(n => n.id)).toEqual(['note-7']));
    expect(requests).toEqual([
      { entityType: 'run', entityId: 'run-1', body: 'Retrain in March' },
    ]);
    expect(box).toHaveValue('');
  });

  it('keeps the text and says why when the note was not added', async () => {
    const api = fakeMlHomeApi({
      createNote: async () => {
        throw new Error('backend down');
      },
    });
    await renderPage(
      <AddNoteForm entityType="run" entityId="run-1" onCreated={() => {}} />,
      { path: '/*', url: '/ml-home', api },
    );
    await userEvent.type(screen.getByLabelText('New note'), 'Keep me');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(
      await screen.findByText(/The note was not added: .*backend down/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('New note')).toHaveValue('Keep me');
  });
});
