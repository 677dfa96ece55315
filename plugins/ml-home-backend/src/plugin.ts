import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createRouter } from './service/router';
import { readMlHomeConfig } from './config';

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
      },
      async init({ config, logger, database, httpRouter, httpAuth }) {
        const mlHomeConfig = readMlHomeConfig(config);
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await knex.migrate.latest({ directory: migrationsDir });
        }
        logger.info(
          `ML Home started (demo data ${
            mlHomeConfig.demoData.enabled ? 'enabled' : 'disabled'
          })`,
        );
        httpRouter.use(await createRouter({ knex, httpAuth }));
      },
    });
  },
});
