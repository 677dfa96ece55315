import express from 'express';
import { ProjectListQuery } from '../domain/types';
import { RouteContext, pageRequest, pageToWire } from '../router/RouteContext';
import { ProjectsApi } from './projectsAccess';
import { eventToWire, projectToWire } from './projectsWire';

const DEFAULT_ORDER: Record<ProjectListQuery['orderBy'], 'asc' | 'desc'> = {
  name: 'asc',
  title: 'asc',
  createdAt: 'desc',
  updatedAt: 'desc',
  lastActivityAt: 'desc',
};

/** Projects: list with facets, create, read, update, delete and restore, and their activity. */
export function bindProjectsEndpoints(
  { api, caller, audited }: RouteContext,
  projects: ProjectsApi,
) {
  api.get('/projects', async (req, res) => {
    const q = req.query;
    const orderBy = q.orderBy ?? 'name';
    const result = await projects.listProjects(await caller(req), {
      q: q.q,
      owners: q.owner,
      tags: q.tag,
      lifecycles: q.lifecycle,
      levels: q.level,
      orderBy,
      order: q.order ?? DEFAULT_ORDER[orderBy],
      deleted: q.deleted ?? false,
      ...pageRequest(q),
    });
    res.json({
      items: result.items.map(projectToWire),
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      totalCount: result.totalCount,
      facets: result.facets,
    });
  });

  api.post('/projects', async (req, res) => {
    const who = await caller(req);
    const project = await audited(
      req,
      'project-create',
      { project: req.body.name },
      () => projects.createProject(who, req.body),
    );
    res.status(201).json(projectToWire(project));
  });

  api.get('/projects/:projectName', async (req, res) => {
    res.json(
      projectToWire(
        await projects.getProject(await caller(req), req.params.projectName),
      ),
    );
  });

  // PATCH is not among the typed router's methods; the spec still validates it.
  (api as unknown as express.Router).patch(
    '/projects/:projectName',
    async (req, res) => {
      const who = await caller(req);
      const project = await audited(
        req,
        'project-update',
        { project: req.params.projectName },
        () => projects.updateProject(who, req.params.projectName, req.body),
      );
      res.json(projectToWire(project));
    },
  );

  api.delete('/projects/:projectName', async (req, res) => {
    const who = await caller(req);
    await audited(
      req,
      'project-delete',
      { project: req.params.projectName },
      () => projects.deleteProject(who, req.params.projectName),
    );
    res.status(204).end();
  });

  api.post('/projects/:projectName/restore', async (req, res) => {
    const who = await caller(req);
    const project = await audited(
      req,
      'project-restore',
      { project: req.params.projectName },
      () => projects.restoreProject(who, req.params.projectName),
    );
    res.json(projectToWire(project));
  });

  api.get('/projects/:projectName/events', async (req, res) => {
    const page = await projects.listEvents(
      await caller(req),
      req.params.projectName,
      pageRequest(req.query),
    );
    res.json(pageToWire(page, eventToWire));
  });
}
