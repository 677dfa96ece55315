import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, isError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { parseDatasetReference } from '../datasets/datasetReference';
import { Caller } from '../domain/Caller';
import { Project } from '../domain/types';
import { normalizeEntityRef } from '../domain/validation';
import { Finders } from './finders';
import { ProjectAuthorizer, ProjectPermission } from './ProjectAuthorizer';

/** One reference of a request body, with the field that holds it and how to name what it is. */
interface Reference {
  field: string;
  project: Project;
  what: string;
}

const isNotFound = (error: unknown) =>
  isError(error) && error.name === 'NotFoundError';

function isUserCredentials(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return (credentials.principal as { type?: string }).type === 'user';
}

/**
 * Decides the references a request body makes beyond the route's own project, for the access
 * tables' `also` checks. The route's own project is decided by the wrapper; a body can also name
 * things elsewhere, and naming them is not free: registering a version of a run claims that run
 * produced it (so the run must be one the caller may write), while reading a dataset or comparing
 * with a baseline only consumes (so the caller must be allowed to read it), and naming an owner
 * gives something to a group (so the caller must belong to it). A refusal is a 403 naming the
 * field.
 *
 * Unknown references are 400s naming the field, with the same words the rules use, so that the
 * answer does not depend on which layer finds them.
 */
export class ReferenceAuthorizer {
  constructor(
    private readonly find: Pick<Finders, 'project' | 'run'>,
    private readonly authorizer: ProjectAuthorizer,
    private readonly userInfo: UserInfoService,
  ) {}

  /**
   * Giving a project or model to a group is only for the group's members: the owner must be one
   * of the calling user's ownership refs. Services and project tokens own nothing, so they cannot
   * name an owner. `unchanged` (the current owner) needs no check: it gives nothing away.
   */
  async checkOwnerGroup(
    caller: Caller,
    field: string,
    ref: string,
    unchanged?: string,
  ): Promise<void> {
    const owner = normalizeEntityRef(field, ref, 'group');
    if (owner === unchanged) return;
    const credentials = caller.credentials;
    if (!credentials || !isUserCredentials(credentials)) {
      throw new NotAllowedError(
        `${field}: only a user can name an owner, and only a group they belong to; this caller is no user`,
      );
    }
    const { ownershipEntityRefs } =
      await this.userInfo.getUserInfo(credentials);
    if (!ownershipEntityRefs.some(r => r.toLowerCase() === owner)) {
      throw new NotAllowedError(`${field}: you are not a member of ${owner}`);
    }
  }

  /**
   * Each run must be one the caller may write. With `skipUnknown`, ids that name no run yet are
   * left to the rules (a batch creates its own runs).
   */
  async checkRunsWritable(
    caller: Caller,
    runs: { field: string; runId: string }[],
    options?: { skipUnknown?: boolean },
  ): Promise<void> {
    const references: Reference[] = [];
    for (const { field, runId } of runs) {
      try {
        references.push({
          field,
          project: (await this.find.run.find(runId)).project,
          what: `run ${runId}`,
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        if (options?.skipUnknown) continue;
        throw new InputError(`${field}: no run with id '${runId}'`);
      }
    }
    await this.checkAll(caller, mlHomeRunWritePermission, 'write', references);
  }

  /**
   * Each dataset reference (`name` in `defaultProject`, or `project/name`) must lead into a
   * project the caller may read. Whether the dataset itself exists is left to the rules.
   */
  async checkDatasetsReadable(
    caller: Caller,
    datasets: { field: string; reference: string }[],
    defaultProject: string,
  ): Promise<void> {
    const references: Reference[] = [];
    for (const { field, reference } of datasets) {
      const { project, name } = parseDatasetReference(
        reference,
        defaultProject,
      );
      try {
        references.push({
          field,
          project: (await this.find.project.find(project)).project,
          what: `dataset '${project}/${name}'`,
        });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        throw new InputError(
          `${field}: project '${project}' has no dataset named '${name}'`,
        );
      }
    }
    await this.checkAll(
      caller,
      mlHomeProjectReadPermission,
      'read',
      references,
    );
  }

  /** The caller must be allowed to read the project of something the body names. */
  async checkReadable(
    caller: Caller,
    field: string,
    project: Project,
    what: string,
  ): Promise<void> {
    await this.checkAll(caller, mlHomeProjectReadPermission, 'read', [
      { field, project, what },
    ]);
  }

  /**
   * A permission an operation needs beyond the one on its route's project: on that project (an
   * owner's certification override) or a basic one (reviewing attestations). Project tokens hold
   * neither.
   */
  async checkAlso(
    caller: Caller,
    permission: ProjectPermission | BasicPermission,
    project?: Project,
  ): Promise<void> {
    if (permission.type === 'basic') {
      await this.authorizer.checkBasic(caller, permission);
    } else if (project) {
      await this.authorizer.check(caller, permission, project);
    }
  }

  /** Asks once per project; the refusal names the first field that leads there. */
  private async checkAll(
    caller: Caller,
    permission: ProjectPermission,
    verb: string,
    references: Reference[],
  ): Promise<void> {
    if (!references.length) return;
    const check = await this.authorizer.decide(caller, permission);
    const asked = new Set<string>();
    for (const { field, project, what } of references) {
      if (asked.has(project.name)) continue;
      asked.add(project.name);
      try {
        check(project);
      } catch (error) {
        if (isError(error) && error.name === 'NotAllowedError') {
          throw new NotAllowedError(
            `${field}: ${what} belongs to project '${project.name}', which you may not ${verb}`,
          );
        }
        throw error;
      }
    }
  }
}
