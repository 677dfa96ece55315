import { InputError, NotFoundError } from '@backstage/errors';
import {
  CompareRequest,
  ComparisonItem,
  DEFAULT_MAX_COMPARED_ITEMS,
} from '@ml-home/plugin-ml-home-common';
import { Finder, Finders } from '../authorization/finders';
import { Stores } from '../database/UnitOfWork';
import { Project } from '../domain/types';

/** What a comparison names: runs and model versions. */
export type ComparedAddress = Pick<CompareRequest, 'runs' | 'modelVersions'>;

/** The items of a comparison, found, with the projects whose read rights it needs. */
export interface ComparedItems {
  runIds: string[];
  /** The model versions, as the comparison labels them. */
  versions: ComparisonItem[];
  /** Every project an item comes from, runs' first. */
  projects: Project[];
}

/**
 * Finds the runs and model versions a comparison names: at least one and at most
 * {@link DEFAULT_MAX_COMPARED_ITEMS} (400s), each existing (404s naming the item).
 */
export function findComparedItems(
  find: Finders,
  stores: Pick<Stores, 'runs' | 'models'>,
): Finder<ComparedAddress, ComparedItems> {
  return {
    async find(request) {
      const runIds = request.runs ?? [];
      const versionRefs = request.modelVersions ?? [];
      const total = runIds.length + versionRefs.length;
      if (total === 0) {
        throw new InputError(
          'runs or modelVersions: pick at least one run or model version to compare',
        );
      }
      if (total > DEFAULT_MAX_COMPARED_ITEMS) {
        throw new InputError(
          `runs and modelVersions: ${total} items; the limit is ${DEFAULT_MAX_COMPARED_ITEMS} per comparison`,
        );
      }
      const versions: ComparisonItem[] = [];
      const versionProjects: Project[] = [];
      for (const [i, ref] of versionRefs.entries()) {
        const { model, project } = await find.model.find(ref.model);
        const version = await stores.models.getVersion(model, ref.version);
        if (!version) {
          throw new NotFoundError(
            `modelVersions[${i}]: model '${ref.model}' has no version ${ref.version}`,
          );
        }
        versions.push({
          id: `${model.name}/${version.version}`,
          kind: 'model-version',
          label: `${model.name} v${version.version}${version.aliases.length ? ` (${version.aliases.join(', ')})` : ''}`,
          project: project.name,
          runId: version.runId,
        });
        versionProjects.push(project);
      }
      const runProjects = await stores.runs.getRunProjects(runIds);
      const projects: Project[] = [];
      for (const [i, id] of runIds.entries()) {
        const name = runProjects.get(id);
        if (name === undefined) {
          throw new NotFoundError(`runs[${i}]: no run with id '${id}'`);
        }
        if (!projects.some(p => p.name === name)) {
          projects.push((await find.anyProject.find(name)).project);
        }
      }
      return { runIds, versions, projects: [...projects, ...versionProjects] };
    },
    projectsOf: ({ projects }) => projects,
  };
}
