import {
  mlHomeProjectCreatePermission,
  mlHomeProjectDeletePermission,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finders } from '../authorization/finders';
import { ReferenceAuthorizer } from '../authorization/ReferenceAuthorizer';
import { ProjectsService } from './ProjectsService';

/** Who may do what with projects, and how each operation finds its project. */
export function projectsAccess(find: Finders, references: ReferenceAuthorizer) {
  return {
    listProjects: {
      readable: {
        items: [],
        totalCount: 0,
        facets: { owner: [], tag: [], lifecycle: [] },
      },
    },
    getProject: {
      permission: mlHomeProjectReadPermission,
      on: find.projectWithCounts,
    },
    createProject: {
      basic: mlHomeProjectCreatePermission,
      also: (caller, request) =>
        references.checkOwnerGroup(caller, 'owner', request.owner),
    },
    updateProject: {
      permission: mlHomeProjectUpdatePermission,
      on: find.project,
      also: async (caller, { project }, request) => {
        if (request.owner !== undefined) {
          await references.checkOwnerGroup(
            caller,
            'owner',
            request.owner,
            project.owner,
          );
        }
      },
    },
    deleteProject: {
      permission: mlHomeProjectDeletePermission,
      on: find.project,
    },
    restoreProject: {
      permission: mlHomeProjectDeletePermission,
      on: find.anyProject,
    },
    listEvents: { permission: mlHomeProjectReadPermission, on: find.project },
  } satisfies AccessTable<ProjectsService>;
}

/** What the project routes call. */
export type ProjectsApi = Authorized<
  ProjectsService,
  ReturnType<typeof projectsAccess>
>;
