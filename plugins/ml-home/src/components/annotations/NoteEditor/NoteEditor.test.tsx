import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  MlHomeApi,
  Note,
  NoteUpdate,
} from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import {
  renderPage,
  responseError,
} from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';
import { NoteEditor } from './NoteEditor';

jest.setTimeout(60_000);

async function render(api: MlHomeApi) {
  const events = {
    saved: [] as Note[],
    theirs: [] as Note[],
    gone: [] as (Note | undefined)[],
    cancelled: 0,
  };
  await renderPage(
    <NoteEditor
      note={note()}
      onSaved={n => events.saved.push(n)}
      onTheirs={n => events.theirs.push(n)}
      onGone={n => events.gone.push(n)}
      onCancel={() => {
        events.cancelled += 1;
      }}
    />,
    { path: '/*', url: '/ml-home', api },
  );
  return events;
}

describe('NoteEditor', () => {
  it('saves the text against the revision it was read at', async () => {
    const updates: NoteUpdate[] = [];
    const events = await render(
      fakeMlHomeApi({
        updateNote: async (id, update) => {
          updates.push(update);
          return note({ id, body: update.body, revision: 3 });
        },
      }),
    );
    expect(screen.getByLabelText('Edit note')).toHaveValue(note().body);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(events.cancelled).toBe(1);
    fireEvent.change(screen.getByLabelText('Edit note'), {
      target: { value: 'Rewritten' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(events.saved.map(n => n.body)).toEqual(['Rewritten']),
    );
    expect(updates).toEqual([{ body: 'Rewritten', revision: 2 }]);
  });

  it("keeps the user's text on an edit conflict and lets them reload the other version", async () => {
    const updates: NoteUpdate[] = [];
    const conflict =
      'revision: the note is at revision 3, edited by user:default/bob at 2026-11-20T12:00:00.000Z, not 2; reload it and apply your change again';
    const events = await render(
      fakeMlHomeApi({
        updateNote: async (id, update) => {
          updates.push(update);
          if (update.revision === 2) {
            throw await responseError(409, 'ConflictError', conflict);
          }
          return note({
            id,
            body: update.body,
            revision: update.revision + 1,
            updatedBy: 'user:default/alice',
          });
        },
        listNoteRevisions: async () => ({
          items: [
            {
              revision: 1,
              body: 'first',
              action: 'create',
              editedBy: 'user:default/alice',
              editedAt: '2026-11-20T10:00:00.000Z',
            },
            {
              revision: 3,
              body: 'Bob: _it is the holiday week_',
              action: 'edit',
              editedBy: 'user:default/bob',
              editedAt: '2026-11-20T12:00:00.000Z',
            },
            {
              revision: 2,
              body: note().body,
              action: 'edit',
              editedBy: 'user:default/alice',
              editedAt: '2026-11-20T11:00:00.000Z',
            },
          ],
        }),
      }),
    );
    fireEvent.change(screen.getByLabelText('Edit note'), {
      target: { value: 'My careful rewrite' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(new RegExp(conflict))).toBeInTheDocument();
    expect(screen.getByLabelText('Edit note')).toHaveValue(
      'My careful rewrite',
    );
    // Saving again blindly is not offered: the user must look at the other version first.
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Reload their version' }),
    );
    expect(
      await screen.findByText('it is the holiday week'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Their version: revision 3 by bob/),
    ).toBeInTheDocument();
    expect(events.theirs).toEqual([
      expect.objectContaining({
        body: 'Bob: _it is the holiday week_',
        revision: 3,
        updatedBy: 'user:default/bob',
      }),
    ]);
    expect(screen.getByLabelText('Your text (not saved yet)')).toHaveValue(
      'My careful rewrite',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Save my text on top of theirs' }),
    );
    await waitFor(() =>
      expect(events.saved.map(n => n.body)).toEqual(['My careful rewrite']),
    );
    expect(updates).toEqual([
      { body: 'My careful rewrite', revision: 2 },
      { body: 'My careful rewrite', revision: 3 },
    ]);
  });

  it('offers to save the text as a new note when the note was deleted meanwhile', async () => {
    const events = await render(
      fakeMlHomeApi({
        updateNote: async () => {
          throw await responseError(409, 'ConflictError', 'revision: gone');
        },
        listNoteRevisions: async () => ({
          items: [
            {
              revision: 3,
              body: '',
              action: 'delete',
              editedBy: 'user:default/bob',
              editedAt: '2026-11-20T12:00:00.000Z',
            },
          ],
        }),
        createNote: async request =>
          note({ id: 'note-9', body: request.body, revision: 1 }),
      }),
    );
    fireEvent.change(screen.getByLabelText('Edit note'), {
      target: { value: 'Keep this' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reload their version' }),
    );
    await screen.findByText(/bob deleted this note/);
    expect(screen.getByLabelText('Edit note')).toHaveValue('Keep this');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Save as a new note' }),
    );
    await waitFor(() =>
      expect(events.gone).toEqual([
        expect.objectContaining({ id: 'note-9', body: 'Keep this' }),
      ]),
    );
  });
});
