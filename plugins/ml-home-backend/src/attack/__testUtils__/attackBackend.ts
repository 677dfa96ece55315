/*
 * The attack suite's backend: the real ML Home plugin over a real database, with Backstage's test
 * services standing in for the rest of a portal. What stands in is chosen to behave like the
 * example portal, because the suite proves what an attacker can do there:
 * - the permission service decides service principals exactly as Backstage's
 *   ServerPermissionClient does (their access restrictions alone, never the policy) and users as
 *   the example policy does (packages/backend/src/permissionPolicy.ts), with group membership
 *   from a table instead of the catalog;
 * - `ML_HOME_TOKEN` is a service principal `ml-home-token` restricted to ML Home's read and
 *   ingestion permissions, as packages/backend/src/externalAccess.ts configures it;
 * - the catalog knows the teams and the serving components, and nothing else.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  BackstagePrincipalAccessRestrictions,
  coreServices,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ML_HOME_PERMISSION_RULES,
  ML_HOME_PROJECT_RESOURCE_TYPE,
  mlHomeProjectCreatePermission,
  mlHomeProjectReadPermission,
  mlHomeRunWritePermission,
} from '@ml-home/plugin-ml-home-common';
import { Knex } from 'knex';
import request from 'supertest';
import { mlHomePlugin } from '../../plugin';

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
/** Like the portal's guest: signed in, member of one unrelated team. */
export const GUEST = 'user:default/guest';

export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';
export const GUEST_TEAM = 'group:default/home-ranking';

/** The ownership refs of each user, as the catalog would resolve them. */
export const OWNERSHIP: Record<string, string[]> = {
  [ALICE]: [ALICE, TEAM_A],
  [BOB]: [BOB, TEAM_B],
  [GUEST]: [GUEST, GUEST_TEAM],
};

/** The serving components the catalog holds. */
export const COMPONENTS = [
  'component:default/alpha-service',
  'component:default/bravo-service',
];

/** The static token, as `ML_HOME_TOKEN` is configured in the example portal. */
export const STATIC_TOKEN = 'attack-suite-static-ml-home-token';
export const STATIC_TOKEN_SUBJECT = 'ml-home-token';
export const STATIC_TOKEN_RESTRICTIONS: BackstagePrincipalAccessRestrictions = {
  permissionNames: [
    mlHomeRunWritePermission.name,
    mlHomeProjectReadPermission.name,
  ],
};

export const asUser = (ref: string) => mockCredentials.user.header(ref);
export const asStaticToken = () => `Bearer ${STATIC_TOKEN}`;
/** An unrestricted service principal, such as another backend plugin. */
export const asPlugin = () => mockCredentials.service.header();
export const asBearer = (secret: string) => `Bearer ${secret}`;

function isOwnerCondition(owners: string[]): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'ml-home',
    resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
    conditions: {
      rule: ML_HOME_PERMISSION_RULES.isProjectOwner,
      resourceType: ML_HOME_PROJECT_RESOURCE_TYPE,
      params: { owners },
    },
  };
}

/**
 * A service principal's decision, as `ServerPermissionClient#servicePrincipalDecision` makes it:
 * from the principal's access restrictions alone; without restrictions, everything is allowed.
 */
function servicePrincipalDecision(
  permission: Permission,
  restrictions: BackstagePrincipalAccessRestrictions | undefined,
): PolicyDecision {
  const { permissionNames, permissionAttributes } = restrictions ?? {};
  if (permissionNames && !permissionNames.includes(permission.name)) {
    return { result: AuthorizeResult.DENY };
  }
  if (permissionAttributes?.action) {
    const action = permission.attributes?.action;
    if (!action || !permissionAttributes.action.includes(action)) {
      return { result: AuthorizeResult.DENY };
    }
  }
  return { result: AuthorizeResult.ALLOW };
}

/** The example policy's admin and reviewer group (mlHome.certification.reviewerGroup's default). */
const PLATFORM_GROUP = 'group:default/ml-platform';

/** The example policy's decision for a signed-in user (or for nobody). */
function examplePolicyDecision(
  permission: Permission,
  user: string | undefined,
): PolicyDecision {
  if (permission.name === mlHomeProjectReadPermission.name) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (permission.name === mlHomeProjectCreatePermission.name) {
    return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  if (
    permission.name === 'ml-home.admin.imports' ||
    permission.name === 'ml-home.certification.review'
  ) {
    // The example policy's admin and reviewer group, which none of the attackers belongs to.
    return {
      result: (OWNERSHIP[user ?? ''] ?? []).includes(PLATFORM_GROUP)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
  if (
    permission.name === mlHomeRunWritePermission.name ||
    permission.name === 'ml-home.certification.attest' ||
    permission.name === 'ml-home.project.update' ||
    permission.name === 'ml-home.project.delete'
  ) {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    return isOwnerCondition(OWNERSHIP[user] ?? [user]);
  }
  return { result: AuthorizeResult.ALLOW };
}

/** What the portal's permission service answers for these credentials. */
export function decide(
  permission: Permission,
  credentials: BackstageCredentials,
): PolicyDecision {
  const principal = credentials.principal as
    | {
        type: 'service';
        accessRestrictions?: BackstagePrincipalAccessRestrictions;
      }
    | { type: 'user'; userEntityRef: string }
    | { type: 'none' };
  if (principal.type === 'service') {
    return servicePrincipalDecision(permission, principal.accessRestrictions);
  }
  return examplePolicyDecision(
    permission,
    principal.type === 'user' ? principal.userEntityRef : undefined,
  );
}

/**
 * Mock HTTP auth, plus the static token: `Bearer <STATIC_TOKEN>` is the restricted service
 * principal that Backstage's static external access makes of it. (The test utils' mock service
 * tokens carry no access restrictions, so the static token needs this.)
 */
const httpAuthWithStaticToken = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const inner = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      async credentials(req: any, options?: any): Promise<any> {
        if (req.headers.authorization === asStaticToken()) {
          if (options?.allow && !options.allow.includes('service')) {
            throw new NotAllowedError(
              `This endpoint does not allow 'service' credentials`,
            );
          }
          return mockCredentials.service(
            STATIC_TOKEN_SUBJECT,
            STATIC_TOKEN_RESTRICTIONS,
          );
        }
        return inner.credentials(req, options);
      },
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
    };
  },
});

const userInfoFromOwnership = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type !== 'user' || !principal.userEntityRef) {
        throw new NotAllowedError(
          `User info not available for principal type '${principal.type}'`,
        );
      }
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: OWNERSHIP[principal.userEntityRef] ?? [
          principal.userEntityRef,
        ],
      };
    },
  }),
});

function catalogEntity(ref: string) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const Kind = kind[0].toUpperCase() + kind.slice(1);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: Kind,
    metadata: { name, namespace },
    spec:
      Kind === 'Group'
        ? { type: 'team', children: [] }
        : { type: 'service', lifecycle: 'production', owner: TEAM_A },
  };
}

/** The started backend: its HTTP server, and a supertest client of it. */
export interface AttackBackend {
  server: any;
  api: () => ReturnType<typeof request>;
}

/** Starts ML Home over `knex` as the example portal runs it. */
export async function startAttackBackend(
  knex: Knex,
  options: { config?: Record<string, unknown> } = {},
): Promise<AttackBackend> {
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, authorizeOptions) =>
      requests.map(r => {
        const d = decide(r.permission, authorizeOptions.credentials);
        // Without a resource to apply them to, conditions allow nothing.
        return {
          result:
            d.result === AuthorizeResult.ALLOW
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      }),
    authorizeConditional: async (requests, authorizeOptions) =>
      requests.map(r =>
        decide(r.permission, authorizeOptions.credentials),
      ) as any,
  });
  const { server } = await startTestBackend({
    features: [
      mlHomePlugin,
      permissions.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [TEAM_A, TEAM_B, GUEST_TEAM, ...COMPONENTS].map(
          catalogEntity,
        ),
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => ({
          publish: async () => {},
          subscribe: async () => {},
        }),
      }),
      mockServices.rootConfig.factory({ data: (options.config ?? {}) as any }),
      httpAuthWithStaticToken,
      userInfoFromOwnership,
    ],
  });
  return { server, api: () => request(server) };
}

export const BASE = '/api/ml-home';
