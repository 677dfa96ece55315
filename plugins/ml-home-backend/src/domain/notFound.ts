import { NotFoundError } from '@backstage/errors';

/*
 * The 404s of things a route names, said once: every layer that finds one missing (the finders,
 * a service, a store inside its transaction) answers with the same words.
 */

export const noSuchProject = (name: string) =>
  new NotFoundError(`No ML project named '${name}'`);

export const noSuchRun = (runId: string) =>
  new NotFoundError(`No run with id '${runId}'`);

export const noSuchModel = (name: string) =>
  new NotFoundError(`No model named '${name}'`);

export const noSuchVersion = (model: string, version: number) =>
  new NotFoundError(`Model '${model}' has no version ${version}`);

export const noSuchDeployment = (id: string) =>
  new NotFoundError(`No deployment with id '${id}'`);

export const noSuchEvaluation = (id: string) =>
  new NotFoundError(`No evaluation with id '${id}'`);

export const noSuchNote = (id: string) =>
  new NotFoundError(`No note with id '${id}'`);

export const noSuchEntity = (type: string, id: string) =>
  new NotFoundError(`No ${type} with id '${id}'`);
