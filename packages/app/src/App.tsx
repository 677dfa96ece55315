import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import mlHomePlugin from '@ml-home/plugin-ml-home';
import { homeRedirectModule } from './modules/home';
import { signInModule } from './modules/signIn';

/** The example portal: catalog, org pages, settings and ML Home, on the new frontend system. */
export const app = createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    userSettingsPlugin,
    mlHomePlugin,
    signInModule,
    homeRedirectModule,
  ],
});

export default app.createRoot();
