import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseProjectsStore } from '../projects/DatabaseProjectsStore';
import { mlHomePlugin } from '../plugin';
import { errorHandling } from './errorHandling';

/*
 * What a failed request's body may say: a known error its message, anything else a reference to
 * the log and nothing of the database, its SQL or the code's files. Each database is a throwaway
 * one that the tests break on purpose.
 */

jest.setTimeout(120_000);

const ALICE = mockCredentials.user.header('user:default/alice');
const RUN = 'a'.repeat(32);

/** Anything that would tell a caller about our database or code. */
const INTERNALS =
  /\b(select|insert|update|delete|from|where|returning|constraint|sqlite|postgres|relation|run_tags|events_action|node_modules)\b|\.ts\b|\.js\b|\/work\//i;

describe('error bodies', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          mlHomePlugin,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({ data: {} }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      }));
      await new DatabaseProjectsStore(knex).createProject(
        {
          name: 'broken',
          title: 'Broken',
          description: '',
          owner: 'group:default/team-a',
          lifecycle: 'experimental',
          tags: [],
          links: [],
          relatedEntities: [],
        },
        'user:default/alice',
      );
      const logged = await request(server)
        .post('/api/ml-home/projects/broken/ingest')
        .set('Authorization', ALICE)
        .send({
          runs: [
            {
              runId: RUN,
              experiment: 'e',
              tags: [{ key: 't', value: 'v' }],
            },
          ],
        });
      if (logged.status !== 200) {
        throw new Error(`seeding failed: ${JSON.stringify(logged.body)}`);
      }
    });

    it('keeps the message of a known error', async () => {
      const res = await request(server)
        .post('/api/ml-home/projects/broken/ingest')
        .set('Authorization', ALICE)
        .send({
          runs: [{ experiment: 'e', params: [{ key: ' ', value: 'v' }] }],
        });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        name: 'InputError',
        message: 'runs[0].params[0].key must not be empty',
      });

      const missing = await request(server)
        .get('/api/ml-home/runs/ffffffffffffffffffffffffffffffff')
        .set('Authorization', ALICE);
      expect(missing.status).toBe(404);
      expect(missing.body.error.name).toBe('NotFoundError');
    });

    it('answers a unique violation that escapes as a plain conflict', async () => {
      // Two events of one action can no longer be written: the second batch's event collides.
      await knex.schema.alterTable('events', table => {
        table.unique(['action'], { indexName: 'events_action_uq' });
      });
      try {
        const res = await request(server)
          .post('/api/ml-home/projects/broken/ingest')
          .set('Authorization', ALICE)
          .send({ runs: [{ runId: RUN, experiment: 'e' }] });
        expect(res.status).toBe(409);
        expect(res.body.error.name).toBe('ConflictError');
        expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
        expect(res.body.error.stack).toBeUndefined();
      } finally {
        await knex.schema.alterTable('events', table => {
          table.dropUnique(['action'], 'events_action_uq');
        });
      }
    });

    it('answers any other failure with a reference and nothing of the database or the code', async () => {
      await knex.schema.dropTable('run_tags');
      const res = await request(server)
        .get(`/api/ml-home/runs/${RUN}`)
        .set('Authorization', ALICE);
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({
        name: 'Error',
        message: expect.stringMatching(
          /^Internal error \(ref [0-9a-f-]{36}\)$/,
        ),
      });
      expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);

      const write = await request(server)
        .post('/api/ml-home/projects/broken/ingest')
        .set('Authorization', ALICE)
        .send({
          runs: [{ experiment: 'e', tags: [{ key: 't', value: 'v' }] }],
        });
      expect(write.status).toBe(500);
      expect(write.body.error.message).toMatch(/^Internal error \(ref /);
      expect(JSON.stringify(write.body)).not.toMatch(INTERNALS);
    });
  });
});

describe('errorHandling', () => {
  /** What the middleware logs and passes on for `error`. */
  const handle = (error: unknown) => {
    const logged: { level: string; message: string; meta: unknown }[] = [];
    const log = (level: string) => (message: string, meta?: unknown) =>
      logged.push({ level, message, meta });
    const logger = {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: () => logger,
    };
    let passed: any;
    errorHandling(logger as any)(
      error,
      { method: 'GET', originalUrl: '/api/ml-home/runs/x' } as any,
      {} as any,
      (e?: unknown) => {
        passed = e;
      },
    );
    return { passed, logged };
  };

  it('logs what it hides under the reference it answers with', () => {
    const original = new Error('select * from run_tags - no such table');
    const { passed, logged } = handle(original);
    const ref = /\(ref ([0-9a-f-]{36})\)$/.exec(passed.message)![1];
    expect(passed.stack).toBe(`Error: Internal error (ref ${ref})`);
    expect(logged).toEqual([
      {
        level: 'error',
        message: expect.stringContaining(`ref ${ref}`),
        meta: original,
      },
    ]);
  });

  it('passes known errors on as they are, without a cause', () => {
    const plain = new NotFoundError('No run x');
    expect(handle(plain).passed).toBe(plain);

    const withCause = new ConflictError(
      'name taken',
      new Error('duplicate key value violates unique constraint "x_uq"'),
    );
    const { passed, logged } = handle(withCause);
    expect(passed).toBe(withCause);
    expect(passed.cause).toBeUndefined();
    expect(passed.message).toBe('name taken');
    expect(logged[0].meta).toEqual(
      expect.objectContaining({ message: expect.stringContaining('x_uq') }),
    );
  });

  it('turns unique violations of either database into conflicts', () => {
    for (const error of [
      Object.assign(new Error('duplicate key value'), { code: '23505' }),
      Object.assign(new Error('UNIQUE constraint failed: runs.id'), {
        code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      }),
    ]) {
      const { passed } = handle(error);
      expect(passed.name).toBe('ConflictError');
      expect(passed.message).not.toMatch(/runs|duplicate|constraint/);
    }
  });

  it("keeps express's own client errors, such as a malformed JSON body", () => {
    const malformed = Object.assign(new SyntaxError('Unexpected token }'), {
      status: 400,
      expose: true,
    });
    expect(handle(malformed).passed).toBe(malformed);
    expect(handle('a string').passed.message).toMatch(/^Internal error/);
  });
});
