import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import { renderPage } from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';
import { NoteHistoryDialog } from './NoteHistoryDialog';

jest.setTimeout(60_000);

describe('NoteHistoryDialog', () => {
  it('shows the revisions newest first, each rendered, the deleted one without a body', async () => {
    const asked: string[] = [];
    const api = fakeMlHomeApi({
      listNoteRevisions: async id => {
        asked.push(id);
        return {
          items: [
            {
              revision: 1,
              body: 'The *first* take',
              action: 'create',
              editedBy: 'user:default/alice',
              editedAt: '2026-11-20T10:00:00.000Z',
            },
            {
              revision: 3,
              body: '',
              action: 'delete',
              editedBy: 'user:default/bob',
              editedAt: '2026-11-20T12:00:00.000Z',
            },
            {
              revision: 2,
              body: note().body,
              action: 'edit',
              editedBy: 'user:default/carol',
              editedAt: '2026-11-20T11:00:00.000Z',
            },
          ],
        };
      },
    });
    const closed: true[] = [];
    await renderPage(
      <NoteHistoryDialog note={note()} onClose={() => closed.push(true)} />,
      { path: '/*', url: '/ml-home', api },
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Revision history',
    });
    expect(await within(dialog).findByText('first')).toBeInTheDocument();
    expect(within(dialog).getByText('first').tagName).toBe('EM');
    const headings = within(dialog).getAllByRole('heading', { level: 3 });
    expect(headings.map(h => h.textContent)).toEqual([
      expect.stringMatching(/^Revision 3: deleted by bob/),
      expect.stringMatching(/^Revision 2: edited by carol/),
      expect.stringMatching(/^Revision 1: written by alice/),
    ]);
    expect(asked).toEqual(['note-1']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(closed).toEqual([true]);
  });

  it('offers a retry when the history cannot be loaded', async () => {
    let calls = 0;
    const api = fakeMlHomeApi({
      listNoteRevisions: async () => {
        calls += 1;
        if (calls === 1) throw new Error('backend down');
        return { items: [] };
      },
    });
    await renderPage(<NoteHistoryDialog note={note()} onClose={() => {}} />, {
      path: '/*',
      url: '/ml-home',
      api,
    });
    await screen.findByText(/The history could not be loaded/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('list', { name: 'Revisions, newest first' }),
    ).toBeInTheDocument();
  });
});
