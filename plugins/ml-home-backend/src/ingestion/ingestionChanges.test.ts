import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import { MlHomeChangeEvent } from '@ml-home/plugin-ml-home-common';
import request from 'supertest';
import { mlHomePlugin } from '../plugin';

/*
 * What a batch announces on the events service: the versions, aliases and deployments it writes
 * are announced like the same writes through their own routes, so the catalog mirrors them at
 * once instead of at its next full refresh.
 */

jest.setTimeout(120_000);

const ALICE = 'user:default/alice';
const RUN = 'a'.repeat(32);
const NEXT_RUN = 'b'.repeat(32);

describe('batch ingestion announces its writes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'like the single routes do, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const published: EventParams[] = [];
      const { server } = await startTestBackend({
        features: [
          mlHomePlugin,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.database.factory({ knex }),
          mockServices.userInfo.mock({
            getUserInfo: async () => ({
              userEntityRef: ALICE,
              ownershipEntityRefs: [ALICE, 'group:default/team-a'],
            }),
          }).factory,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'team-a', namespace: 'default' },
                spec: { type: 'team', children: [] },
              },
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: { name: 'feed-service', namespace: 'default' },
                spec: {},
              },
            ],
          }),
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => ({
              publish: async (event: EventParams) => {
                published.push(event);
              },
              subscribe: async () => {},
            }),
          }),
          mockServices.rootConfig.factory({ data: {} }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      const api = (method: 'post' | 'put', path: string, body: object) =>
        request(server)
          [method](`/api/ml-home${path}`)
          .set('Authorization', mockCredentials.user.header(ALICE))
          .send(body);
      const announced = () =>
        published.map(e => {
          const { entity, action, project, name } =
            e.eventPayload as MlHomeChangeEvent;
          return `${entity} ${action} ${project}/${name}`;
        });

      expect(
        (
          await api('post', '/projects', {
            name: 'feed',
            owner: 'group:default/team-a',
          })
        ).status,
      ).toBe(201);
      expect(
        (await api('post', '/projects/feed/models', { name: 'ranker' })).status,
      ).toBe(201);
      expect(
        (await api('post', '/projects/feed/models', { name: 'scorer' })).status,
      ).toBe(201);
      published.length = 0;

      // Runs alone: nothing outside ML Home mirrors them.
      const runs = await api('post', '/projects/feed/ingest', {
        runs: [{ runId: RUN, experiment: 'training' }],
      });
      expect(runs.status).toBe(200);
      expect(announced()).toEqual([]);

      const batch = {
        requestId: 'release-1',
        runs: [{ runId: NEXT_RUN, experiment: 'training' }],
        modelVersions: [
          { model: 'ranker', runId: RUN, aliases: ['champion'] },
          { model: 'scorer', runId: NEXT_RUN },
        ],
        deployments: [
          {
            model: 'ranker',
            runId: RUN,
            environment: 'production',
            service: 'component:default/feed-service',
          },
        ],
      };
      const first = await api('post', '/projects/feed/ingest', batch);
      expect(first.status).toBe(200);
      expect(first.body.modelVersions).toEqual([
        expect.objectContaining({ model: 'ranker', version: 1, created: true }),
        expect.objectContaining({ model: 'scorer', version: 1, created: true }),
      ]);
      expect(announced()).toEqual([
        'model updated feed/ranker',
        'model updated feed/scorer',
        'deployment created feed/ranker',
      ]);

      // A replay wrote nothing, so it announces nothing.
      published.length = 0;
      const replay = await api('post', '/projects/feed/ingest', batch);
      expect(replay.body.replayed).toBe(true);
      expect(announced()).toEqual([]);

      // The same version again, with an alias moved onto it: the model changed, the existing
      // deployment did not.
      const again = await api('post', '/projects/feed/ingest', {
        modelVersions: [{ model: 'ranker', runId: RUN, aliases: ['stable'] }],
        deployments: batch.deployments,
      });
      expect(again.status).toBe(200);
      expect(again.body.modelVersions[0].created).toBe(false);
      expect(again.body.deployments[0].created).toBe(false);
      expect(announced()).toEqual(['model updated feed/ranker']);

      // The same through the single routes, for comparison: what they announce is what the
      // batch announced.
      published.length = 0;
      await api('post', '/models/scorer/versions', { runId: NEXT_RUN });
      await api('put', '/models/scorer/aliases/champion', { version: 2 });
      await api('post', '/models/scorer/deployments', {
        version: 2,
        environment: 'production',
        service: 'component:default/feed-service',
      });
      expect(announced()).toEqual([
        'model updated feed/scorer',
        'model updated feed/scorer',
        'deployment created feed/scorer',
      ]);
    },
  );
});
