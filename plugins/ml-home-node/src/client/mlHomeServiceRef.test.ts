import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import Router from 'express-promise-router';
import { mlHomeServiceRef } from './mlHomeServiceRef';

/**
 * A stand-in `ml-home` plugin: answers the project list and a 404 for one project, for service
 * principals only, and records who called.
 */
function fakeMlHomePlugin(callers: string[]) {
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
          router.get('/projects', async (req, res) => {
            res.json({
              items: [],
              totalCount: 0,
              facets: { owner: [], tag: [], lifecycle: [] },
              limit: req.query.limit,
            });
          });
          router.get('/projects/:name', async (req, res) => {
            res.status(404).json({
              error: {
                name: 'NotFoundError',
                message: `No project ${req.params.name}`,
              },
              request: { method: req.method, url: req.originalUrl },
              response: { statusCode: 404 },
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

/** A module of `pluginId` that hands the ML Home client it was given to the test. */
function moduleUsingMlHome(pluginId: string, got: (api: MlHomeApi) => void) {
  return createBackendModule({
    pluginId,
    moduleId: 'uses-ml-home',
    register(reg) {
      reg.registerInit({
        deps: { mlHome: mlHomeServiceRef },
        async init({ mlHome }) {
          got(mlHome);
        },
      });
    },
  });
}

/** The plugin a module extends; it does nothing itself. */
function emptyPlugin(pluginId: string) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('mlHomeServiceRef', () => {
  it('calls ML Home over HTTP with the service token of the plugin that uses it', async () => {
    const callers: string[] = [];
    const clients = new Map<string, MlHomeApi>();
    const backend = await startTestBackend({
      features: [
        fakeMlHomePlugin(callers),
        emptyPlugin('catalog'),
        emptyPlugin('search'),
        moduleUsingMlHome('catalog', api => clients.set('catalog', api)),
        moduleUsingMlHome('search', api => clients.set('search', api)),
      ],
    });
    try {
      const list = await clients.get('catalog')!.listProjects({ limit: 7 });
      expect(list).toMatchObject({ items: [], totalCount: 0, limit: '7' });
      await clients.get('search')!.listProjects();
      expect(callers).toEqual(['plugin:catalog', 'plugin:search']);
    } finally {
      await backend.stop();
    }
  });

  it('turns an error answer into a ResponseError', async () => {
    let client: MlHomeApi | undefined;
    const backend = await startTestBackend({
      features: [
        fakeMlHomePlugin([]),
        emptyPlugin('catalog'),
        moduleUsingMlHome('catalog', api => {
          client = api;
        }),
      ],
    });
    try {
      const error = await client!.getProject('missing').catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(404);
      expect(error.body.error.message).toBe('No project missing');
    } finally {
      await backend.stop();
    }
  });
});
