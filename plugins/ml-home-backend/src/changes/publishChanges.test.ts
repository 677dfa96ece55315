import { mockServices } from '@backstage/backend-test-utils';
import { ChangeTable, change, publishChanges } from './publishChanges';

/** A service with one mirrored write, one read and one failing write. */
interface Models {
  createModel(project: string, name: string): Promise<{ name: string }>;
  getModel(name: string): Promise<{ name: string }>;
  createDataset(project: string, name: string): Promise<{ name: string }>;
}

const models: Models = {
  createModel: async (_project, name) => ({ name }),
  getModel: async name => ({ name }),
  createDataset: async () => {
    throw new Error('rejected');
  },
};

const changes: ChangeTable<Models> = {
  createModel: ([project], m) => [change('model', 'created', project, m.name)],
  createDataset: ([project, name]) => [
    change('dataset', 'created', project, name),
  ],
};

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
      models,
      changes,
      events,
      mockServices.logger.mock(),
    );
    await service.getModel('m');
    await expect(service.createDataset('p', 'd')).rejects.toThrow('rejected');
    expect(published).toEqual([]);
    await service.createModel('p', 'm');
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
      models,
      changes,
      {
        publish: async () => {
          throw new Error('bus down');
        },
        subscribe: async () => {},
      },
      logger,
    );
    await expect(service.createModel('p', 'm')).resolves.toEqual({
      name: 'm',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('bus down'),
    );
  });
});
