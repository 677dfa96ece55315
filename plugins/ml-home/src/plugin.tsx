import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { MlHomeClient } from '@ml-home/plugin-ml-home-common';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { mlHomeEntityExtensions } from './alpha/entityExtensions';
import { mlHomeSearchExtensions } from './alpha/searchResultItem';
import { mlHomeApiRef } from './api/mlHomeApiRef';
import { mlHomeTranslationRef } from './translation';
import {
  certificationRouteRef,
  compareRouteRef,
  evaluationRouteRef,
  importsRouteRef,
  featuresRouteRef,
  orphansRouteRef,
  modelRouteRef,
  projectRouteRef,
  rootRouteRef,
} from './routes';

const mlHomeApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlHomeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlHomeClient({ discoveryApi, fetchApi }),
    }),
});

const mlHomePage = PageBlueprint.make({
  params: {
    path: '/ml-home',
    title: mlHomeTranslationRef('title'),
    icon: <ScatterPlotIcon />,
    routeRef: rootRouteRef,
    noHeader: true,
    // The page's routes are React Router v6 routes: say so explicitly (the new frontend system
    // otherwise falls back to implicit v6 routing and warns).
    loader: () =>
      import('./components/Router').then(m => (
        <ReactRouterV6PageRouter>
          <m.Router />
        </ReactRouterV6PageRouter>
      )),
  },
});

/**
 * The ML Home frontend plugin for Backstage's new frontend system.
 *
 * @public
 */
export const mlHomePlugin = createFrontendPlugin({
  pluginId: 'ml-home',
  title: 'ML Home',
  icon: <ScatterPlotIcon />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    project: projectRouteRef,
    compare: compareRouteRef,
    model: modelRouteRef,
    evaluation: evaluationRouteRef,
    features: featuresRouteRef,
    orphans: orphansRouteRef,
    imports: importsRouteRef,
    certification: certificationRouteRef,
  },
  extensions: [
    mlHomeApi,
    mlHomePage,
    ...mlHomeSearchExtensions,
    ...mlHomeEntityExtensions,
  ],
});
