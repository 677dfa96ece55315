/*
 * Attack: calling ML Home without a valid identity. Every operation of the OpenAPI document is
 * sent with each kind of bad credential — none, garbage, a stale JWT, Basic auth, a dead project
 * token… — and must answer 401 without writing anything. The operations come from the document
 * itself, so a new route is swept as soon as it is declared.
 */
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  ALICE,
  BASE,
  asUser,
  startAttackBackend,
} from './__testUtils__/attackBackend';
import { contentSnapshot, snapshotDiff } from './__testUtils__/database';
import {
  Fixtures,
  required,
  seedFixtures,
  tokenOf,
} from './__testUtils__/fixtures';
import { leaksIn } from './__testUtils__/leaks';
import {
  requestFor,
  send,
  specOperationCount,
  specOperations,
} from './__testUtils__/operations';

jest.setTimeout(180_000);

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** Shaped like a Backstage user token, signed by nobody, expired in 2020. */
const STALE_JWT = [
  base64url({ alg: 'ES256', kid: 'f00d', typ: 'vnd.backstage.user' }),
  base64url({
    iss: 'http://localhost:7007/api/auth',
    sub: ALICE,
    ent: [ALICE, 'group:default/team-a'],
    aud: 'backstage',
    iat: 1577836800,
    exp: 1577840400,
  }),
  Buffer.from('not-a-signature').toString('base64url'),
].join('.');

/** The same claims, valid for a century, with no signature at all (`alg: none`). */
const UNSIGNED_JWT = [
  base64url({ alg: 'none', typ: 'vnd.backstage.user' }),
  base64url({
    sub: ALICE,
    ent: [ALICE, 'group:default/team-a'],
    aud: 'backstage',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3_153_600_000,
  }),
  '',
].join('.');

interface BadCredential {
  name: string;
  headers: (fixtures: Fixtures) => Record<string, string>;
}

const BAD_CREDENTIALS: BadCredential[] = [
  { name: 'no credentials', headers: () => ({}) },
  {
    name: 'a garbage bearer token',
    headers: () => ({ Authorization: 'Bearer garbage' }),
  },
  {
    name: 'an empty bearer token',
    headers: () => ({ Authorization: 'Bearer ' }),
  },
  {
    name: 'an expired Backstage-looking JWT',
    headers: () => ({ Authorization: `Bearer ${STALE_JWT}` }),
  },
  {
    name: 'an unsigned (alg none) JWT',
    headers: () => ({ Authorization: `Bearer ${UNSIGNED_JWT}` }),
  },
  {
    name: 'an invalid user token',
    headers: () => ({ Authorization: mockCredentials.user.invalidHeader() }),
  },
  {
    name: 'an invalid service token',
    headers: () => ({ Authorization: mockCredentials.service.invalidHeader() }),
  },
  {
    name: 'Basic auth',
    headers: () => ({
      Authorization: `Basic ${Buffer.from('alice:password').toString('base64')}`,
    }),
  },
  {
    name: 'a made-up project token',
    headers: () => ({ Authorization: `Bearer mlh_${'A'.repeat(43)}` }),
  },
  {
    name: 'a revoked project token',
    headers: f => ({
      Authorization: `Bearer ${required(f.revoked, 'revoked token').secret}`,
    }),
  },
  {
    name: 'an expired project token',
    headers: f => ({
      Authorization: `Bearer ${required(f.expired, 'expired token').secret}`,
    }),
  },
  {
    name: 'a live project token in the Basic scheme',
    headers: f => ({ Authorization: `Basic ${tokenOf(f.alpha).secret}` }),
  },
  {
    name: 'a live project token with its prefix upper-cased',
    headers: f => ({
      Authorization: `Bearer ${tokenOf(f.alpha).secret.replace(/^mlh_/, 'MLH_')}`,
    }),
  },
  {
    name: 'a limited-access user cookie (for browser downloads only)',
    headers: () => ({ Cookie: mockCredentials.limitedUser.cookie(ALICE) }),
  },
];

describe('attack: authentication', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let api: () => any;
    let fixtures: Fixtures;
    const operations = specOperations();

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const started = await startAttackBackend(knex);
      api = started.api;
      fixtures = await seedFixtures(started.server, knex);
    });

    it('sweeps every operation the OpenAPI document declares', () => {
      expect(operations.length).toBe(specOperationCount());
      expect(new Set(operations.map(o => o.operationId)).size).toBe(
        operations.length,
      );
      expect(operations.length).toBeGreaterThanOrEqual(55);
    });

    it.each(BAD_CREDENTIALS.map(c => [c.name, c] as const))(
      'answers %s with 401 on every operation and writes nothing',
      async (_name, credential) => {
        const headers = credential.headers(fixtures);
        const before = await contentSnapshot(knex);
        const wrong: string[] = [];
        for (const op of operations) {
          const built = requestFor(op, fixtures.alpha);
          const res = await send(api, built, undefined, headers);
          if (res.status !== 401) {
            wrong.push(
              `${built.label} → ${res.status} ${res.body?.error?.message ?? ''}`,
            );
          }
          const leaks = leaksIn(res.body);
          if (leaks.length) wrong.push(`${built.label} leaks ${leaks}`);
        }
        expect(wrong).toEqual([]);
        expect(snapshotDiff(before, await contentSnapshot(knex))).toEqual([]);
      },
    );

    it('authenticates before it reads or validates a request', async () => {
      // An anonymous caller learns nothing about bodies or parameters: not even a 400 or 413.
      const wrong: string[] = [];
      for (const op of operations) {
        const built = requestFor(op, fixtures.alpha);
        const url = built.url.replace(fixtures.alpha.name, 'NOT%20A%20SLUG');
        let req = api()
          [built.method](url)
          .set('Content-Type', 'application/json');
        if (op.method !== 'get') req = req.send('{"unterminated": ');
        const res = await req;
        if (res.status !== 401) wrong.push(`${built.label} → ${res.status}`);
      }
      const huge = await api()
        .post(`${BASE}/projects/alpha/ingest`)
        .set('Content-Type', 'application/json')
        .send(`{"runs": "${'x'.repeat(6 * 1024 * 1024)}"}`);
      if (huge.status !== 401)
        wrong.push(`6 MiB anonymous ingest → ${huge.status}`);
      for (const path of [
        '/admin',
        '/projects/alpha/secrets',
        '/../catalog/entities',
      ]) {
        const res = await api().get(`${BASE}${path}`);
        if (res.status !== 401) wrong.push(`GET ${path} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });

    it('still lets the owner and a live project token in', async () => {
      const owner = await api()
        .get(`${BASE}/projects/alpha`)
        .set('Authorization', asUser(ALICE));
      expect(owner.status).toBe(200);
      const token = await api()
        .get(`${BASE}/projects/alpha/runs`)
        .set('Authorization', `Bearer ${tokenOf(fixtures.alpha).secret}`);
      expect(token.status).toBe(200);
      expect(token.body.items.map((r: any) => r.id)).toEqual([
        fixtures.alpha.runId,
      ]);
    });
  });
});
