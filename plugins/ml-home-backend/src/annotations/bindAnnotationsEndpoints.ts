import {
  DEFAULT_PAGE_SIZE,
  RouteContext,
  countedPageToWire,
  pageRequest,
} from '../router/RouteContext';
import { AnnotationsApi } from './annotationsAccess';
import { noteRevisionToWire, noteToWire } from './annotationsWire';

/** Notes (with revisions and optimistic concurrency) and tags on every kind of entity. */
export function bindAnnotationsEndpoints(
  { api, caller, audited }: RouteContext,
  service: AnnotationsApi,
) {
  api.get('/notes', async (req, res) => {
    const page = await service.listNotes(await caller(req), {
      project: req.query.project,
      entityType: req.query.entityType,
      entityId: req.query.entityId,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, noteToWire));
  });

  api.post('/notes', async (req, res) => {
    const who = await caller(req);
    const note = await audited(
      req,
      'note-create',
      { entityType: req.body.entityType, entityId: req.body.entityId },
      () =>
        service.createNote(
          who,
          { type: req.body.entityType, id: req.body.entityId },
          req.body.body,
        ),
    );
    res.status(201).json(noteToWire(note));
  });

  api.put('/notes/:noteId', async (req, res) => {
    const who = await caller(req);
    const note = await audited(
      req,
      'note-update',
      { noteId: req.params.noteId, revision: req.body.revision },
      () => service.updateNote(who, req.params.noteId, req.body),
    );
    res.json(noteToWire(note));
  });

  api.delete('/notes/:noteId', async (req, res) => {
    const who = await caller(req);
    await audited(
      req,
      'note-delete',
      { noteId: req.params.noteId, revision: req.query.revision },
      () => service.deleteNote(who, req.params.noteId, req.query.revision),
    );
    res.status(204).end();
  });

  api.get('/notes/:noteId/revisions', async (req, res) => {
    const items = await service.listNoteRevisions(
      await caller(req),
      req.params.noteId,
    );
    res.json({ items: items.map(noteRevisionToWire) });
  });

  api.get('/tags', async (req, res) => {
    const { entityType, entityId } = req.query;
    const tags = await service.getTags(await caller(req), {
      type: entityType,
      id: entityId,
    });
    res.json({ entityType, entityId, tags });
  });

  api.put('/tags', async (req, res) => {
    const who = await caller(req);
    const { entityType, entityId } = req.body;
    const tags = await audited(req, 'tags-set', { entityType, entityId }, () =>
      service.setTags(who, { type: entityType, id: entityId }, req.body.tags),
    );
    res.json({ entityType, entityId, tags });
  });

  api.get('/tag-counts', async (req, res) => {
    const items = await service.countTags(await caller(req), {
      project: req.query.project,
      entityType: req.query.entityType,
      q: req.query.q,
      limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
    });
    res.json({ items });
  });

  api.get('/tagged', async (req, res) => {
    const page = await service.listTagged(await caller(req), {
      tag: req.query.tag,
      project: req.query.project,
      entityType: req.query.entityType,
      ...pageRequest(req.query),
    });
    res.json(countedPageToWire(page, item => item));
  });
}
