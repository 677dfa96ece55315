import {
  PageBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { Navigate } from 'react-router-dom';

/** The portal's front door: `/` opens ML Home, the reason this portal exists. */
export const homeRedirectModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    PageBlueprint.make({
      name: 'home-redirect',
      params: {
        path: '/',
        loader: async () => <Navigate to="/ml-home" replace />,
      },
    }),
  ],
});
