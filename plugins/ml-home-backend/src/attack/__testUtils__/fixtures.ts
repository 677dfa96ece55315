/*
 * The world the attacks run against: two teams' projects, each with one of everything ML Home
 * stores (a run with params, tags and metrics, a dataset it read, a model with a version from
 * that run and an alias, an evaluation, a deployment with monitoring, a note and tags), written
 * through the API by the project's owners, plus project tokens (live, revoked and expired).
 */
import { Knex } from 'knex';
import request from 'supertest';
import { ALICE, BASE, BOB, TEAM_A, TEAM_B, asUser } from './attackBackend';

export interface ProjectFixture {
  name: string;
  owner: string;
  ownerUser: string;
  id: string;
  runId: string;
  experiment: string;
  dataset: string;
  model: string;
  modelId: string;
  versionId: string;
  evaluationId: string;
  deploymentId: string;
  service: string;
  noteId: string;
  noteRevision: number;
  /** A live project token of this project; undefined while tokens cannot be created. */
  token?: { id: string; secret: string };
  /** Why the token could not be created, for the tests that need it. */
  tokenError?: string;
}

export interface Fixtures {
  alpha: ProjectFixture;
  bravo: ProjectFixture;
  /** Project tokens of alpha that must no longer work. */
  revoked?: { id: string; secret: string };
  expired?: { id: string; secret: string };
}

type Server = Parameters<typeof request>[0];

async function ok(
  what: string,
  res: request.Response,
  status: number | number[],
): Promise<request.Response> {
  const expected = Array.isArray(status) ? status : [status];
  if (!expected.includes(res.status)) {
    throw new Error(
      `Seeding the attack fixtures failed at ${what}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return res;
}

export async function createToken(
  server: Server,
  project: string,
  by: string,
  name: string,
): Promise<{ id: string; secret: string } | string> {
  const res = await request(server)
    .post(`${BASE}/projects/${project}/tokens`)
    .set('Authorization', asUser(by))
    .send({ name });
  if (res.status !== 201 || typeof res.body?.secret !== 'string') {
    return `POST /projects/${project}/tokens answered ${res.status} ${JSON.stringify(res.body)}`;
  }
  return { id: res.body.token.id, secret: res.body.secret };
}

async function seedProject(
  server: Server,
  name: string,
  owner: string,
  ownerUser: string,
  runId: string,
): Promise<ProjectFixture> {
  const as = asUser(ownerUser);
  const post = (path: string, body: object) =>
    request(server).post(`${BASE}${path}`).set('Authorization', as).send(body);
  const put = (path: string, body: object) =>
    request(server).put(`${BASE}${path}`).set('Authorization', as).send(body);

  const project = await ok(
    `project ${name}`,
    await post('/projects', {
      name,
      owner,
      title: `Project ${name}`,
      description: `The ${name} team's project`,
      tags: ['seed'],
    }),
    201,
  );
  const dataset = `${name}-data`;
  await ok(
    `dataset of ${name}`,
    await post(`/projects/${name}/datasets`, {
      name: dataset,
      kind: 'evaluation-set',
      features: [{ name: 'country', type: 'category' }],
    }),
    201,
  );
  const model = `${name}-model`;
  const created = await ok(
    `model of ${name}`,
    await post(`/projects/${name}/models`, { name: model }),
    201,
  );
  const experiment = 'train';
  await ok(
    `run of ${name}`,
    await post(`/projects/${name}/ingest`, {
      runs: [
        {
          runId,
          experiment,
          name: `${name}-run`,
          status: 'FINISHED',
          startTime: 1_700_000_000_000,
          params: [{ key: 'optimizer', value: 'adam' }],
          tags: [{ key: 'stage', value: 'seed' }],
          metrics: [
            { key: 'loss', value: 0.9, step: 0, timestamp: 1_700_000_000_000 },
            { key: 'loss', value: 0.4, step: 1, timestamp: 1_700_000_001_000 },
            { key: 'auc', value: 0.8, step: 1, timestamp: 1_700_000_001_000 },
          ],
        },
      ],
    }),
    200,
  );
  await ok(
    `run inputs of ${name}`,
    await post(`/runs/${runId}/inputs`, { datasets: [dataset] }),
    200,
  );
  const version = await ok(
    `version of ${name}`,
    await post(`/models/${model}/versions`, {
      runId,
      artifactUri: `s3://models/${name}/1`,
    }),
    201,
  );
  await ok(
    `alias of ${name}`,
    await put(`/models/${model}/aliases/champion`, { version: 1 }),
    200,
  );
  const evaluation = await ok(
    `evaluation of ${name}`,
    await post(`/models/${model}/versions/1/evaluations`, {
      name: 'holdout',
      dataset,
      results: [
        { slice: 'overall', metric: 'auc', value: 0.8 },
        { slice: 'country=de', metric: 'auc', value: 0.7 },
      ],
      thresholds: [{ metric: 'auc', op: '>=', value: 0.5 }],
    }),
    201,
  );
  const service = `component:default/${name}-service`;
  const deployment = await ok(
    `deployment of ${name}`,
    await post(`/models/${model}/deployments`, {
      version: 1,
      environment: 'production',
      service,
    }),
    201,
  );
  await ok(
    `monitoring of ${name}`,
    await post(`/deployments/${deployment.body.id}/monitoring`, {
      points: [{ metric: 'latency_ms', value: 12, timestamp: 1_700_000_000 }],
    }),
    200,
  );
  const note = await ok(
    `note of ${name}`,
    await post('/notes', {
      entityType: 'model',
      entityId: created.body.id,
      body: `Notes on ${model}`,
    }),
    201,
  );
  await ok(
    `tags of ${name}`,
    await put('/tags', {
      entityType: 'model',
      entityId: created.body.id,
      tags: ['seed'],
    }),
    200,
  );
  const fixture: ProjectFixture = {
    name,
    owner,
    ownerUser,
    id: project.body.id,
    runId,
    experiment,
    dataset,
    model,
    modelId: created.body.id,
    versionId: version.body.id,
    evaluationId: evaluation.body.id,
    deploymentId: deployment.body.id,
    service,
    noteId: note.body.id,
    noteRevision: note.body.revision,
  };
  const token = await createToken(server, name, ownerUser, 'ci');
  if (typeof token === 'string') {
    fixture.tokenError = token;
  } else {
    fixture.token = token;
  }
  return fixture;
}

/** Seeds team A's project `alpha` and team B's project `bravo`, and alpha's dead tokens. */
export async function seedFixtures(
  server: Server,
  knex: Knex,
): Promise<Fixtures> {
  const alpha = await seedProject(
    server,
    'alpha',
    TEAM_A,
    ALICE,
    'a1'.repeat(16),
  );
  const bravo = await seedProject(
    server,
    'bravo',
    TEAM_B,
    BOB,
    'b2'.repeat(16),
  );
  const fixtures: Fixtures = { alpha, bravo };

  const revoked = await createToken(server, 'alpha', ALICE, 'revoked');
  if (typeof revoked !== 'string') {
    const res = await request(server)
      .delete(`${BASE}/projects/alpha/tokens/${revoked.id}`)
      .set('Authorization', asUser(ALICE));
    if (res.status === 200) {
      fixtures.revoked = revoked;
    }
  }
  const expired = await createToken(server, 'alpha', ALICE, 'expired');
  if (typeof expired !== 'string') {
    // The clock moves past the expiry: the row says it ended yesterday.
    await knex('project_tokens')
      .where({ id: expired.id })
      .update({
        expires_at: new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString(),
      });
    fixtures.expired = expired;
  }
  return fixtures;
}

/** The live token of a project, or a failure that says why there is none. */
export function tokenOf(project: ProjectFixture): {
  id: string;
  secret: string;
} {
  if (!project.token) {
    throw new Error(
      `No project token of '${project.name}' could be created: ${project.tokenError}`,
    );
  }
  return project.token;
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(
      `The fixtures have no ${what}: project tokens could not be created or revoked`,
    );
  }
  return value;
}
