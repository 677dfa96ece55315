import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import mlHomePlugin from '@ml-home/plugin-ml-home';
import { homeRedirectModule } from './modules/home';
import { signInModule } from './modules/signIn';

/**
 * The example portal: catalog, org pages, search, settings, notifications (where model owners read
 * certification level drops and expiring attestations) and ML Home, on the new frontend system.
 */
export const app = createApp({
  features: [
    catalogPlugin,
    notificationsPlugin,
    orgPlugin,
    searchPlugin,
    userSettingsPlugin,
    mlHomePlugin,
    signInModule,
    homeRedirectModule,
  ],
});

export default app.createRoot();
