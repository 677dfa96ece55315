import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { coreApis, type AppLocation } from '@backstage/frontend-plugin-api';
import {
  mockApis,
  renderInTestApp,
  type TestAppRenderResult,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { CatalogApi } from '@backstage/catalog-client';
import type { MlHomeApi } from '@ml-home/plugin-ml-home-common';
import { configure } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { rootRouteRef } from '../../../routes';

// Pages render big tables; on a loaded two-core machine the first paint can take seconds.
configure({ asyncUtilTimeout: 15_000 });

/**
 * Renders an ML Home page as the plugin's router mounts it below `/ml-home`, with a fake ML Home
 * API, an in-memory catalog, a signed-in user and a permission decision.
 */
export async function renderPage(
  element: JSX.Element,
  options: {
    /** The page's route below `/ml-home`, as in `Router.tsx`, e.g. `/projects/:projectName/*`. */
    path: string;
    /** The URL to start at, e.g. `/ml-home/projects/churn/models?x=1`. */
    url: string;
    api: MlHomeApi;
    catalogEntities?: Entity[];
    catalogApi?: CatalogApi;
    user?: string;
    ownershipEntityRefs?: string[];
    allow?: boolean;
  },
): Promise<TestAppRenderResult & { location: () => AppLocation }> {
  const user = options.user ?? 'user:default/alice';
  const rendered = await renderInTestApp(
    <ReactRouterV6PageRouter>
      <Routes>
        <Route path={options.path} element={element} />
      </Routes>
    </ReactRouterV6PageRouter>,
    {
      mountPath: '/ml-home/*',
      initialRouteEntries: [options.url],
      mountedRoutes: {
        '/ml-home': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      apis: [
        [mlHomeApiRef, options.api],
        [
          catalogApiRef,
          options.catalogApi ??
            catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
        mockApis.identity({
          userEntityRef: user,
          ownershipEntityRefs: options.ownershipEntityRefs ?? [user],
        }),
        mockApis.permission({
          authorize:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
  return {
    ...rendered,
    /** The app's current location (pathname and search). */
    location: () =>
      rendered.apis.get(coreApis.appHistory)!.getSnapshot().location,
  };
}

/** The `ResponseError` the client throws for a backend error answer. */
export async function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'POST', url: '/api/ml-home' },
    response: { statusCode: status },
  });
  const headers = new Map([['content-type', 'application/json']]);
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: status === 409 ? 'Conflict' : 'Bad Request',
    url: 'http://localhost/api/ml-home',
    type: 'basic',
    redirected: false,
    headers: {
      get: (key: string) => headers.get(key.toLowerCase()) ?? null,
      has: (key: string) => headers.has(key.toLowerCase()),
    },
    text: async () => body,
  } as any);
}

/** A catalog group with members, as the catalog returns it (relations included). */
export function groupEntity(
  name: string,
  members: string[] = [],
  title?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: {
      type: 'team',
      children: [],
      profile: title ? { displayName: title } : {},
    },
    relations: members.map(m => ({
      type: 'hasMember',
      targetRef: `user:default/${m}`,
    })),
  };
}

/** A catalog user entity that is a member of the given groups. */
export function userEntity(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}
