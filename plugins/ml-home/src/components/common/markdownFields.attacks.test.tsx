import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MlHomeApi, Project } from '@ml-home/plugin-ml-home-common';
import { fakeMlHomeApi } from '../../testUtils/fakeMlHomeApi';
import { NotesPanel } from '../annotations';
import { EvaluationPage } from '../EvaluationPage';
import {
  churnEvaluation,
  note,
} from '../EvaluationPage/__testUtils__/evaluations';
import { ModelCardView } from '../ModelPage/ModelCardView';
import { ProjectPage } from '../ProjectPage';
import { groupEntity, renderPage } from './__testUtils__/renderPage';
import {
  HOSTILE_MARKDOWN,
  expectNoActiveContent,
  expectOutcome,
  type HostileMarkdown,
} from './__testUtils__/hostileMarkdown';

/*
 * The attack suite for stored markdown: every field a user writes as markdown, rendered by the
 * component that shows it, with texts meant to run script or to break the page for every viewer.
 * The page must stay up, nothing active may reach the DOM, and text the renderer cannot take is
 * shown as plain text.
 */

jest.setTimeout(120_000);

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

/** Waits for the lazily loaded renderer's output, or for the plain-text fallback, in `root`. */
async function settled(root: HTMLElement, payload: HostileMarkdown) {
  await waitFor(() => {
    expect(
      root.querySelector('[class*="BackstageMarkdownContent"], pre'),
    ).not.toBeNull();
  });
  if (payload.text) {
    await waitFor(() => expect(root).toHaveTextContent(payload.text!));
  }
}

let alert: jest.SpyInstance;
beforeEach(() => {
  alert = jest.spyOn(window, 'alert').mockImplementation(() => {});
});
afterEach(() => alert.mockRestore());

function checked(payload: HostileMarkdown, root: HTMLElement) {
  expectOutcome(payload, root);
  expectNoActiveContent();
  expect(alert).not.toHaveBeenCalled();
}

describe('stored markdown cannot attack or break the page', () => {
  describe('project description (project overview)', () => {
    it.each(HOSTILE_MARKDOWN)('$name', async payload => {
      const api = fakeMlHomeApi({
        getProject: async () => ({ ...PROJECT, description: payload.content }),
        listModels: async () => ({ items: [], totalCount: 0 }),
        listProjectEvents: async () => ({ items: [] }),
      });
      await renderPage(<ProjectPage />, {
        path: '/projects/:projectName/*',
        url: '/ml-home/projects/churn',
        api,
        catalogEntities: [groupEntity('growth', ['alice'], 'Growth')],
      });
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: 'Churn prediction',
        }),
      ).toBeInTheDocument();
      const about = screen
        .getByText('About')
        .closest<HTMLElement>('[class*="MuiCard-root"]')!;
      await settled(about, payload);
      checked(payload, about);
      // The rest of the page is there too.
      expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
      expect(
        await screen.findByText('Related services and systems'),
      ).toBeInTheDocument();
    });
  });

  describe('model card', () => {
    it.each(HOSTILE_MARKDOWN)('$name', async payload => {
      await renderInTestApp(
        <ModelCardView
          version={3}
          card={{ intendedUse: payload.content, metrics: 'AUC **0.91**' }}
        />,
      );
      const section = screen
        .getByRole('heading', { name: 'Intended use' })
        .closest<HTMLElement>('section')!;
      await settled(section, payload);
      checked(payload, section);
      // A hostile section leaves the others formatted.
      expect((await screen.findByText('0.91')).tagName).toBe('STRONG');
    });
  });

  describe('evaluation description', () => {
    it.each(HOSTILE_MARKDOWN)('$name', async payload => {
      const api = fakeMlHomeApi({
        getEvaluation: async () => ({
          ...churnEvaluation(),
          description: payload.content,
        }),
        listNotes: async () => ({ items: [], totalCount: 0 }),
        getTags: async (entityType, entityId) => ({
          entityType,
          entityId,
          tags: [],
        }),
        countTags: async () => ({ items: [] }),
      });
      await renderPage(<EvaluationPage />, {
        path: '/evaluations/:evaluationId',
        url: '/ml-home/evaluations/eval-3',
        api,
      });
      expect(
        await screen.findByText('churn-model v3 · holdout'),
      ).toBeInTheDocument();
      const header = screen
        .getByText('Model version')
        .closest<HTMLElement>('[class*="MuiPaper-root"]')!;
      await settled(header, payload);
      checked(payload, header);
      expect(screen.getByTestId('slice-row-country=de')).toBeInTheDocument();
    });
  });

  describe('notes', () => {
    const notes = HOSTILE_MARKDOWN.map((payload, i) =>
      note({
        id: `note-${i}`,
        body: payload.content,
        createdBy: `user:default/writer-${i}`,
        updatedBy: `user:default/writer-${i}`,
      }),
    );

    function api(overrides: Partial<MlHomeApi> = {}) {
      return fakeMlHomeApi({
        listNotes: async () => ({ items: notes, totalCount: notes.length }),
        ...overrides,
      });
    }

    it('shows every note, each hostile one on its own, in one list', async () => {
      await renderPage(
        <NotesPanel
          entityType="evaluation"
          entityId="eval-3"
          projectName="churn"
        />,
        { path: '/*', url: '/ml-home', api: api() },
      );
      const list = await screen.findByRole('list', { name: 'Notes' });
      expect(within(list).getAllByRole('listitem')).toHaveLength(
        HOSTILE_MARKDOWN.length,
      );
      for (const [i, payload] of HOSTILE_MARKDOWN.entries()) {
        const item = await screen.findByRole('listitem', {
          name: `Note by writer-${i}`,
        });
        await settled(item, payload);
        expectOutcome(payload, item);
      }
      expectNoActiveContent();
      expect(alert).not.toHaveBeenCalled();
    });

    it('shows hostile revisions in the history', async () => {
      await renderPage(
        <NotesPanel
          entityType="evaluation"
          entityId="eval-3"
          projectName="churn"
        />,
        {
          path: '/*',
          url: '/ml-home',
          api: api({
            listNotes: async () => ({ items: [note()], totalCount: 1 }),
            listNoteRevisions: async () => ({
              items: HOSTILE_MARKDOWN.map((payload, i) => ({
                revision: i + 1,
                body: payload.content,
                action: i ? 'edit' : 'create',
                editedBy: 'user:default/mallory',
                editedAt: '2026-11-20T10:00:00.000Z',
              })),
            }),
          }),
        },
      );
      await screen.findByText('check the new tariff feature');
      await userEvent.click(screen.getByRole('button', { name: 'History' }));
      const dialog = await screen.findByRole('dialog', {
        name: 'Revision history',
      });
      const revisions = await within(dialog).findAllByRole('listitem');
      expect(revisions).toHaveLength(HOSTILE_MARKDOWN.length);
      for (const [i, payload] of HOSTILE_MARKDOWN.entries()) {
        const item = within(dialog)
          .getByRole('heading', { name: new RegExp(`^Revision ${i + 1}:`) })
          .closest<HTMLElement>('li')!;
        await settled(item, payload);
        expectOutcome(payload, item);
      }
      expectNoActiveContent();
      expect(alert).not.toHaveBeenCalled();
    });
  });
});
