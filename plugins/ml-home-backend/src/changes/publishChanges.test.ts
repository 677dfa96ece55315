import { mockServices } from '@backstage/backend-test-utils';
import { MlHomeService } from '../service/MlHomeService';
import { publishChanges } from './publishChanges';

const caller = { credentials: {} as any, actor: 'user:default/a' };

/** Only the methods a test calls; the rest of the interface is never touched. */
function innerService(methods: Partial<MlHomeService>): MlHomeService {
  return methods as MlHomeService;
}

describe('publishChanges', () => {
  it('announces a write after it succeeds, and nothing for reads or failures', async () => {
    const published: unknown[] = [];
    const events = {
      publish: async (e: unknown) => {
        published.push(e);
      },
      subscribe: async () => {},
    };
    const service = publishChanges(
      innerService({
        createModel: async (_c, project, request) =>
          ({ project, name: request.name }) as any,
        getModel: async (_c, name) => ({ name }) as any,
        createDataset: async () => {
          throw new Error('rejected');
        },
      }),
      events,
      mockServices.logger.mock(),
    );
    await service.getModel(caller, 'm');
    await expect(
      service.createDataset(caller, 'p', { name: 'd', kind: 'training-set' }),
    ).rejects.toThrow('rejected');
    expect(published).toEqual([]);
    await service.createModel(caller, 'p', { name: 'm' });
    expect(published).toEqual([
      {
        topic: 'ml-home',
        eventPayload: {
          entity: 'model',
          action: 'created',
          project: 'p',
          name: 'm',
        },
      },
    ]);
  });

  it('keeps the write when the announcement fails', async () => {
    const logger = mockServices.logger.mock();
    const service = publishChanges(
      innerService({
        createModel: async (_c, project, request) =>
          ({ project, name: request.name }) as any,
      }),
      {
        publish: async () => {
          throw new Error('bus down');
        },
        subscribe: async () => {},
      },
      logger,
    );
    await expect(
      service.createModel(caller, 'p', { name: 'm' }),
    ).resolves.toMatchObject({ name: 'm' });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('bus down'),
    );
  });
});
