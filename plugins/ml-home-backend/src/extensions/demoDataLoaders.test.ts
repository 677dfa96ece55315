import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import type { MlHomeDemoDataWriter } from '@ml-home/plugin-ml-home-node/alpha';
import { DemoDataLoaders } from './demoDataLoaders';

const writer: MlHomeDemoDataWriter = {
  as: () => {
    throw new Error('not used here');
  },
};

describe('DemoDataLoaders', () => {
  it('runs nothing and asks nothing when no loader was added', async () => {
    const isEmpty = jest.fn(async () => true);
    await expect(
      new DemoDataLoaders().runIfEmpty({
        isEmpty,
        writer,
        logger: mockServices.logger.mock(),
      }),
    ).resolves.toBe(false);
    expect(isEmpty).not.toHaveBeenCalled();
  });

  it('runs every loader in order on an empty database, deciding emptiness once', async () => {
    const loaders = new DemoDataLoaders();
    const order: string[] = [];
    loaders.add({ id: 'a', load: async () => void order.push('a') });
    loaders.add({ id: 'b', load: async () => void order.push('b') });
    const isEmpty = jest.fn(async () => true);
    await expect(
      loaders.runIfEmpty({
        isEmpty,
        writer,
        logger: mockServices.logger.mock(),
      }),
    ).resolves.toBe(true);
    expect(order).toEqual(['a', 'b']);
    expect(isEmpty).toHaveBeenCalledTimes(1);
  });

  it('runs none when the database holds data', async () => {
    const loaders = new DemoDataLoaders();
    const load = jest.fn();
    loaders.add({ id: 'a', load });
    await expect(
      loaders.runIfEmpty({
        isEmpty: async () => false,
        writer,
        logger: mockServices.logger.mock(),
      }),
    ).resolves.toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('goes on after a conflict (another replica loading), and stops on any other error', async () => {
    const loaders = new DemoDataLoaders();
    const after = jest.fn();
    loaders.add({
      id: 'racing',
      load: async () => {
        throw new ConflictError("Project 'churn' already exists");
      },
    });
    loaders.add({ id: 'after', load: after });
    const logger = mockServices.logger.mock();
    await loaders.runIfEmpty({ isEmpty: async () => true, writer, logger });
    expect(after).toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Demo-data loader racing stopped'),
    );

    const broken = new DemoDataLoaders();
    broken.add({
      id: 'broken',
      load: async () => {
        throw new Error('bad data');
      },
    });
    await expect(
      broken.runIfEmpty({ isEmpty: async () => true, writer, logger }),
    ).rejects.toThrow('bad data');
  });

  it('refuses a loader without an id or load, and a second one with the same id', () => {
    const loaders = new DemoDataLoaders();
    expect(() => loaders.add({ id: ' ', load: async () => {} })).toThrow(
      'A demo-data loader needs an id',
    );
    expect(() =>
      loaders.add({ id: 'x' } as Parameters<DemoDataLoaders['add']>[0]),
    ).toThrow('Demo-data loader x has no load function');
    loaders.add({ id: 'x', load: async () => {} });
    expect(() => loaders.add({ id: 'x', load: async () => {} })).toThrow(
      expect.objectContaining({ name: 'ConflictError' }),
    );
    expect(loaders.size).toBe(1);
  });
});
