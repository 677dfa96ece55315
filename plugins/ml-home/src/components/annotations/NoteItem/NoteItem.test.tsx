import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Note } from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../../testUtils/fakeMlHomeApi';
import { renderPage } from '../../common/__testUtils__/renderPage';
import { note } from '../../EvaluationPage/__testUtils__/evaluations';
import { NoteItem } from './NoteItem';

jest.setTimeout(60_000);

function render(n: Note, props: { canEdit: boolean; showEntity: boolean }) {
  return renderPage(
    <ul>
      <NoteItem note={n} {...props} onChange={() => {}} onRemoved={() => {}} />
    </ul>,
    { path: '/*', url: '/ml-home', api: fakeMlHomeApi({}) },
  );
}

describe('NoteItem', () => {
  it('is headed by its author, says who edited it last, and offers edit and delete to editors', async () => {
    await render(note({ updatedBy: 'user:default/carol' }), {
      canEdit: true,
      showEntity: false,
    });
    const item = screen.getByRole('listitem', { name: 'Note by alice' });
    expect(item).toHaveTextContent(/edited by carol .* \(revision 2\)/);
    expect(
      within(item).getByRole('button', { name: 'History' }),
    ).toHaveAccessibleDescription('Note by alice');
    await userEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Edit note')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(
      screen.getByRole('dialog', { name: 'Delete this note?' }),
    ).toBeInTheDocument();
  });

  it('is headed by the entity it is on in a project list, read-only without rights', async () => {
    await render(note({ revision: 1 }), { canEdit: false, showEntity: true });
    const item = screen.getByRole('listitem', {
      name: 'On evaluation churn-model v3 · holdout',
    });
    expect(item).toHaveTextContent(/by alice, /);
    expect(item).not.toHaveTextContent(/edited by/);
    expect(
      within(item).getByRole('button', { name: 'History' }),
    ).toBeInTheDocument();
    expect(
      within(item).queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      within(item).queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('keeps its heading id to itself when the same note is listed twice, as on the Notes tab', async () => {
    const n = note({ revision: 1 });
    await renderPage(
      <>
        <ul aria-label="Notes on the project">
          <NoteItem
            note={n}
            canEdit={false}
            showEntity={false}
            onChange={() => {}}
            onRemoved={() => {}}
          />
        </ul>
        <ul aria-label="Every note in the project">
          <NoteItem
            note={n}
            canEdit={false}
            showEntity
            onChange={() => {}}
            onRemoved={() => {}}
          />
        </ul>
      </>,
      { path: '/*', url: '/ml-home', api: fakeMlHomeApi({}) },
    );
    expect(
      within(
        screen.getByRole('list', { name: 'Notes on the project' }),
      ).getByRole('listitem', { name: 'Note by alice' }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Every note in the project' }),
      ).getByRole('listitem', {
        name: 'On evaluation churn-model v3 · holdout',
      }),
    ).toBeInTheDocument();
    const ids = Array.from(document.querySelectorAll('[id]'), e => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
