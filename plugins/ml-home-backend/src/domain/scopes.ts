import {
  AnnotatedEntity,
  Deployment,
  EvaluationRecord,
  Model,
  Note,
  Project,
} from './types';

/*
 * What a route addresses, found once: the authorization layer looks it up by the route's
 * parameters (see authorization/finders.ts), decides on its project, and hands it on, so that the
 * services below never read the same thing twice.
 */

/** A project named by the route. */
export interface ProjectScope {
  project: Project;
}

/** A run and its project. */
export interface RunScope {
  runId: string;
  project: Project;
}

/** Several runs, each with its project. */
export interface RunsScope {
  runIds: string[];
  /** By run id. */
  projects: Map<string, Project>;
}

/** A registered model and its project. */
export interface ModelScope {
  model: Model;
  project: Project;
}

/** A deployment and the project of its model. */
export interface DeploymentScope {
  deployment: Deployment;
  project: Project;
}

/** An evaluation and its project. */
export interface EvaluationScope {
  evaluation: EvaluationRecord;
  project: Project;
}

/** Several evaluations (in the order they were named) and their projects. */
export interface EvaluationsScope {
  evaluations: EvaluationRecord[];
  projects: Project[];
}

/** A note and its project. */
export interface NoteScope {
  note: Note;
  project: Project;
}

/** Any entity that carries notes and tags, with its project's name and owner. */
export interface EntityScope {
  entity: AnnotatedEntity;
}
