import { InputError } from '@backstage/errors';
import { Stores } from '../database/UnitOfWork';
import {
  DeploymentScope,
  EntityScope,
  EvaluationScope,
  EvaluationsScope,
  ModelScope,
  NoteScope,
  ProjectScope,
  RunScope,
  RunsScope,
} from '../domain/scopes';
import { AnnotatedEntityType, Project } from '../domain/types';
import {
  noSuchDeployment,
  noSuchEntity,
  noSuchEvaluation,
  noSuchModel,
  noSuchNote,
  noSuchProject,
  noSuchRun,
} from '../domain/notFound';

/** What a permission is decided on: a project's name and owner. */
export interface ProjectRef {
  name: string;
  owner: string;
}

/**
 * How one kind of resource is found from what a route names (its address), and which projects
 * decide who may touch it. An address that names nothing is a 404 (or, for lists named in a body,
 * a 400 naming the field), said here once for every route.
 */
export interface Finder<TAddress, TScope> {
  find(address: TAddress): Promise<TScope>;
  projectsOf(scope: TScope): ProjectRef[];
}

/** An entity that notes and tags attach to, as routes name it. */
export interface EntityAddress {
  type: AnnotatedEntityType;
  id: string;
}

/** Every way a route's resource is found. */
export interface Finders {
  /**
   * A live project by name, without its activity counts and certification level: what deciding
   * on it and writing into it need.
   */
  project: Finder<string, ProjectScope>;
  /** A live project by name with its counts and level, as the project's own page shows it. */
  projectWithCounts: Finder<string, ProjectScope>;
  /** A project by name, deleted ones included (restoring one). */
  anyProject: Finder<string, ProjectScope>;
  run: Finder<string, RunScope>;
  /** Runs named in a body (`runIds`); an unknown one is a 400 naming its index. */
  runs: Finder<string[], RunsScope>;
  model: Finder<string, ModelScope>;
  deployment: Finder<string, DeploymentScope>;
  evaluation: Finder<string, EvaluationScope>;
  /** Evaluations named in a body (`evaluations`); an unknown one is a 400 naming its index. */
  evaluations: Finder<string[], EvaluationsScope>;
  note: Finder<string, NoteScope>;
  entity: Finder<EntityAddress, EntityScope>;
}

const own = ({ project }: { project: Project }) => [project];

/** The finders over the stores. */
export function createFinders(stores: Stores): Finders {
  const projectNamed = async (
    name: string,
    options?: { includeDeleted?: boolean; counts?: boolean },
  ): Promise<Project> => {
    const project = await stores.projects.getProject(name, options);
    if (!project) {
      throw noSuchProject(name);
    }
    return project;
  };
  // Things inside a project are found whether or not their project is deleted; whether a deleted
  // project's things may be read is the permission's to say. Their routes never show the
  // project's counts, so they are not read.
  const projectOf = (name: string) =>
    projectNamed(name, { includeDeleted: true, counts: false });
  const projectsNamed = async (names: string[]) => {
    const byName = new Map<string, Project>();
    for (const name of names) {
      if (!byName.has(name)) byName.set(name, await projectOf(name));
    }
    return byName;
  };

  return {
    project: {
      find: async name => ({
        project: await projectNamed(name, { counts: false }),
      }),
      projectsOf: own,
    },
    projectWithCounts: {
      find: async name => ({ project: await projectNamed(name) }),
      projectsOf: own,
    },
    anyProject: {
      find: async name => ({
        project: await projectNamed(name, { includeDeleted: true }),
      }),
      projectsOf: own,
    },
    run: {
      async find(runId) {
        const name = (await stores.runs.getRunProjects([runId])).get(runId);
        if (name === undefined) {
          throw noSuchRun(runId);
        }
        return { runId, project: await projectOf(name) };
      },
      projectsOf: own,
    },
    runs: {
      async find(runIds) {
        const names = await stores.runs.getRunProjects(runIds);
        runIds.forEach((id, i) => {
          if (!names.has(id)) {
            throw new InputError(`runIds[${i}]: no run with id '${id}'`);
          }
        });
        const byName = await projectsNamed(runIds.map(id => names.get(id)!));
        return {
          runIds,
          projects: new Map(
            runIds.map(id => [id, byName.get(names.get(id)!)!]),
          ),
        };
      },
      projectsOf: ({ projects }) => [...projects.values()],
    },
    model: {
      async find(name) {
        const model = await stores.models.getModel(name);
        if (!model) {
          throw noSuchModel(name);
        }
        return { model, project: await projectOf(model.project) };
      },
      projectsOf: own,
    },
    deployment: {
      async find(id) {
        const deployment = await stores.deployments.getDeployment(id);
        if (!deployment) {
          throw noSuchDeployment(id);
        }
        return { deployment, project: await projectOf(deployment.project) };
      },
      projectsOf: own,
    },
    evaluation: {
      async find(id) {
        const evaluation = await stores.evaluations.getEvaluation(id);
        if (!evaluation) {
          throw noSuchEvaluation(id);
        }
        return { evaluation, project: await projectOf(evaluation.project) };
      },
      projectsOf: own,
    },
    evaluations: {
      async find(ids) {
        const evaluations = await Promise.all(
          ids.map(async (id, i) => {
            const evaluation = await stores.evaluations.getEvaluation(id);
            if (!evaluation) {
              throw new InputError(
                `evaluations[${i}]: no evaluation with id '${id}'`,
              );
            }
            return evaluation;
          }),
        );
        const byName = await projectsNamed(evaluations.map(e => e.project));
        return {
          evaluations,
          projects: evaluations.map(e => byName.get(e.project)!),
        };
      },
      projectsOf: ({ projects }) => projects,
    },
    note: {
      async find(id) {
        const note = await stores.annotations.getNote(id);
        if (!note) {
          throw noSuchNote(id);
        }
        return { note, project: await projectOf(note.project) };
      },
      projectsOf: own,
    },
    entity: {
      async find({ type, id }) {
        const entity = (
          await stores.annotations.resolveEntities([{ type, id }])
        ).get(`${type}\n${id}`);
        if (!entity) {
          throw noSuchEntity(type, id);
        }
        return { entity };
      },
      projectsOf: ({ entity }) => [
        { name: entity.project, owner: entity.projectOwner },
      ],
    },
  };
}
