import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import {
  renderPage,
  responseError,
} from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';
import { DeleteNoteDialog } from './DeleteNoteDialog';

jest.setTimeout(60_000);

describe('DeleteNoteDialog', () => {
  it('deletes the note at the revision it was read at, or keeps it', async () => {
    const deleted: [string, number][] = [];
    const events: string[] = [];
    const api = fakeMlHomeApi({
      deleteNote: async (id, revision) => {
        deleted.push([id, revision]);
      },
    });
    await renderPage(
      <DeleteNoteDialog
        note={note()}
        onClose={() => events.push('closed')}
        onDeleted={() => events.push('deleted')}
      />,
      { path: '/*', url: '/ml-home', api },
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete this note?' });
    expect(dialog).toHaveTextContent(
      "The note by alice disappears for everyone; its revisions stay in the project's history.",
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep it' }),
    );
    expect(events).toEqual(['closed']);
    expect(deleted).toEqual([]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete note' }),
    );
    await waitFor(() => expect(events).toEqual(['closed', 'deleted']));
    expect(deleted).toEqual([['note-1', 2]]);
  });

  it('deletes nothing when someone changed the note meanwhile, and says what to do', async () => {
    const events: string[] = [];
    const api = fakeMlHomeApi({
      deleteNote: async () => {
        throw await responseError(
          409,
          'ConflictError',
          'revision: the note is at revision 3, not 2',
        );
      },
    });
    await renderPage(
      <DeleteNoteDialog
        note={note()}
        onClose={() => events.push('closed')}
        onDeleted={() => events.push('deleted')}
      />,
      { path: '/*', url: '/ml-home', api },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete note' }));
    expect(
      await screen.findByText(
        'revision: the note is at revision 3, not 2. Close this dialog and read their version before deleting.',
      ),
    ).toBeInTheDocument();
    expect(events).toEqual([]);
    expect(screen.getByRole('button', { name: 'Delete note' })).toBeEnabled();
  });
});
