/*
 * The evaluation page: a model version's evaluation with a failing slice shows that slice marked
 * (words, not colour alone); a member of the owning team writes a note on it and edits it.
 *
 * Uses a demo evaluation of a home-ranking project (the guest is a member of home-ranking, so may
 * write notes there) that has a failing slice; when the demo data has none, the setup records
 * one through the API with the script token, on the demo model and its evaluation set.
 */
const assert = require('assert');
const { checkAccessibility, screenshot, signInAsGuest } = require('../lib');

const PROJECT = 'home-feed-ranking';
const MODEL = `${PROJECT}-model`;
const DATASET = `${PROJECT}-eval`;
/** How long the demo data may take to load after start-up. */
const DEMO_PATIENCE_MS = 90_000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

function apiClient(baseUrl, token) {
  return async (path, init = {}) => {
    const res = await fetch(`${baseUrl}/api/ml-home${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** The demo model's versions, once the demo data has loaded. */
async function demoVersions(call) {
  const deadline = Date.now() + DEMO_PATIENCE_MS;
  for (;;) {
    const res = await call(`/models/${MODEL}/versions?limit=100`);
    if (res.status === 200 && res.body.items.length >= 2) {
      return res.body.items.map(v => v.version).sort((a, b) => a - b);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `demo model ${MODEL} has no two versions: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
    await sleep(2000);
  }
}

/** Per-slice results: `web` is well below the others on ndcg_at_10. */
function results(shift) {
  const slices = {
    overall: { ndcg_at_10: 0.41, auc: 0.81 },
    'platform=ios': { ndcg_at_10: 0.44, auc: 0.83 },
    'platform=android': { ndcg_at_10: 0.4, auc: 0.8 },
    'platform=web': { ndcg_at_10: 0.27, auc: 0.74 },
  };
  return Object.entries(slices).flatMap(([slice, metrics]) =>
    Object.entries(metrics).map(([metric, value]) => ({
      slice,
      metric,
      value: Number((value + shift[slice]).toFixed(4)),
    })),
  );
}

/** An evaluation with a failing slice in the demo project: found, or recorded now. */
async function evaluationWithFailingSlice(call) {
  const found = await call(`/evaluations?project=${PROJECT}&limit=100`);
  assert.strictEqual(found.status, 200, JSON.stringify(found.body));
  const failing = found.body.items.find(e => e.failingSlices.length > 0);
  if (failing) return failing;

  const versions = await demoVersions(call);
  const [baseline, candidate] = versions.slice(-2);
  const thresholds = [
    { metric: 'ndcg_at_10', op: '>=', value: 0.3 },
    { metric: 'auc', op: '>=', value: 0.7 },
  ];
  const record = (version, body) =>
    call(`/models/${MODEL}/versions/${version}/evaluations`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'e2e-holdout',
        dataset: DATASET,
        thresholds,
        ...body,
      }),
    });
  const zero = {
    overall: 0,
    'platform=ios': 0,
    'platform=android': 0,
    'platform=web': 0,
  };
  const base = await record(baseline, {
    results: results({ ...zero, 'platform=web': 0.05 }),
  });
  assert.ok([200, 201].includes(base.status), JSON.stringify(base.body));
  const created = await record(candidate, {
    baselineVersion: baseline,
    description:
      'Recorded by the e2e journey: the web slice falls below the bar.',
    results: results({ ...zero, overall: 0.01, 'platform=ios': 0.02 }),
  });
  assert.ok([200, 201].includes(created.status), JSON.stringify(created.body));
  assert.deepStrictEqual(created.body.failingSlices, ['platform=web']);
  return created.body;
}

module.exports = [
  {
    name: 'an evaluation marks its failing slice; a team member notes and edits a finding',
    async run({ page, baseUrl, token }) {
      const call = apiClient(baseUrl, token);
      const evaluation = await evaluationWithFailingSlice(call);
      const failingSlice = evaluation.failingSlices[0];

      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home/evaluations/${evaluation.id}`);
      await page
        .getByRole('heading', {
          level: 1,
          name: `${evaluation.model} v${evaluation.version} · ${evaluation.name}`,
        })
        .waitFor();

      // The failing slice says so in words, with the metric that fails.
      const failingRow = page.getByTestId(`slice-row-${failingSlice}`);
      await failingRow.waitFor();
      await failingRow.getByText(/^Fails: /).waitFor();
      assert.ok(
        (await failingRow.getByText(/^fails .* on /).count()) > 0,
        'a failing cell carries its threshold verdict in words',
      );
      const overall = page.getByTestId('slice-row-overall');
      if (!evaluation.failingSlices.includes('overall')) {
        assert.strictEqual(await overall.getByText(/^Fails: /).count(), 0);
      }
      await screenshot(page, 'evaluation');
      await checkAccessibility(page, 'evaluation');

      // The failing-only filter keeps just the failing slices, in the URL.
      await page.getByRole('checkbox', { name: 'Failing slices only' }).check();
      await page.waitForURL(/[?&]failing=1/);
      assert.strictEqual(
        await page.getByTestId(/^slice-row-/).count(),
        evaluation.failingSlices.length,
      );
      await page
        .getByRole('checkbox', { name: 'Failing slices only' })
        .uncheck();

      // A note on the evaluation, then an edit of it.
      const stamp = Date.now();
      const first = `The ${failingSlice} slice fails: check its traffic mix (${stamp}).`;
      await page.getByLabel('New note').fill(first);
      await page.getByRole('button', { name: 'Add note' }).click();
      const note = page
        .getByRole('listitem', { name: 'Note by guest' })
        .filter({
          hasText: String(stamp),
        });
      await note.getByText(first).waitFor();
      await note.getByRole('button', { name: 'Edit' }).click();
      const edited = `Edited: ${failingSlice} is below the bar on ndcg (${stamp}).`;
      await note.getByLabel('Edit note').fill(edited);
      await note.getByRole('button', { name: 'Save' }).click();
      await note.getByText(edited).waitFor();
      await note.getByText(/revision 2/).waitFor();
      // Into view for the screenshot, without scrolling the page sideways.
      await note.evaluate(el => {
        el.scrollIntoView({ block: 'center' });
        for (let e = el; e; e = e.parentElement) e.scrollLeft = 0;
        document.scrollingElement.scrollLeft = 0;
      });
      await screenshot(page, 'evaluation-note-edited');
      await checkAccessibility(page, 'evaluation-with-note');

      // The API holds the edit too.
      const notes = await call(
        `/notes?entityType=evaluation&entityId=${evaluation.id}`,
      );
      assert.strictEqual(notes.status, 200);
      const saved = notes.body.items.find(n => n.body === edited);
      assert.ok(saved, 'the edited note is stored');
      assert.strictEqual(saved.revision, 2);
      assert.strictEqual(saved.updatedBy, 'user:default/guest');
    },
  },
];
