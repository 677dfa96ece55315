/*
 * The example portal's access configuration, proven with Backstage's real services instead of
 * mocks: real token verification (auth, httpAuth, userInfo), the real permission service and
 * permission backend, the real example policy module, and ML_HOME_TOKEN configured exactly as
 * applyExternalAccessToken configures it. Only the sign-in is stood in for: a small `auth`
 * plugin publishes the key that signs the users' Backstage tokens, as the auth backend does.
 *
 * It proves the configuration, not a mock: the static token may read ML Home and ingest into it,
 * and nothing else — no take-over of a project, no alias move, no other plugin.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import mlHomePlugin from '@ml-home/plugin-ml-home-backend';
import { generateKeyPairSync, KeyObject, sign, verify } from 'crypto';
import { applyExternalAccessToken } from './externalAccess';
import { mlHomePermissionPolicyModule } from './permissionPolicy';

jest.setTimeout(120_000);

const ML_HOME_TOKEN = 'integration-static-ml-home-token';
const ALICE = 'user:default/alice';
const GUEST = 'user:default/guest';
const PAT = 'user:default/pat'; // the ML platform team: the example policy's reviewers
const KID = 'ml-home-access-test-key';

/** Each user's ownership refs, as the auth backend resolves them at sign-in. */
const OWNERSHIP: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/team-a'],
  [GUEST]: [GUEST, 'group:default/home-ranking'],
  [PAT]: [PAT, 'group:default/ml-platform'],
};

const { publicKey, privateKey } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
});

const b64 = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const signed = (head: string, key: KeyObject) =>
  `${head}.${sign('sha256', Buffer.from(head), {
    key,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url')}`;

/**
 * A Backstage user token, signed as the auth backend signs them (ES256, `ent` claims, and the
 * user identity proof `uip` that lets a plugin call another on the user's behalf).
 */
function userToken(sub: string, key: KeyObject = privateKey) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + 3600;
  const limited = signed(
    `${b64({ typ: 'vnd.backstage.limited-user', alg: 'ES256', kid: KID })}.${b64({ sub, iat, exp })}`,
    key,
  );
  return signed(
    `${b64({ alg: 'ES256', kid: KID, typ: 'vnd.backstage.user' })}.${b64({
      iss: 'http://localhost/api/auth',
      sub,
      ent: OWNERSHIP[sub],
      aud: 'backstage',
      iat,
      exp,
      uip: limited.split('.')[2],
    })}`,
    key,
  );
}

/**
 * Stands in for the auth backend: publishes the key that signs user tokens, and says whose a
 * (limited) user token is, which the permission backend asks before applying the policy.
 */
const signIn = createBackendPlugin({
  pluginId: 'auth',
  register(reg) {
    reg.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.addAuthPolicy({
          path: '/.well-known',
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({
          path: '/v1/userinfo',
          allow: 'unauthenticated',
        });
        httpRouter.use((req, res, next) => {
          if (req.path === '/.well-known/jwks.json') {
            res.json({
              keys: [
                {
                  ...publicKey.export({ format: 'jwk' }),
                  kid: KID,
                  alg: 'ES256',
                  use: 'sig',
                },
              ],
            });
            return;
          }
          if (req.path !== '/v1/userinfo') {
            next();
            return;
          }
          const [head, payload, signature] = (req.headers.authorization ?? '')
            .replace(/^Bearer /, '')
            .split('.');
          const genuine =
            !!signature &&
            verify(
              'sha256',
              Buffer.from(`${head}.${payload}`),
              { key: publicKey, dsaEncoding: 'ieee-p1363' },
              Buffer.from(signature, 'base64url'),
            );
          if (!genuine) {
            res.status(401).json({ error: { name: 'AuthenticationError' } });
            return;
          }
          const { sub } = JSON.parse(
            Buffer.from(payload, 'base64url').toString(),
          );
          res.json({ claims: { sub, ent: OWNERSHIP[sub] ?? [sub] } });
        });
      },
    });
  },
});

/** Another plugin of the portal: says who called it, if Backstage lets the caller in. */
const otherPlugin = createBackendPlugin({
  pluginId: 'other',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use((req, res, next) => {
          httpAuth
            .credentials(req)
            .then(credentials => res.json(credentials.principal))
            .catch(next);
        });
      },
    });
  },
});

describe('ML Home access in the example portal (real permission framework)', () => {
  let baseUrl = '';
  const alice = `Bearer ${userToken(ALICE)}`;
  const guest = `Bearer ${userToken(GUEST)}`;
  const staticToken = `Bearer ${ML_HOME_TOKEN}`;

  async function call(
    method: string,
    path: string,
    authorization: string,
    body?: object,
  ): Promise<{ status: number; body: any }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: authorization,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    const env: Record<string, string | undefined> = { ML_HOME_TOKEN };
    applyExternalAccessToken(env);
    // Backstage reads APP_CONFIG_backend_auth_externalAccess as JSON at backend.auth.externalAccess.
    const externalAccess = JSON.parse(
      env.APP_CONFIG_backend_auth_externalAccess!,
    );

    const { server } = await startTestBackend({
      features: [
        mlHomePlugin,
        permissionPlugin,
        mlHomePermissionPolicyModule,
        signIn,
        otherPlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        userInfoServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { auth: { externalAccess } },
            permission: { enabled: true },
            // No catalog in this backend: owners are checked against the users' groups only.
            mlHome: { checkOwnersInCatalog: false },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${server.port()}`;

    // Alice's team owns a project with a model whose version carries the champion alias.
    const steps = [
      await call('POST', '/api/ml-home/projects', alice, {
        name: 'alpha',
        owner: 'group:default/team-a',
      }),
      await call('POST', '/api/ml-home/projects/alpha/models', alice, {
        name: 'alpha-model',
      }),
      await call('POST', '/api/ml-home/models/alpha-model/versions', alice, {}),
      await call(
        'PUT',
        '/api/ml-home/models/alpha-model/aliases/champion',
        alice,
        { version: 1 },
      ),
    ];
    const failed = steps.filter(s => s.status >= 300);
    if (failed.length) {
      throw new Error(`Seeding failed: ${JSON.stringify(failed)}`);
    }
  });

  it('lets the static token read ML Home and ingest into it', async () => {
    const read = await call('GET', '/api/ml-home/projects/alpha', staticToken);
    expect(read.status).toBe(200);
    const ingest = await call(
      'POST',
      '/api/ml-home/projects/alpha/ingest',
      staticToken,
      {
        runs: [
          { experiment: 'nightly', metrics: [{ key: 'auc', value: 0.9 }] },
        ],
      },
    );
    expect(ingest.status).toBe(200);
    const version = await call(
      'POST',
      '/api/ml-home/models/alpha-model/versions',
      staticToken,
      { runId: ingest.body.runs[0].runId },
    );
    expect(version.status).toBe(201);
  });

  it('refuses the static token everything else in ML Home', async () => {
    const attempts: Record<string, [string, string, object?]> = {
      'take over the project': [
        'PATCH',
        '/projects/alpha',
        { owner: 'group:default/home-ranking' },
      ],
      'delete the project': ['DELETE', '/projects/alpha'],
      'move the champion alias': [
        'PUT',
        '/models/alpha-model/aliases/champion',
        { version: 2 },
      ],
      'drop the champion alias': [
        'DELETE',
        '/models/alpha-model/aliases/champion',
      ],
      'create a project': [
        'POST',
        '/projects',
        { name: 'planted', owner: 'group:default/team-a' },
      ],
      'mint a project token': [
        'POST',
        '/projects/alpha/tokens',
        { name: 'persistence' },
      ],
    };
    const statuses: Record<string, number> = {};
    for (const [what, [method, path, body]] of Object.entries(attempts)) {
      statuses[what] = (
        await call(method, `/api/ml-home${path}`, staticToken, body)
      ).status;
    }
    expect(statuses).toEqual({
      'take over the project': 403,
      'delete the project': 403,
      'move the champion alias': 403,
      'drop the champion alias': 403,
      'create a project': 403,
      'mint a project token': 403,
    });
    const project = await call('GET', '/api/ml-home/projects/alpha', alice);
    expect(project.body).toMatchObject({ owner: 'group:default/team-a' });
    expect(project.body.deletedAt).toBeUndefined();
    const model = await call('GET', '/api/ml-home/models/alpha-model', alice);
    expect(model.body.aliases).toEqual([
      expect.objectContaining({ alias: 'champion', version: 1 }),
    ]);
  });

  it('refuses the static token in every other plugin', async () => {
    const other = await call('GET', '/api/other/whoami', staticToken);
    const permission = await call(
      'POST',
      '/api/permission/authorize',
      staticToken,
      {
        items: [
          {
            id: '1',
            permission: {
              type: 'basic',
              name: 'catalog.entity.create',
              attributes: { action: 'create' },
            },
          },
        ],
      },
    );
    // Refused at the door (401) or as not allowed (403), but never served.
    expect([401, 403]).toContain(other.status);
    expect([401, 403]).toContain(permission.status);
    // The same plugin serves a signed-in user, so the refusal is the token's restriction.
    const user = await call('GET', '/api/other/whoami', alice);
    expect(user.body).toMatchObject({ type: 'user', userEntityRef: ALICE });
  });

  it('lets owners attest certification tests and the platform team review them, nobody else', async () => {
    const pat = `Bearer ${userToken(PAT)}`;
    const attest = (authorization: string) =>
      call(
        'POST',
        '/api/ml-home/models/alpha-model/scorecard/attestations',
        authorization,
        {
          checkId: 'model.spec-reviewed',
          evidenceUrl: 'https://docs.example.com/alpha/spec-review',
        },
      );
    expect((await attest(guest)).status).toBe(403);
    expect((await attest(staticToken)).status).toBe(403);
    const done = await attest(alice);
    expect(done.status).toBe(201);
    const review = (authorization: string) =>
      call(
        'POST',
        `/api/ml-home/models/alpha-model/scorecard/attestations/${done.body.id}/review`,
        authorization,
        { decision: 'reject', reason: 'No review notes in the document' },
      );
    expect((await review(alice)).status).toBe(403);
    expect((await review(guest)).status).toBe(403);
    expect((await review(staticToken)).status).toBe(403);
    const rejected = await review(pat);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'rejected', reviewedBy: PAT });
  });

  it("decides users with the example policy: a guest may read but not change another team's project", async () => {
    expect(
      (await call('GET', '/api/ml-home/projects/alpha', guest)).status,
    ).toBe(200);
    const takeOver = await call('PATCH', '/api/ml-home/projects/alpha', guest, {
      owner: 'group:default/home-ranking',
    });
    expect(takeOver.status).toBe(403);
    const alias = await call(
      'PUT',
      '/api/ml-home/models/alpha-model/aliases/champion',
      guest,
      { version: 1 },
    );
    expect(alias.status).toBe(403);
    const forgedKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = await call(
      'PATCH',
      '/api/ml-home/projects/alpha',
      `Bearer ${userToken(ALICE, forgedKey.privateKey)}`,
      { title: 'forged' },
    );
    expect(forged.status).toBe(401);
    const owner = await call('PATCH', '/api/ml-home/projects/alpha', alice, {
      title: 'Alpha',
    });
    expect(owner.status).toBe(200);
  });
});
