import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The ML Home root page, `/ml-home`. */
export const rootRouteRef = createRouteRef();
