import { mockServices } from '@backstage/backend-test-utils';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import { mlHomeProjectReadPermission } from '@ml-home/plugin-ml-home-common';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { FakeMlHome, model, project } from '../__testUtils__/FakeMlHome';
import {
  ML_HOME_PAGE_DOCUMENTS,
  MlHomeCollatorFactory,
  MlHomeDocument,
  MlHomePageDocument,
} from './MlHomeCollatorFactory';

type Document = MlHomeDocument | MlHomePageDocument;

async function collect(stream: Readable): Promise<Document[]> {
  const documents: Document[] = [];
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
      {
        kind: 'page',
        name: 'ml-home',
        title: 'ML Home',
        text: expect.stringContaining('Machine learning projects'),
        location: '/ml-home',
      },
      {
        kind: 'page',
        name: 'certification',
        title: 'ML model certification',
        text: expect.stringContaining('scorecards'),
        location: '/ml-home/certification',
      },
    ]);
  });

  it('indexes ML Home pages in a portal without projects, so a search for its type finds them on Lunr', async () => {
    const fake = new FakeMlHome();
    const factory = new MlHomeCollatorFactory({ client: fake });
    const engine = new LunrSearchEngine({
      logger: mockServices.logger.mock(),
    });

    await pipeline(
      await factory.getCollator(),
      await engine.getIndexer(factory.type),
    );
    const found = await engine.query({
      term: 'ML Home',
      types: [factory.type],
    });
    const all = await engine.query({ term: '', types: [factory.type] });

    expect(found.results[0]?.document).toMatchObject({
      title: 'ML Home',
      location: '/ml-home',
    });
    expect(all.results.map(r => r.document.location).sort()).toEqual(
      ML_HOME_PAGE_DOCUMENTS.map(d => d.location).sort(),
    );
    // Pages carry no resource ref: search's visibility check applies only to projects and models.
    expect(all.results.every(r => !r.document.authorization)).toBe(true);
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
    expect(documents.filter(d => d.kind === 'page')).toHaveLength(2);
    expect(new Set(documents.map(d => d.location)).size).toBe(902);
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

    expect(documents.map(d => d.name)).toEqual([
      'a',
      'a-model',
      'ml-home',
      'certification',
    ]);
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
