import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { mlHomePermissions } from '@ml-home/plugin-ml-home-common';
import { readMlHomeConfig } from './config';
import { DatabaseMlHomeStore } from './database/DatabaseMlHomeStore';
import { DatabaseDatasetsStore } from './database/DatabaseDatasetsStore';
import { DatabaseDeploymentsStore } from './database/DatabaseDeploymentsStore';
import { DatabaseModelsStore } from './database/DatabaseModelsStore';
import { loadDemoDataIfEmpty } from './demo/loadDemoData';
import { mlHomeProjectResourceRef, mlHomeRules } from './permissions';
import { AuthorizedMlHomeService } from './service/AuthorizedMlHomeService';
import { DefaultMlHomeService } from './service/DefaultMlHomeService';
import { publishChanges } from './service/publishChanges';
import { createRouter } from './service/router';

const migrationsDir = resolvePackagePath(
  '@ml-home/plugin-ml-home-backend',
  'migrations',
);

/**
 * The ML Home backend plugin, id `ml-home`, served under `/api/ml-home`.
 *
 * @public
 */
export const mlHomePlugin = createBackendPlugin({
  pluginId: 'ml-home',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        events: eventsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
        events,
      }) {
        const mlHomeConfig = readMlHomeConfig(config);
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await knex.migrate.latest({ directory: migrationsDir });
        }
        const store = new DatabaseMlHomeStore(knex);
        const models = new DatabaseModelsStore(knex);
        const datasets = new DatabaseDatasetsStore(knex);

        permissionsRegistry.addResourceType({
          resourceRef: mlHomeProjectResourceRef,
          permissions: mlHomePermissions,
          rules: Object.values(mlHomeRules),
          getResources: async names =>
            Promise.all(
              names.map(async name => {
                const project = await store.getProject(name, {
                  includeDeleted: true,
                });
                return project
                  ? { name: project.name, owner: project.owner }
                  : undefined;
              }),
            ),
        });

        const service = new AuthorizedMlHomeService(
          publishChanges(
            new DefaultMlHomeService(
              store,
              models,
              datasets,
              new DatabaseDeploymentsStore(knex),
            ),
            events,
            logger,
          ),
          permissions,
          createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(mlHomeProjectResourceRef),
          ),
        );

        if (mlHomeConfig.demoData.enabled) {
          await loadDemoDataIfEmpty({
            knex,
            store,
            models,
            datasets,
            logger,
            ...mlHomeConfig.demoData,
          });
        }

        httpRouter.use(
          await createRouter({ knex, service, httpAuth, auditor }),
        );
      },
    });
  },
});
