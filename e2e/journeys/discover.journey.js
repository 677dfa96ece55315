/*
 * Discover → filter by team → open a project → its model → the lineage graph; the features page;
 * creating a project from the discover page.
 */
const assert = require('assert');
const { checkAccessibility, screenshot, signInAsGuest } = require('../lib');

async function api(baseUrl, token, path, init = {}) {
  const res = await fetch(`${baseUrl}/api/ml-home${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

module.exports = [
  {
    name: 'discover filters by team, opens a project, its model and the lineage graph',
    async run({ page, baseUrl, token }) {
      const owner = 'group:default/home-ranking';
      const { body: teamProjects } = await api(
        baseUrl,
        token,
        `/projects?owner=${encodeURIComponent(owner)}&orderBy=lastActivityAt&limit=1`,
      );
      const project = teamProjects.items[0];
      assert.ok(project, 'the demo has a Home Ranking project');

      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home`);
      await page.getByText(/^Projects \(\d+\)$/).waitFor({ timeout: 60_000 });
      await page
        .getByRole('checkbox', { name: /home.ranking/i })
        .first()
        .check();
      await page.waitForURL(/owner=/);
      await page.getByText(`Projects (${teamProjects.totalCount})`).waitFor();
      await screenshot(page, 'discover');
      await checkAccessibility(page, 'discover-by-team');

      await page
        .getByRole('link', { name: project.title, exact: true })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/ml-home/projects/${project.name}`));
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      await screenshot(page, 'project-overview');
      await checkAccessibility(page, 'project-overview');

      await page.getByRole('tab', { name: 'Models' }).click();
      const model = `${project.name}-model`;
      await page
        .getByRole('link', { name: model, exact: true })
        .first()
        .waitFor();
      await checkAccessibility(page, 'project-models');
      await page
        .getByRole('link', { name: model, exact: true })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/ml-home/models/${model}`));
      await page.locator('[aria-label^="Lineage of"]').waitFor();
      const nodes = page.locator('[data-testid^="lineage-node-"]');
      await nodes.first().waitFor();
      assert.ok(
        (await nodes.count()) >= 3,
        'the lineage shows datasets, the run and the version',
      );
      await screenshot(page, 'model');
      await page.locator('[aria-label^="Lineage of"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await screenshot(page, 'model-lineage', { fullPage: false });
      await checkAccessibility(page, 'model');

      await page.goto(`${baseUrl}/ml-home/features`);
      await page
        .getByText(/feature/i)
        .first()
        .waitFor();
      await screenshot(page, 'features');
      await checkAccessibility(page, 'features');
    },
  },
  {
    name: 'a team member creates a project from the discover page',
    async run({ page, baseUrl, token }) {
      const name = `e2e-project-${Date.now().toString(36)}`;
      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home`);
      await page.getByText(/^Projects \(\d+\)$/).waitFor({ timeout: 60_000 });
      await page
        .getByRole('button', { name: 'Create project' })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').first().fill(name);
      await dialog.getByLabel('Title').first().fill('E2E churn experiments');
      await screenshot(page, 'create-project');
      await checkAccessibility(page, 'create-project-dialog');
      await dialog.getByRole('button', { name: 'Create project' }).click();
      await page.waitForURL(new RegExp(`/ml-home/projects/${name}`), {
        timeout: 30_000,
      });
      const created = await api(baseUrl, token, `/projects/${name}`);
      assert.strictEqual(created.status, 200);
      assert.strictEqual(created.body.owner, 'group:default/home-ranking');
    },
  },
];
