import { notificationService } from '@backstage/plugin-notifications-node';
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
import { authorize } from './authorization/authorize';
import { createFinders } from './authorization/finders';
import { ProjectAuthorizer } from './authorization/ProjectAuthorizer';
import { ReferenceAuthorizer } from './authorization/ReferenceAuthorizer';
import { CatalogChecks } from './catalog/CatalogChecks';
import { CatalogOwnerDirectory } from './catalog/OwnerDirectory';
import { publishChanges } from './changes/publishChanges';
import { readMlHomeConfig } from './config';
import {
  Announce,
  addressServices,
  authorizeServices,
  createServices,
} from './createServices';
import { DatabaseStores } from './database/DatabaseStores';
import { CertificationChecksRegistry } from './extensions/CertificationChecksRegistry';
import { resolveMetricDirections } from './metricDirections/resolveMetricDirections';
import { createAutomatedChecks } from './certification/automatedChecks';
import { CertificationNotifier } from './certification/certificationNotifications';
import { createExtraChecks } from './certification/extraChecksApi';
import {
  CatalogServiceCertificationCatalog,
  extraCheckDefinitions,
} from './certification/checks';
import { readCertificationConfig } from './certification/config';
import {
  CertificationReevaluator,
  runCertificationTask,
  subscribeToChanges,
  watchEvaluations,
  watchMonitoring,
} from './certification/certificationTriggers';
import {
  DemoDataLoaders,
  createDemoDataWriter,
  holdsNoProject,
} from './extensions/demoDataLoaders';
import { DatabaseMlflowStore } from './mlflow/DatabaseMlflowStore';
import { MlflowService } from './mlflow/MlflowService';
import { DatabaseImportStore } from './mlflowImport/DatabaseImportStore';
import { readMlflowImportConfig } from './mlflowImport/importConfig';
import { importsAccess } from './mlflowImport/importsAccess';
import { MlflowImportService } from './mlflowImport/MlflowImportService';
import { mlHomeProjectResourceRef, mlHomeRules } from './permissions';
import { createRouter } from './router/createRouter';
import { isProjectTokenSecret } from './tokens/ProjectTokensService';

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
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
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
        scheduler,
        discovery,
        lifecycle,
        notifications,
      }) {
        const mlHomeConfig = readMlHomeConfig(config);
        const certificationConfig = readCertificationConfig(config);
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
        const finders = createFinders(stores);
        const certificationCheckDefinitions = () =>
          extraCheckDefinitions(certificationChecks.list());
        const references = new ReferenceAuthorizer(
          finders,
          authorizer,
          userInfo,
        );
        const announce: Announce = (service, changes) =>
          publishChanges(service, changes, events, logger);
        // The rules of each resource, announcing what other plugins mirror; the routes call them
        // through each resource's access table.
        const notifier = new CertificationNotifier({
          notifications,
          store: stores.certification,
          logger: logger.child({ task: 'certification-notifications' }),
        });
        const services = createServices({
          stores,
          unitOfWork: storage,
          finders,
          catalog: new CatalogChecks(
            mlHomeConfig.checkOwnersInCatalog
              ? new CatalogOwnerDirectory(catalog, auth)
              : undefined,
          ),
          announce,
          certification: {
            config: certificationConfig,
            extraChecks: certificationCheckDefinitions,
            // A level drop is told to the owner group (Backstage notifications).
            onChange: change => notifier.onChange(change),
            runChecks: createAutomatedChecks({
              stores,
              config: certificationConfig,
              metricDirections: target =>
                resolveMetricDirections(stores, target),
              catalog: new CatalogServiceCertificationCatalog(catalog, auth),
              extraChecks: createExtraChecks(certificationChecks.list(), {
                discovery,
                auth,
              }),
            }),
          },
        });
        // Scorecards follow the writes that change them within seconds, and every model is
        // re-evaluated on a schedule (once across replicas) for what time alone changes: expiry,
        // staleness, monitoring windows, the catalog.
        const reevaluator = new CertificationReevaluator(
          name => services.certification.reevaluateModel(name),
          logger,
        );
        services.evaluations = watchEvaluations(
          services.evaluations,
          reevaluator,
        );
        services.deployments = watchMonitoring(
          services.deployments,
          reevaluator,
        );
        lifecycle.addShutdownHook(() => reevaluator.stop());
        await subscribeToChanges(events, reevaluator);
        // Modules' demo data is trusted code writing into an empty ML Home: through the same
        // stores and rules, without permission checks or catalog look-ups (the catalog is still
        // loading at start-up), recorded as of the time the loader says (past work) or now.
        const seedingAt = (at?: Date) => {
          const timed = at ? storage.withClock(() => new Date(at)) : storage;
          return addressServices(
            createServices({
              stores: timed.stores,
              unitOfWork: timed,
              finders,
              catalog: new CatalogChecks(),
              announce,
              clock: timed.clock,
              certification: {
                config: certificationConfig,
                extraChecks: certificationCheckDefinitions,
              },
            }),
            { finders, references, stores: timed.stores },
          );
        };
        const ownCredentials = await auth.getOwnServiceCredentials();
        await demoDataLoaders.runIfEmpty({
          isEmpty: () => holdsNoProject(seedingAt(), ownCredentials),
          writer: createDemoDataWriter(seedingAt, ownCredentials),
          logger,
        });
        // Scheduled after the demo data (if any) is in, so the first run, a minute later, sees all of
        // it: every model gets its scorecard and owners hear of attestations about to expire.
        await scheduler.scheduleTask({
          id: 'ml-home-certification-reevaluation',
          scope: 'global',
          frequency: certificationConfig.evaluationFrequency,
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await runCertificationTask({
              certification: services.certification,
              logger: logger.child({ task: 'certification' }),
            });
            // Owners hear of attestations expiring within 14 days, once each.
            await notifier.notifyExpiring(new Date());
          },
        });

        // The MLflow importer is trusted code the portal's admins configure: it writes through the
        // same services as demo data (no permission asked, no catalog look-up), as the plugin.
        const imports = new MlflowImportService({
          config: readMlflowImportConfig(config),
          store: new DatabaseImportStore(knex),
          target: seedingAt(),
          callerFor: server => ({
            credentials: ownCredentials,
            actor: `mlflow-import/${server.id}`,
          }),
          logger: logger.child({ task: 'mlflow-import' }),
        });
        await imports.start(scheduler);
        // Say at start which checks modules added: they are scored with the rubric's.
        const addedChecks = certificationChecks.list();
        if (addedChecks.length > 0) {
          logger.info(
            `${addedChecks.length} custom certification check(s) added: ${addedChecks
              .map(c => c.id)
              .join(', ')}`,
          );
        }

        // Pipelines authenticate with ML Home's own project tokens, which Backstage's credentials
        // barrier would refuse; the router authenticates every request itself instead (Backstage
        // user or service credentials, or a project token) before it reads a body.
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        const apis = authorizeServices(services, {
          finders,
          references,
          authorizer,
          stores,
          certificationConfig,
        });
        httpRouter.use(
          await createRouter({
            apis,
            imports: authorize(imports, importsAccess, authorizer),
            // MLflow clients log through the same authorized services (see mlflow/).
            mlflow: new MlflowService(
              apis,
              stores,
              new DatabaseMlflowStore(knex),
              authorizer,
              mlHomeConfig.mlflow,
            ),
            tokens: {
              isProjectToken: isProjectTokenSecret,
              authenticate: secret => services.tokens.authenticate(secret),
            },
            httpAuth,
            auditor,
            logger,
          }),
        );
      },
    });
  },
});
