/*
 * Comparing runs: from a demo project's "Experiments & runs" tab, select three runs, compare them,
 * and check that the overlaid metric curves are drawn and the param diff is shown.
 */
const assert = require('assert');
const path = require('path');
const {
  checkAccessibility,
  outputDir,
  screenshot,
  signInAsGuest,
} = require('../lib');

/** A demo project with at least three runs, through the API as a script would ask. */
async function projectWithRuns(baseUrl, token) {
  const res = await fetch(
    `${baseUrl}/api/ml-home/projects?limit=100&orderBy=name`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  assert.strictEqual(res.status, 200, `listing projects: HTTP ${res.status}`);
  const { items } = await res.json();
  const project = items.find(p => (p.counts?.runs ?? 0) >= 3);
  assert.ok(project, 'the demo data has a project with three runs');
  return project.name;
}

module.exports = [
  {
    name: 'select three runs in a project and compare them',
    async run({ page, baseUrl, token }) {
      const projectName = await projectWithRuns(baseUrl, token);
      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home/projects/${projectName}/runs`);

      const table = page.getByRole('table', { name: 'Runs' });
      await table.waitFor({ timeout: 60_000 });
      const boxes = table.getByRole('checkbox', { name: /^Select run / });
      await boxes.nth(2).waitFor();
      await checkAccessibility(page, 'project-runs');
      for (let i = 0; i < 3; i++) await boxes.nth(i).check();
      await page.getByText('3 runs selected').waitFor();
      await screenshot(page, 'runs-table-selected');

      await page.getByRole('link', { name: 'Compare (3)' }).click();
      await page.waitForURL(/\/ml-home\/compare\?runs=/);
      const ids = new URL(page.url()).searchParams.get('runs').split(',');
      assert.strictEqual(ids.length, 3);
      assert.ok(ids.every(id => /^[0-9a-f]{32}$/.test(id)));

      await page
        .getByRole('list', { name: 'Compared items' })
        .getByRole('listitem')
        .nth(2)
        .waitFor();
      // The curves of the first metric, overlaid for the three runs and drawn by ECharts.
      // (The chart is mounted, empty, while the histories load: wait for the three series.)
      const chart = page.locator(
        '[role="img"][aria-label^="Line chart of"][aria-label$=" for 3 series"][data-rendered="true"]',
      );
      await chart.first().waitFor({ timeout: 60_000 });
      assert.ok(
        (await chart.first().locator('canvas').count()) > 0,
        'the chart is drawn on a canvas',
      );
      // The param diff: differing params only by default, all on request.
      await page.getByText(/^\d+ of \d+ params differ$/).waitFor();
      const diff = page.getByRole('table', { name: 'Param differences' });
      if (await diff.count()) {
        assert.ok((await diff.getByRole('row').count()) > 1);
      }
      await page.getByRole('checkbox', { name: 'Show all params' }).check();
      await page.waitForURL(/allParams=true/);
      await page.getByRole('table', { name: 'Param differences' }).waitFor();
      // The metric table marks a best value in words, not only in colour.
      await page
        .getByRole('table', { name: 'Metrics' })
        .getByText('(best)')
        .first()
        .waitFor({ state: 'attached' });
      await screenshot(page, 'compare-runs');
      await checkAccessibility(page, 'compare');
      // The page scrolls inside Backstage's content area, which a full-page shot does not
      // capture: the charts are shot as elements.
      await chart
        .first()
        .screenshot({ path: path.join(outputDir, 'compare-curves.png') });
      const parallel = page.locator(
        '[role="img"][aria-label^="Parallel coordinates"][data-rendered="true"]',
      );
      if (await parallel.count()) {
        await parallel.first().screenshot({
          path: path.join(outputDir, 'compare-parallel-coordinates.png'),
        });
      }
    },
  },
];
