/*
 * ML Home inside the software catalog: a demo service whose `ml-home.io/models` annotation names
 * a demo model shows that model on its ML tab — the version it serves, the aliases and the owner
 * team — and the owner team's page lists the team's ML projects. Expected values are read from
 * the ML Home API of the same backend, so the journey follows the demo data as it changes.
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

const SERVICE = 'churn-scoring-service';
const MODEL = 'churn-prediction-model';
/** The demo loads in the background after start-up; the catalog reads examples/ at its first run. */
const PATIENCE_MS = 90_000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** GET an ML Home route as the guest, polling while the backend or its demo data is not ready. */
async function mlHome(baseUrl, token, route, ready = () => true) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    let last;
    try {
      const res = await fetch(`${baseUrl}/api/ml-home${route}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.ok) {
        const body = await res.json();
        if (ready(body)) return body;
        last = `not ready: ${JSON.stringify(body).slice(0, 200)}`;
      } else {
        last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
      }
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`GET /api/ml-home${route} never answered: ${last}`);
    }
    await sleep(2000);
  }
}

/** The models the demo service names in its catalog-info.yaml (examples/systems.yaml). */
function declaredModels(service) {
  const docs = yaml.loadAll(
    fs.readFileSync(path.join(root, 'examples/systems.yaml'), 'utf8'),
  );
  const doc = docs.find(
    d => d?.kind === 'Component' && d.metadata?.name === service,
  );
  const value = doc?.metadata?.annotations?.['ml-home.io/models'] ?? '';
  return value.split(/[\s,]+/).filter(Boolean);
}

/** Opens a catalog entity page, reloading while the catalog has not ingested the entity yet. */
async function openEntityPage(page, url, ready) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    await page.goto(url);
    try {
      await ready.waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

module.exports = [
  {
    name: "a service's ML tab shows the model it names, with version, aliases and owner; the owner's page lists its ML projects",
    async run({ page, baseUrl }) {
      assert.ok(
        declaredModels(SERVICE).includes(MODEL),
        `examples/systems.yaml: ${SERVICE} should name ${MODEL} in ml-home.io/models`,
      );
      const token = await getGuestToken(baseUrl);
      const model = await mlHome(
        baseUrl,
        token,
        `/models/${MODEL}`,
        m => m.versionCount > 0,
      );
      const service = `component:default/${SERVICE}`;
      const deployments = await mlHome(
        baseUrl,
        token,
        `/deployments?${new URLSearchParams({ service, status: 'active', model: MODEL })}`,
      );
      const projects = await mlHome(
        baseUrl,
        token,
        `/projects?${new URLSearchParams({
          owner: model.owner,
          orderBy: 'lastActivityAt',
          order: 'desc',
          limit: '5',
        })}`,
        p => p.items.length > 0,
      );
      const teamModels = await mlHome(
        baseUrl,
        token,
        `/models?${new URLSearchParams({ owner: model.owner, limit: '5' })}`,
      );
      assert.ok(
        teamModels.items.length > 0,
        `${model.owner} owns no model in ML Home`,
      );
      // What the tab must show: the version the service runs in production (else the newest the
      // model has) and that version's aliases.
      const production = deployments.items.find(
        d => d.environment === 'production',
      );
      const version = production?.version ?? model.latestVersion;
      const aliases = model.aliases
        .filter(a => a.version === version)
        .map(a => a.alias)
        .sort();

      await signInAsGuest(page, baseUrl);
      const card = page.getByRole('region', {
        name: `ML model ${MODEL}`,
        exact: true,
      });
      await openEntityPage(
        page,
        `${baseUrl}/catalog/default/component/${SERVICE}/ml`,
        card,
      );
      // Every model the annotation names is on the tab.
      for (const name of declaredModels(SERVICE)) {
        await page
          .getByRole('region', { name: `ML model ${name}`, exact: true })
          .waitFor();
      }
      await card.getByRole('heading', { name: MODEL, exact: true }).waitFor();

      if (production) {
        const row = card
          .getByRole('table', {
            name: `Active deployments of ${MODEL} on this service`,
          })
          .getByRole('row')
          .filter({ hasText: 'production' })
          .first();
        await row.getByRole('link', { name: `v${version}` }).waitFor();
        if (aliases.length) {
          const chips = await row
            .getByRole('list', {
              name: `Aliases of ${MODEL} v${version}`,
              exact: true,
            })
            .getByRole('listitem')
            .allTextContents();
          assert.deepStrictEqual(chips, aliases);
        }
      } else {
        await card
          .getByText(/ML Home has no active deployment of it/)
          .waitFor();
      }
      const allAliases = await card
        .getByRole('list', { name: `Aliases of ${MODEL}`, exact: true })
        .getByRole('link')
        .allTextContents();
      assert.deepStrictEqual(
        allAliases,
        [...model.aliases]
          .sort((a, b) => a.alias.localeCompare(b.alias))
          .map(a => `${a.alias} → v${a.version}`),
      );
      const groupName = model.owner.split('/').pop();
      const ownerLink = card.locator(
        `a[href$="/catalog/default/group/${groupName}"]`,
      );
      await ownerLink.first().waitFor();
      await card
        .getByRole('list', { name: /^Contacts of / })
        .getByRole('link', { name: /^Email / })
        .first()
        .waitFor();
      assert.strictEqual(
        await card
          .getByRole('link', { name: `Open ${MODEL} in ML Home` })
          .getAttribute('href'),
        `/ml-home/models/${MODEL}`,
      );
      await screenshot(page, 'entity-service-ml-tab');
      await checkAccessibility(page, 'entity-service-ml-tab');

      // Through to the owner team's page: its ML projects, each linking to its space.
      await ownerLink.first().click();
      await page.waitForURL(new RegExp(`/catalog/default/group/${groupName}`));
      const projectList = page.getByRole('list', {
        name: 'ML projects owned by this team',
      });
      await projectList.waitFor({ timeout: 60_000 });
      for (const p of projects.items) {
        const link = projectList.getByRole('link', {
          name: p.title,
          exact: true,
        });
        assert.strictEqual(
          await link.getAttribute('href'),
          `/ml-home/projects/${p.name}`,
        );
      }
      const modelList = page.getByRole('list', {
        name: 'ML models owned by this team',
      });
      for (const m of teamModels.items) {
        await modelList
          .getByRole('link', { name: m.name, exact: true })
          .waitFor();
      }
      await screenshot(page, 'entity-team-ml-cards');
      await checkAccessibility(page, 'entity-team-ml-cards');

      await projectList
        .getByRole('link', { name: projects.items[0].title, exact: true })
        .click();
      await page.waitForURL(
        new RegExp(`/ml-home/projects/${projects.items[0].name}`),
      );
    },
  },
  {
    name: "an ml-model resource's ML tab shows versions, where it runs and its latest verdict; the service's overview has the ML models card",
    async run({ page, baseUrl }) {
      const token = await getGuestToken(baseUrl);
      const model = await mlHome(
        baseUrl,
        token,
        `/models/${MODEL}`,
        m => m.versionCount > 0,
      );
      const evaluations = await mlHome(
        baseUrl,
        token,
        `/evaluations?${new URLSearchParams({ model: MODEL, limit: '1' })}`,
      );
      const deployments = await mlHome(
        baseUrl,
        token,
        `/deployments?${new URLSearchParams({ model: MODEL, status: 'active', limit: '10' })}`,
      );

      await signInAsGuest(page, baseUrl);
      // The catalog module publishes the model as a Resource at its first run after start-up.
      const summary = page.getByRole('heading', { name: 'ML Home model' });
      await openEntityPage(
        page,
        `${baseUrl}/catalog/default/resource/${MODEL}/ml`,
        summary,
      );
      const versions = page.getByRole('table', {
        name: `Versions of ${MODEL}`,
        exact: true,
      });
      await versions
        .getByRole('link', { name: `v${model.latestVersion}`, exact: true })
        .waitFor();
      const served = page.getByRole('table', {
        name: `Active deployments of ${MODEL}`,
        exact: true,
      });
      for (const d of deployments.items) {
        await served
          .locator(
            `a[href$="/catalog/default/component/${d.service.split('/').pop()}"]`,
          )
          .first()
          .waitFor();
      }
      const latest = evaluations.items[0];
      if (latest) {
        await page
          .getByText(latest.pass ? 'Passed' : 'Failed', { exact: true })
          .waitFor();
        assert.strictEqual(
          await page
            .getByRole('link', { name: latest.name, exact: true })
            .first()
            .getAttribute('href'),
          `/ml-home/evaluations/${latest.id}`,
        );
      } else {
        await page.getByText(/No evaluation is recorded/).waitFor();
      }
      await screenshot(page, 'entity-model-ml-tab');
      await checkAccessibility(page, 'entity-model-ml-tab');

      await page.goto(`${baseUrl}/catalog/default/component/${SERVICE}`);
      await page
        .getByRole('list', { name: 'ML models of this service' })
        .getByRole('link', { name: MODEL, exact: true })
        .waitFor({ timeout: 60_000 });
      await screenshot(page, 'entity-service-overview');
      await checkAccessibility(page, 'entity-service-overview');
    },
  },
];
