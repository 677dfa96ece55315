/*
 * ML models in the software catalog and in search: the catalog module publishes every demo model
 * (and dataset) as a Resource owned by its team and related to the services that name it in
 * `ml-home.io/models` (examples/systems.yaml); the search page finds ML Home projects and models.
 */
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const {
  checkAccessibility,
  screenshot,
  signInAsGuest,
  root,
} = require('../lib');
const { getGuestToken } = require('../../scripts/lib/backend');

/** How long the provider's first full run plus catalog processing may take after start-up. */
const CATALOG_PATIENCE_MS = 90_000;
const SEARCH_PATIENCE_MS = 60_000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** model entity ref → component refs that name it, read from the demo organisation's YAML. */
function componentsNamingModels() {
  const docs = yaml.loadAll(
    fs.readFileSync(path.join(root, 'examples/systems.yaml'), 'utf8'),
  );
  const expected = new Map();
  for (const doc of docs) {
    const value = doc?.metadata?.annotations?.['ml-home.io/models'];
    if (doc?.kind !== 'Component' || !value) continue;
    for (const name of value.split(/[\s,]+/).filter(Boolean)) {
      const ref = `resource:default/${name}`;
      expected.set(ref, [
        ...(expected.get(ref) ?? []),
        `component:default/${doc.metadata.name}`,
      ]);
    }
  }
  return expected;
}

async function queryCatalog(baseUrl, token, filter) {
  const items = [];
  let cursor;
  do {
    const query = cursor
      ? `cursor=${encodeURIComponent(cursor)}`
      : `filter=${encodeURIComponent(filter)}&limit=100`;
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?${query}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    assert.strictEqual(res.status, 200, await res.clone().text());
    const body = await res.json();
    items.push(...body.items);
    cursor = body.pageInfo?.nextCursor;
  } while (cursor);
  return items;
}

const relationTargets = (entity, type) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

module.exports = [
  {
    name: 'the catalog lists every demo ML model, owned by its team and a dependency of the services that serve it',
    async run({ baseUrl }) {
      const token = await getGuestToken(baseUrl);
      const expected = componentsNamingModels();
      // Every model ML Home holds becomes an entity: count them at the source.
      const registered = await fetch(`${baseUrl}/api/ml-home/models?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.strictEqual(registered.status, 200);
      const DEMO_MODELS = (await registered.json()).totalCount;
      assert.ok(DEMO_MODELS >= 40, `ML Home holds only ${DEMO_MODELS} models`);
      assert.ok(
        expected.size >= 30,
        `examples/systems.yaml names only ${expected.size} models`,
      );

      // The provider's first full run happens seconds after start-up; the catalog then processes
      // and stitches the entities. Wait until every model carries its relations.
      const deadline = Date.now() + CATALOG_PATIENCE_MS;
      let models = [];
      let problems = [];
      for (;;) {
        try {
          models = await queryCatalog(
            baseUrl,
            token,
            'kind=resource,spec.type=ml-model',
          );
        } catch (error) {
          // The catalog answers 503 while the backend is still starting up; keep polling.
          if (Date.now() > deadline) throw error;
          await sleep(2000);
          continue;
        }
        problems = [];
        if (models.length !== DEMO_MODELS) {
          problems.push(
            `${models.length} ml-model entities, expected ${DEMO_MODELS}`,
          );
        }
        for (const model of models) {
          const ref = `resource:default/${model.metadata.name}`;
          if (relationTargets(model, 'ownedBy').length !== 1) {
            problems.push(`${ref} has no ownedBy relation`);
          }
          const serving = relationTargets(model, 'dependencyOf');
          for (const component of expected.get(ref) ?? []) {
            if (!serving.includes(component)) {
              problems.push(`${ref} is not dependencyOf ${component}`);
            }
          }
        }
        if (problems.length === 0 || Date.now() > deadline) break;
        await sleep(2000);
      }
      assert.deepStrictEqual(problems, [], problems.slice(0, 10).join('\n'));

      const churn = models.find(
        m => m.metadata.name === 'churn-prediction-model',
      );
      assert.ok(churn, 'churn-prediction-model is in the catalog');
      assert.strictEqual(churn.spec.owner, 'group:default/churn-prediction');
      assert.deepStrictEqual(relationTargets(churn, 'ownedBy'), [
        'group:default/churn-prediction',
      ]);
      assert.deepStrictEqual(relationTargets(churn, 'partOf'), [
        'system:default/subscriptions',
      ]);
      assert.deepStrictEqual(relationTargets(churn, 'dependencyOf'), [
        'component:default/churn-scoring-service',
      ]);
      assert.strictEqual(
        churn.metadata.annotations['ml-home.io/model'],
        'churn-prediction-model',
      );
      assert.strictEqual(
        churn.metadata.annotations['ml-home.io/project'],
        'churn-prediction',
      );
      assert.ok(
        churn.metadata.links.some(l =>
          l.url.endsWith('/ml-home/models/churn-prediction-model'),
        ),
        JSON.stringify(churn.metadata.links),
      );
      // Models no service names are listed too, just without a serving component.
      const unserved = models.filter(
        m => !expected.has(`resource:default/${m.metadata.name}`),
      );
      assert.strictEqual(unserved.length, DEMO_MODELS - expected.size);

      // Datasets: every ML Home dataset (feature sets have their own type), owned by the
      // project's team, feeding the models trained on them.
      const datasetsRes = await fetch(
        `${baseUrl}/api/ml-home/datasets?limit=1&kind=training-set`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const trainingSets = (await datasetsRes.json()).totalCount;
      const evaluationSets = (
        await (
          await fetch(
            `${baseUrl}/api/ml-home/datasets?limit=1&kind=evaluation-set`,
            { headers: { Authorization: `Bearer ${token}` } },
          )
        ).json()
      ).totalCount;
      // The catalog processes entities one by one after the provider's mutation: wait for all.
      let datasets = [];
      for (const until = Date.now() + CATALOG_PATIENCE_MS; ;) {
        datasets = await queryCatalog(
          baseUrl,
          token,
          'kind=resource,spec.type=dataset',
        );
        const ready = datasets.filter(
          d => relationTargets(d, 'ownedBy').length === 1,
        );
        if (
          ready.length === trainingSets + evaluationSets ||
          Date.now() > until
        ) {
          break;
        }
        await sleep(2000);
      }
      assert.strictEqual(datasets.length, trainingSets + evaluationSets);
      const train = datasets.find(
        d =>
          d.metadata.annotations['ml-home.io/dataset'] ===
          'churn-prediction/churn-prediction-train',
      );
      assert.ok(train, 'the churn training set is in the catalog');
      assert.strictEqual(
        train.metadata.name,
        'churn-prediction--churn-prediction-train',
      );
      assert.ok(
        relationTargets(train, 'dependencyOf').includes(
          'resource:default/churn-prediction-model',
        ),
        JSON.stringify(train.relations),
      );
      // …which gives the model the reverse relation.
      const [churnAgain] = await queryCatalog(
        baseUrl,
        token,
        'kind=resource,metadata.name=churn-prediction-model',
      );
      assert.ok(
        relationTargets(churnAgain, 'dependsOn').includes(
          'resource:default/churn-prediction--churn-prediction-train',
        ),
        JSON.stringify(churnAgain.relations),
      );

      // The serving component sees the model from its side.
      const [service] = await queryCatalog(
        baseUrl,
        token,
        'kind=component,metadata.name=churn-scoring-service',
      );
      assert.deepStrictEqual(
        relationTargets(service, 'dependsOn').filter(r =>
          r.startsWith('resource:'),
        ),
        [
          'resource:default/churn-prediction-model',
          'resource:default/payment-retry-timing-model',
          'resource:default/subscription-upsell-model',
        ],
      );
    },
  },
  {
    name: 'the search page finds the churn projects and models',
    async run({ page, baseUrl }) {
      await signInAsGuest(page, baseUrl);
      // The in-memory index is built seconds after start-up; reload until it answers.
      const deadline = Date.now() + SEARCH_PATIENCE_MS;
      const model = page.getByRole('article', {
        name: 'churn-prediction-model',
        exact: true,
      });
      for (;;) {
        await page.goto(`${baseUrl}/search?query=churn`);
        try {
          await model.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      await model.getByText('Model', { exact: true }).waitFor();
      await model.getByText('Owner: churn-prediction').waitFor();
      await model
        .getByRole('list', { name: 'Tags' })
        .getByText('tabular')
        .waitFor();
      const project = page.getByRole('article', {
        name: 'Churn prediction',
        exact: true,
      });
      await project.getByText('Project', { exact: true }).waitFor();
      await screenshot(page, 'search-churn');
      // The search page is Backstage's; ML Home answers for its own results.
      await checkAccessibility(page, 'search-churn-ml-home-results', {
        include: 'article[aria-labelledby^="ml-home-search-result-"]',
      });

      await model.getByRole('link', { name: 'churn-prediction-model' }).click();
      await page.waitForURL(/\/ml-home\/models\/churn-prediction-model$/);
    },
  },
];
