import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { NotFoundError, ResponseError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { FakeMlHome } from './FakeMlHome';

/**
 * A stand-in `ml-home` backend plugin serving the read routes the provider uses from a
 * {@link FakeMlHome}, behind Backstage auth: it accepts service tokens only and records which
 * principal called, so a test sees that the catalog calls ML Home as itself.
 */
export function fakeMlHomePlugin(fake: FakeMlHome, callers: string[]) {
  return createBackendPlugin({
    pluginId: 'ml-home',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(async (req, _res, next) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            next();
          });
          const num = (v: unknown) =>
            typeof v === 'string' ? Number(v) : undefined;
          const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
          const answer =
            (fn: (req: express.Request) => Promise<unknown>) =>
            async (req: express.Request, res: express.Response) => {
              try {
                res.json(await fn(req));
              } catch (error) {
                if (ResponseError.is(error) && error.statusCode === 404) {
                  throw new NotFoundError(error.message);
                }
                throw error;
              }
            };
          router.get(
            '/projects',
            answer(req =>
              fake.listProjects({
                limit: num(req.query.limit),
                cursor: str(req.query.cursor),
              }),
            ),
          );
          router.get(
            '/projects/:project',
            answer(req => fake.getProject(req.params.project)),
          );
          router.get(
            '/projects/:project/datasets/:dataset',
            answer(req =>
              fake.getDataset(req.params.project, req.params.dataset),
            ),
          );
          router.get(
            '/models',
            answer(req =>
              fake.searchModels({
                project: str(req.query.project),
                limit: num(req.query.limit),
                cursor: str(req.query.cursor),
              }),
            ),
          );
          router.get(
            '/models/:model',
            answer(req => fake.getModel(req.params.model)),
          );
          router.get(
            '/models/:model/deployments',
            answer(req => fake.listModelDeployments(req.params.model)),
          );
          router.get(
            '/datasets',
            answer(req =>
              fake.searchDatasets({
                project: str(req.query.project),
                limit: num(req.query.limit),
                cursor: str(req.query.cursor),
              }),
            ),
          );
          router.get(
            '/deployments',
            answer(req =>
              fake.listDeployments({
                status: str(req.query.status) as 'active' | undefined,
                project: str(req.query.project),
                limit: num(req.query.limit),
                cursor: str(req.query.cursor),
              }),
            ),
          );
          httpRouter.use(router);
        },
      });
    },
  });
}
