import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { mlHomePermissions } from '@ml-home/plugin-ml-home-common';
import {
  mlHomeCertificationChecksExtensionPoint,
  mlHomeDemoDataExtensionPoint,
} from '@ml-home/plugin-ml-home-node/alpha';
import { readMlHomeConfig } from './config';
import { DatabaseStores } from './database/DatabaseStores';
import { ProjectTokensService } from './service/ProjectTokensService';
import { loadDemoDataIfEmpty } from './demo/loadDemoData';
import { mlHomeProjectResourceRef, mlHomeRules } from './permissions';
import { AuthorizedMlHomeService } from './service/AuthorizedMlHomeService';
import { DefaultMlHomeService } from './service/DefaultMlHomeService';
import { ProjectAuthorizer } from './authorization/ProjectAuthorizer';
import {
  AuthorizedEvaluationsService,
  DefaultEvaluationsService,
} from './service/EvaluationsService';
import {
  AuthorizedAnnotationsService,
  DefaultAnnotationsService,
} from './service/AnnotationsService';
import { publishChanges } from './changes/publishChanges';
import { CatalogOwnerDirectory } from './catalog/OwnerDirectory';
import { createRouter } from './router/createRouter';
import { CertificationChecksRegistry } from './extensions/CertificationChecksRegistry';
import {
  DemoDataLoaders,
  createDemoDataWriter,
  holdsNoProject,
} from './extensions/demoDataLoaders';

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
    // What backend modules add (see @ml-home/plugin-ml-home-node/alpha), used once init runs.
    const certificationChecks = new CertificationChecksRegistry();
    env.registerExtensionPoint(mlHomeCertificationChecksExtensionPoint, {
      addCheck: check => certificationChecks.add(check),
    });
    const demoDataLoaders = new DemoDataLoaders();
    env.registerExtensionPoint(mlHomeDemoDataExtensionPoint, {
      addLoader: loader => demoDataLoaders.add(loader),
    });

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
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
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
        catalog,
        auth,
        userInfo,
      }) {
        const mlHomeConfig = readMlHomeConfig(config);
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await knex.migrate.latest({ directory: migrationsDir });
        }
        const storage = new DatabaseStores(knex);
        const { stores } = storage;

        permissionsRegistry.addResourceType({
          resourceRef: mlHomeProjectResourceRef,
          permissions: mlHomePermissions,
          rules: Object.values(mlHomeRules),
          getResources: async names =>
            Promise.all(
              names.map(async name => {
                const project = await stores.projects.getProject(name, {
                  includeDeleted: true,
                });
                return project
                  ? { name: project.name, owner: project.owner }
                  : undefined;
              }),
            ),
        });

        const authorizer = new ProjectAuthorizer(
          permissions,
          createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(mlHomeProjectResourceRef),
          ),
        );
        // The rules, announcing what other plugins mirror; the permission layers wrap them.
        const core = publishChanges(
          new DefaultMlHomeService(
            stores,
            storage,
            mlHomeConfig.checkOwnersInCatalog
              ? new CatalogOwnerDirectory(catalog, auth)
              : undefined,
          ),
          events,
          logger,
        );
        const service = new AuthorizedMlHomeService(core, authorizer, userInfo);

        if (mlHomeConfig.demoData.enabled) {
          await loadDemoDataIfEmpty({
            knex,
            stores,
            unitOfWork: storage,
            logger,
            ...mlHomeConfig.demoData,
          });
        }

        // Modules' demo data is trusted code writing into an empty ML Home: through the same
        // stores and rules, without permission checks or catalog look-ups (the catalog is still
        // loading at start-up).
        const seeding = publishChanges(
          new DefaultMlHomeService(stores, storage),
          events,
          logger,
        );
        const ownCredentials = await auth.getOwnServiceCredentials();
        await demoDataLoaders.runIfEmpty({
          isEmpty: () => holdsNoProject(seeding, ownCredentials),
          writer: createDemoDataWriter(
            {
              core: seeding,
              evaluations: new DefaultEvaluationsService(
                seeding,
                stores.evaluations,
                stores.models,
                stores.datasets,
                stores.projects,
              ),
              annotations: new DefaultAnnotationsService(
                seeding,
                stores.annotations,
              ),
            },
            ownCredentials,
          ),
          logger,
        });
        // Kept for the certification service (a later change); until then, say what was added.
        const checks = certificationChecks.list();
        if (checks.length > 0) {
          logger.info(
            `${checks.length} custom certification check(s) added: ${checks.map(c => c.id).join(', ')}`,
          );
        }

        const evaluations = new AuthorizedEvaluationsService(
          new DefaultEvaluationsService(
            core,
            stores.evaluations,
            stores.models,
            stores.datasets,
            stores.projects,
          ),
          core,
          authorizer,
        );
        const annotations = new AuthorizedAnnotationsService(
          new DefaultAnnotationsService(core, stores.annotations),
          core,
          authorizer,
        );

        const tokens = new ProjectTokensService({
          store: stores.tokens,
          authorizer,
          resolveProject: name => core.resolveProject(name),
        });

        // Pipelines authenticate with ML Home's own project tokens, which Backstage's credentials
        // barrier would refuse; the router authenticates every request itself instead (Backstage
        // user or service credentials, or a project token) before it reads a body.
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({
            health: stores.health,
            service,
            tokens,
            evaluations,
            annotations,
            httpAuth,
            auditor,
            logger,
          }),
        );
      },
    });
  },
});
