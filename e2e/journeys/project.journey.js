/*
 * The pages the other journeys pass by without checking: every tab of a project page (with a note
 * written as people write them, task list and headings included, which the Notes tab shows twice:
 * among the project's notes and among every note in the project), the orphans page, and the model
 * page of a model whose serving service names its owner team in short (`spec.owner:
 * churn-prediction` in examples/systems.yaml). Each is held to WCAG 2.1 A/AA with axe.
 */
const assert = require('assert');
const { checkAccessibility, screenshot, signInAsGuest } = require('../lib');
const { getGuestToken } = require('../../scripts/lib/backend');

const PROJECT = 'home-feed-ranking';
const MODEL = 'churn-prediction-model';
const SERVICE_OWNER = 'group:default/churn-prediction';
/** The demo loads in the background after start-up; the catalog reads examples/ at its first run. */
const PATIENCE_MS = 90_000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function api(baseUrl, token, path, init = {}) {
  const res = await fetch(`${baseUrl}/api/ml-home${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** GET as the guest until `ready` holds: the demo data loads after start-up. */
async function whenReady(baseUrl, token, path, ready = () => true) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const res = await api(baseUrl, token, path);
    if (res.status === 200 && ready(res.body)) return res.body;
    if (Date.now() > deadline) {
      throw new Error(
        `GET ${path}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
    await sleep(2000);
  }
}

module.exports = [
  {
    name: "every tab of a project page and the orphans page pass axe, a note's task list and headings included",
    async run({ page, baseUrl }) {
      // The guest is a member of home-ranking, which owns the project: it may write notes there.
      const token = await getGuestToken(baseUrl, {
        ownershipRef: 'group:default/home-ranking',
      });
      const project = await whenReady(baseUrl, token, `/projects/${PROJECT}`);
      const stamp = Date.now().toString(36);
      const note = await api(baseUrl, token, '/notes', {
        method: 'POST',
        body: JSON.stringify({
          entityType: 'project',
          entityId: project.id,
          body: [
            `## Next steps (${stamp})`,
            '',
            '- [x] Compare the web slice with last week',
            '- [ ] Re-train with the March sessions',
            '',
            '### Findings',
            '',
            'The web slice is **below the bar** on ndcg.',
          ].join('\n'),
        }),
      });
      assert.strictEqual(note.status, 201, JSON.stringify(note.body));

      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home/projects/${PROJECT}`);
      await page.getByRole('tab', { name: 'Overview' }).waitFor();

      const tabs = [
        ['Data & features', 'project-data'],
        ['Evaluations', 'project-evaluations'],
        ['Deployments', 'project-deployments'],
        ['Tokens', 'project-tokens'],
        ['Notes', 'project-notes'],
      ];
      for (const [tab, name] of tabs) {
        await page.getByRole('tab', { name: tab }).click();
        await page
          .getByRole('tab', { name: tab, selected: true })
          .waitFor({ timeout: 10_000 });
        if (tab === 'Notes') {
          // On the project, and among every note in the project.
          const items = page
            .getByRole('listitem')
            .filter({ hasText: `Next steps (${stamp})` });
          await items.nth(1).waitFor();
          assert.strictEqual(await items.count(), 2);
          // Task-list items are checkboxes named after their task.
          await items
            .first()
            .getByRole('checkbox', { name: /Re-train with the March sessions/ })
            .waitFor();
        }
        await screenshot(page, name);
        await checkAccessibility(page, name);
      }

      await page.goto(`${baseUrl}/ml-home/orphans`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await screenshot(page, 'orphans');
      await checkAccessibility(page, 'orphans');
    },
  },
  {
    name: 'a model whose serving service names its owner in short shows its deployments and the owner team',
    async run({ page, baseUrl }) {
      const token = await getGuestToken(baseUrl);
      const deployments = await whenReady(
        baseUrl,
        token,
        `/models/${MODEL}/deployments`,
        body => body.items.length > 0,
      );
      assert.ok(
        deployments.items.some(
          d => d.service === 'component:default/churn-scoring-service',
        ),
        'churn-scoring-service serves the churn model in the demo',
      );

      await signInAsGuest(page, baseUrl);
      // The owner column asks the catalog, which reads examples/ after start-up: reload until
      // it knows the service.
      const owner = page.locator(
        `a[href$="/catalog/default/group/${SERVICE_OWNER.split('/').pop()}"]`,
      );
      const table = page
        .getByRole('table')
        .filter({ has: page.getByRole('button', { name: 'Service owner' }) });
      const deadline = Date.now() + PATIENCE_MS;
      for (;;) {
        await page.goto(`${baseUrl}/ml-home/models/${MODEL}`);
        await page.getByText(/^Deployments \(\d+ active\)$/).waitFor();
        try {
          await table.locator(owner).first().waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      assert.strictEqual(
        await page.getByText('Something went wrong').count(),
        0,
        'no part of the page fell over',
      );
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, 'model-deployments', { fullPage: false });
      await checkAccessibility(page, 'model-deployments');
    },
  },
];
