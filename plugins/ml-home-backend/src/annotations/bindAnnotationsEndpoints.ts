import { AnnotationsService } from './AnnotationsService';
import { RouteContext, countedPageToWire } from '../router/RouteContext';
import { noteRevisionToWire, noteToWire } from './wire';

/** Notes (with revisions and optimistic concurrency) and tags on any entity. */
export function bindAnnotationsEndpoints(
  { api, caller, audited }: RouteContext,
  service: AnnotationsService,
) {
  api.get('/notes', async (req, res) => {
    const page = await service.listNotes(await caller(req), {
      project: req.query.project,
      entityType: req.query.entityType,
      entityId: req.query.entityId,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    res.json(countedPageToWire(page, noteToWire));
  });

  api.post('/notes', async (req, res) => {
    const who = await caller(req);
    const note = await audited(
      req,
      'note-create',
      { entityType: req.body.entityType, entityId: req.body.entityId },
      () => service.createNote(who, req.body),
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
    const tags = await service.getTags(await caller(req), entityType, entityId);
    res.json({ entityType, entityId, tags });
  });

  api.put('/tags', async (req, res) => {
    const who = await caller(req);
    const { entityType, entityId } = req.body;
    const tags = await audited(req, 'tags-set', { entityType, entityId }, () =>
      service.setTags(who, req.body),
    );
    res.json({ entityType, entityId, tags });
  });

  api.get('/tag-counts', async (req, res) => {
    const items = await service.countTags(await caller(req), {
      project: req.query.project,
      entityType: req.query.entityType,
      q: req.query.q,
      limit: req.query.limit ?? 50,
    });
    res.json({ items });
  });

  api.get('/tagged', async (req, res) => {
    const page = await service.listTagged(await caller(req), {
      tag: req.query.tag,
      project: req.query.project,
      entityType: req.query.entityType,
      limit: req.query.limit ?? 50,
      cursor: req.query.cursor,
    });
    res.json(countedPageToWire(page, item => item));
  });
}
