import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ListNotesQuery,
  MlHomeApi,
  NoteUpdate,
} from '@ml-home/plugin-ml-home-common';
import { NotesPanel, type NotesPanelProps } from './NotesPanel';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import { renderPage } from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';

jest.setTimeout(60_000);

const ENTITY: NotesPanelProps = {
  entityType: 'evaluation',
  entityId: 'eval-3',
  projectName: 'churn',
};

function render(api: MlHomeApi, props: NotesPanelProps = ENTITY) {
  return renderPage(<NotesPanel {...props} />, {
    path: '/*',
    url: '/ml-home',
    api,
  });
}

const noteItem = (name: RegExp | string) =>
  screen.getByRole('listitem', { name });

describe('NotesPanel', () => {
  it("lists an entity's notes as markdown", async () => {
    const queries: ListNotesQuery[] = [];
    const api = fakeMlHomeApi({
      listNotes: async query => {
        queries.push(query);
        return { items: [note()], totalCount: 1 };
      },
    });
    await render(api);
    const bold = await screen.findByText('check the new tariff feature');
    expect(bold.tagName).toBe('STRONG');
    expect(queries[0]).toMatchObject({
      entityType: 'evaluation',
      entityId: 'eval-3',
    });
    expect(noteItem('Note by alice')).toHaveTextContent(/revision 2/);
  });

  it('adds a note on top of the list', async () => {
    const created: unknown[] = [];
    const api = fakeMlHomeApi({
      listNotes: async () => ({ items: [note()], totalCount: 1 }),
      createNote: async request => {
        created.push(request);
        return note({
          id: 'note-2',
          body: request.body,
          revision: 1,
          createdBy: 'user:default/bob',
          updatedBy: 'user:default/bob',
        });
      },
    });
    await render(api);
    await screen.findByText('check the new tariff feature');
    expect(screen.getByRole('button', { name: 'Add note' })).toBeDisabled();
    await userEvent.type(
      screen.getByLabelText('New note'),
      'Retrain with *March* data',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('March')).toBeInTheDocument();
    expect(created).toEqual([
      {
        entityType: 'evaluation',
        entityId: 'eval-3',
        body: 'Retrain with *March* data',
      },
    ]);
    const items = within(
      screen.getByRole('list', { name: 'Notes' }),
    ).getAllByRole('listitem');
    expect(items[0]).toHaveAccessibleName('Note by bob');
    expect(screen.getByLabelText('New note')).toHaveValue('');
  });

  it('edits a note in place', async () => {
    const updates: NoteUpdate[] = [];
    const api = fakeMlHomeApi({
      listNotes: async () => ({ items: [note()], totalCount: 1 }),
      updateNote: async (id, update) => {
        updates.push(update);
        return note({ id, body: update.body, revision: update.revision + 1 });
      },
    });
    await render(api);
    await screen.findByText('check the new tariff feature');
    await userEvent.click(
      within(noteItem('Note by alice')).getByRole('button', { name: 'Edit' }),
    );
    fireEvent.change(screen.getByLabelText('Edit note'), {
      target: { value: 'My *careful* rewrite' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('careful')).toBeInTheDocument();
    expect(screen.queryByLabelText('Edit note')).not.toBeInTheDocument();
    expect(noteItem('Note by alice')).toHaveTextContent(/revision 3/);
    expect(updates).toEqual([{ body: 'My *careful* rewrite', revision: 2 }]);
  });

  it('deletes a note only after confirmation', async () => {
    const deleted: [string, number][] = [];
    const api = fakeMlHomeApi({
      listNotes: async () => ({ items: [note()], totalCount: 1 }),
      deleteNote: async (id, revision) => {
        deleted.push([id, revision]);
      },
    });
    await render(api);
    await screen.findByText('check the new tariff feature');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this note?' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep it' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(deleted).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete note',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByText('check the new tariff feature'),
      ).not.toBeInTheDocument(),
    );
    expect(deleted).toEqual([['note-1', 2]]);
    expect(screen.getByText(/No notes yet/)).toBeInTheDocument();
  });

  it("lists a project's notes with the entity each is on, pages on demand", async () => {
    const queries: ListNotesQuery[] = [];
    const api = fakeMlHomeApi({
      listNotes: async query => {
        queries.push(query);
        return query.cursor
          ? {
              items: [
                note({
                  id: 'note-3',
                  entityType: 'run',
                  entityLabel: 'lucky-otter',
                  body: 'Older',
                }),
              ],
              totalCount: 2,
            }
          : { items: [note()], totalCount: 2, nextCursor: 'c2' };
      },
    });
    await render(api, { project: 'churn' });
    await screen.findByText('check the new tariff feature');
    expect(
      screen.getByRole('heading', {
        name: 'On evaluation churn-model v3 · holdout',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('New note')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show older notes' }),
    );
    await screen.findByText('Older');
    expect(
      screen.getByRole('heading', { name: 'On run lucky-otter' }),
    ).toBeInTheDocument();
    expect(queries).toEqual([
      { project: 'churn', limit: 20, cursor: undefined },
      { project: 'churn', limit: 20, cursor: 'c2' },
    ]);
  });

  it('offers a retry when notes cannot be loaded', async () => {
    let calls = 0;
    const api = fakeMlHomeApi({
      listNotes: async () => {
        calls += 1;
        if (calls === 1) throw new Error('backend down');
        return { items: [note()], totalCount: 1 };
      },
    });
    await render(api);
    await screen.findByText(/The notes could not be loaded/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('check the new tariff feature'),
    ).toBeInTheDocument();
  });
});
