import { Knex } from 'knex';
import {
  ComparableRun,
  EventInput,
  Experiment,
  IngestBatchInput,
  IngestResult,
  Page,
  Project,
  ProjectEvent,
  ProjectInput,
  ProjectListQuery,
  ProjectListResult,
  ProjectPatch,
  Run,
} from '../domain/types';
import type { RunsQueryOptions } from './runsQuery';

export type { ProjectConditions } from '../domain/ProjectConditions';
import type { ProjectConditions } from '../domain/ProjectConditions';

/**
 * ML Home's storage. One Knex implementation ({@link DatabaseMlHomeStore}); the services hold the
 * rules and never see SQL.
 */
export interface MlHomeStore {
  listProjects(
    query: ProjectListQuery,
    conditions: ProjectConditions,
  ): Promise<ProjectListResult>;
  getProject(
    name: string,
    options?: { includeDeleted?: boolean },
  ): Promise<Project | undefined>;
  createProject(input: ProjectInput, actor: string): Promise<Project>;
  updateProject(
    project: Project,
    patch: ProjectPatch,
    actor: string,
  ): Promise<Project>;
  setProjectDeleted(
    project: Project,
    deleted: boolean,
    actor: string,
  ): Promise<Project>;
  listEvents(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProjectEvent>>;

  listExperiments(
    project: Project,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Experiment>>;
  createExperiment(
    project: Project,
    input: { name: string; description: string },
    actor: string,
  ): Promise<Experiment>;
  getExperimentIds(
    project: Project,
    names: string[],
  ): Promise<Map<string, number>>;

  listRuns(
    project: Project,
    options: Omit<RunsQueryOptions, 'projectId'>,
  ): Promise<{ items: Run[]; nextCursor?: string; totalCount: number }>;
  getRun(runId: string): Promise<Run | undefined>;
  /** The project name of each run that exists, by run id (a light lookup, no hydration). */
  getRunProjects(runIds: string[]): Promise<Map<string, string>>;
  /**
   * What a comparison needs of the runs with these ids that exist, in no particular order: name,
   * project, params and latest metrics with their min and max.
   */
  getComparableRuns(runIds: string[]): Promise<ComparableRun[]>;
  getMetricHistory(
    runId: string,
    key: string,
    maxPoints: number,
  ): Promise<{
    points: { step: number; value: number; timestamp: number }[];
    totalPoints: number;
    downsampled: boolean;
  }>;

  /**
   * Writes a batch in one transaction. `attach` runs inside that transaction after the runs are
   * written (versions, evaluations, deployments of the same batch), and what it returns joins the
   * result, which a retry with the same requestId gets back.
   */
  ingest(
    project: Project,
    batch: IngestBatchInput,
    actor: string,
    attach?: (tx: Knex.Transaction) => Promise<Partial<IngestResult>>,
  ): Promise<IngestResult>;
  appendEvent(project: Project, event: EventInput): Promise<void>;
}
