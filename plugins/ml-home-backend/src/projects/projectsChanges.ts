import { ChangeTable, change } from '../changes/publishChanges';
import { ProjectsService } from './ProjectsService';

/** What project writes announce. */
export const projectsChanges: ChangeTable<ProjectsService> = {
  createProject: (_args, p) => [change('project', 'created', p.name, p.name)],
  updateProject: (_args, p) => [change('project', 'updated', p.name, p.name)],
  deleteProject: ([, { project }]) => [
    change('project', 'deleted', project.name, project.name),
  ],
  restoreProject: (_args, p) => [change('project', 'updated', p.name, p.name)],
};
