/*
 * The ML Home example backend: a Backstage backend on the new backend system with the catalog,
 * guest sign-in, permissions (our own policy), the app backend, the event bus, search (the catalog
 * and ML Home; in PostgreSQL when the database is PostgreSQL, else an in-memory Lunr index) and ML
 * Home, whose models and datasets the catalog module publishes.
 */
import { createBackend } from '@backstage/backend-defaults';
import { checkStartupConfig, StartupConfigError } from './startupChecks';
import { applyExternalAccessToken } from './externalAccess';
import { mlHomePermissionPolicyModule } from './permissionPolicy';

async function main() {
  applyExternalAccessToken(process.env);
  await checkStartupConfig(process.argv, process.env);

  const backend = createBackend();
  backend.add(import('@backstage/plugin-app-backend'));
  // The event bus: on PostgreSQL it carries events (ML Home's change events, catalog updates) to
  // every replica; on SQLite (one process) it keeps them in memory.
  backend.add(import('@backstage/plugin-events-backend'));
  // Notifications: ML Home tells owner groups when a model drops a certification level or an
  // attestation is about to expire.
  backend.add(import('@backstage/plugin-notifications-backend'));
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@ml-home/plugin-catalog-backend-module-ml-home'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(mlHomePermissionPolicyModule);
  backend.add(import('@ml-home/plugin-ml-home-backend'));
  // The demo ML organisation, loaded into an empty ML Home when mlHome.demoData.enabled is true.
  backend.add(import('@ml-home/plugin-ml-home-backend-module-demo'));
  backend.add(import('@backstage/plugin-search-backend'));
  // On PostgreSQL the search index lives in the database, shared by every replica; on SQLite this
  // module steps aside and search keeps its in-memory Lunr index.
  backend.add(import('@backstage/plugin-search-backend-module-pg'));
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));
  backend.add(import('@ml-home/plugin-search-backend-module-ml-home'));
  await backend.start();
}

main().catch(error => {
  if (error instanceof StartupConfigError) {
    process.stderr.write(
      `\nML Home backend cannot start: ${error.message}\n\n`,
    );
  } else {
    process.stderr.write(
      `\nML Home backend failed to start: ${error?.message ?? error}\n\n`,
    );
  }
  process.exit(1);
});
