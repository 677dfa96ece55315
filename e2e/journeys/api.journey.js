/*
 * Scripts reach the API with `Authorization: Bearer $ML_HOME_TOKEN`; nothing else gets in.
 */
const assert = require('assert');

module.exports = [
  {
    name: 'a script with ML_HOME_TOKEN logs a run; a wrong or missing token is refused',
    async run({ baseUrl, token }) {
      const api = `${baseUrl}/api/ml-home`;
      const call = (path, init = {}, bearer = token) =>
        fetch(`${api}${path}`, {
          ...init,
          headers: {
            'Content-Type': 'application/json',
            ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          },
        });

      assert.strictEqual((await call('/health')).status, 200);
      assert.strictEqual(
        (await call('/health', {}, 'not-the-token')).status,
        401,
      );
      assert.strictEqual((await call('/health', {}, null)).status, 401);

      const runId = '0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e';
      const body = JSON.stringify({
        requestId: `e2e-${runId}`,
        runs: [
          {
            runId,
            experiment: 'e2e-smoke',
            status: 'FINISHED',
            params: [{ key: 'lr', value: '0.1' }],
            metrics: [{ key: 'auc', value: 0.77, step: 1, timestamp: 1 }],
          },
        ],
      });
      const first = await call('/projects/home-feed-ranking/ingest', {
        method: 'POST',
        body,
      });
      assert.strictEqual(first.status, 200, await first.clone().text());
      const retry = await call('/projects/home-feed-ranking/ingest', {
        method: 'POST',
        body,
      });
      assert.strictEqual((await retry.json()).replayed, true);

      const run = await (await call(`/runs/${runId}`)).json();
      assert.strictEqual(run.project, 'home-feed-ranking');
      assert.deepStrictEqual(run.params, [{ key: 'lr', value: '0.1' }]);
    },
  },
];
