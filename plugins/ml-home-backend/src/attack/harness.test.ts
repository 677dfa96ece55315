/*
 * The attack suite stands a permission service in for the portal's. Its verdicts on service
 * principals (the static token, other plugins) must be Backstage's own, or the suite would prove
 * things about a permission model nobody runs: here they are compared with the real
 * ServerPermissionClient's, for every ML Home permission and every kind of restriction.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { BackstagePrincipalAccessRestrictions } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import {
  mlHomePermissions,
  mlHomeProjectReadPermission,
  mlHomeProjectUpdatePermission,
} from '@ml-home/plugin-ml-home-common';
import {
  ALICE,
  BOB,
  STATIC_TOKEN_RESTRICTIONS,
  STATIC_TOKEN_SUBJECT,
  TEAM_A,
  decide,
} from './__testUtils__/attackBackend';

const RESTRICTIONS: [
  string,
  BackstagePrincipalAccessRestrictions | undefined,
][] = [
  ['no restrictions (another plugin)', undefined],
  ['the static token', STATIC_TOKEN_RESTRICTIONS],
  ['no permission at all', { permissionNames: [] }],
  ['create actions only', { permissionAttributes: { action: ['create'] } }],
  [
    'read by name, update by action',
    {
      permissionNames: [mlHomeProjectReadPermission.name],
      permissionAttributes: { action: ['update'] },
    },
  ],
];

describe('the attack harness', () => {
  // Service principals are decided from their restrictions without asking the permission
  // backend, so the client needs no server behind its discovery.
  const real = ServerPermissionClient.fromConfig(
    mockServices.rootConfig({ data: { permission: { enabled: true } } }),
    { auth: mockServices.auth(), discovery: mockServices.discovery() },
  );

  it.each(RESTRICTIONS)(
    'decides a service principal with %s exactly as Backstage does',
    async (_name, restrictions) => {
      const credentials = mockCredentials.service(
        STATIC_TOKEN_SUBJECT,
        restrictions,
      );
      const requests = mlHomePermissions.map(permission => ({ permission }));
      const expected = await real.authorizeConditional(requests as any, {
        credentials,
      });
      expect(mlHomePermissions.map(p => decide(p, credentials).result)).toEqual(
        expected.map((d: { result: AuthorizeResult }) => d.result),
      );
    },
  );

  it('allows the static token reading and ingesting only', () => {
    const credentials = mockCredentials.service(
      STATIC_TOKEN_SUBJECT,
      STATIC_TOKEN_RESTRICTIONS,
    );
    expect(
      Object.fromEntries(
        mlHomePermissions.map(p => [p.name, decide(p, credentials).result]),
      ),
    ).toEqual({
      'ml-home.project.create': AuthorizeResult.DENY,
      'ml-home.project.read': AuthorizeResult.ALLOW,
      'ml-home.project.update': AuthorizeResult.DENY,
      'ml-home.project.delete': AuthorizeResult.DENY,
      'ml-home.run.write': AuthorizeResult.ALLOW,
      'ml-home.certification.attest': AuthorizeResult.DENY,
      'ml-home.certification.review': AuthorizeResult.DENY,
      'ml-home.admin.imports': AuthorizeResult.DENY,
    });
  });

  it('decides users like the example policy: members of the owner group change a project', () => {
    const update = (user: string) =>
      decide(mlHomeProjectUpdatePermission, mockCredentials.user(user));
    expect(update(ALICE)).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { owners: expect.arrayContaining([TEAM_A]) } },
    });
    expect(update(BOB)).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { owners: expect.not.arrayContaining([TEAM_A]) } },
    });
  });
});
