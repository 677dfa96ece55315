import { mockServices } from '@backstage/backend-test-utils';
import { mlHomeProjectReadPermission } from '@ml-home/plugin-ml-home-common';
import { Readable } from 'stream';
import { FakeMlHome, model, project } from '../__testUtils__/FakeMlHome';
import { MlHomeCollatorFactory, MlHomeDocument } from './MlHomeCollatorFactory';

async function collect(stream: Readable): Promise<MlHomeDocument[]> {
  const documents: MlHomeDocument[] = [];
  for await (const document of stream) {
    documents.push(document);
  }
  return documents;
}

describe('MlHomeCollatorFactory', () => {
  it('indexes projects and models with their kind, owner, tags and lifecycle', async () => {
    const fake = new FakeMlHome();
    fake.projects = [
      project({
        name: 'churn-prediction',
        title: 'Churn prediction',
        description: 'Predicts which subscribers cancel next month.',
        owner: 'group:default/churn-prediction',
        lifecycle: 'production',
        tags: ['tabular', 'gbdt'],
      }),
    ];
    fake.models = [
      model({
        name: 'churn-prediction-model',
        project: 'churn-prediction',
        description: 'The model behind Churn prediction.',
        owner: 'group:default/retention',
      }),
    ];
    const factory = new MlHomeCollatorFactory({ client: fake });

    const documents = await collect(await factory.getCollator());

    expect(factory.type).toBe('ml-home');
    expect(factory.visibilityPermission).toBe(mlHomeProjectReadPermission);
    expect(documents).toEqual([
      {
        title: 'Churn prediction',
        text: 'Predicts which subscribers cancel next month.\ntabular gbdt\nchurn-prediction',
        location: '/ml-home/projects/churn-prediction',
        kind: 'project',
        name: 'churn-prediction',
        project: 'churn-prediction',
        owner: 'group:default/churn-prediction',
        tags: ['tabular', 'gbdt'],
        lifecycle: 'production',
        authorization: { resourceRef: 'churn-prediction' },
      },
      {
        title: 'churn-prediction-model',
        text: 'The model behind Churn prediction.\nChurn prediction (churn-prediction)\ntabular gbdt\nretention',
        location: '/ml-home/models/churn-prediction-model',
        kind: 'model',
        name: 'churn-prediction-model',
        project: 'churn-prediction',
        owner: 'group:default/retention',
        tags: ['tabular', 'gbdt'],
        lifecycle: 'production',
        authorization: { resourceRef: 'churn-prediction' },
      },
    ]);
  });

  it('reads every page of both lists', async () => {
    const fake = new FakeMlHome();
    fake.projects = Array.from({ length: 450 }, (_, i) =>
      project({ name: `p-${String(i).padStart(3, '0')}` }),
    );
    fake.models = fake.projects.map(p =>
      model({ name: `${p.name}-model`, project: p.name }),
    );

    const documents = await collect(
      await new MlHomeCollatorFactory({ client: fake }).getCollator(),
    );

    expect(documents.filter(d => d.kind === 'project')).toHaveLength(450);
    expect(documents.filter(d => d.kind === 'model')).toHaveLength(450);
    expect(new Set(documents.map(d => d.location)).size).toBe(900);
    expect(fake.pagesServed).toEqual({ projects: 3, models: 3 });
  });

  it('leaves out models whose project was not listed, and says so', async () => {
    const fake = new FakeMlHome();
    fake.projects = [project({ name: 'a' })];
    fake.models = [
      model({ name: 'a-model', project: 'a' }),
      model({ name: 'b-model', project: 'b' }),
    ];
    const logger = mockServices.logger.mock();

    const documents = await collect(
      await new MlHomeCollatorFactory({ client: fake, logger }).getCollator(),
    );

    expect(documents.map(d => d.name)).toEqual(['a', 'a-model']);
    expect(logger.info).toHaveBeenCalledWith(
      'Indexed 1 ML Home projects and their models (1 models of newer projects left for the next run)',
    );
  });

  it('fails the run when ML Home fails', async () => {
    const fake = new FakeMlHome();
    fake.projects = [project({ name: 'a' })];
    fake.searchModels = async () => {
      throw new Error('ML Home is down');
    };

    await expect(
      collect(await new MlHomeCollatorFactory({ client: fake }).getCollator()),
    ).rejects.toThrow('ML Home is down');
  });
});
