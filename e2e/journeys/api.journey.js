/*
 * Scripts reach the API with `Authorization: Bearer $ML_HOME_TOKEN`; nothing else gets in.
 */
const assert = require('assert');
const { getGuestToken } = require('../../scripts/lib/backend');

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

      // The static token ingests and reads, and nothing else: no project take-over, no alias
      // moves, no other plugin.
      const json = body => ({ method: 'PATCH', body: JSON.stringify(body) });
      for (const [path, init] of [
        [
          '/projects/churn-prediction',
          json({ owner: 'group:default/home-ranking' }),
        ],
        ['/projects/churn-prediction', { method: 'DELETE' }],
        [
          '/models/churn-prediction-model/aliases/champion',
          { method: 'PUT', body: JSON.stringify({ version: 1 }) },
        ],
        [
          '/projects',
          {
            method: 'POST',
            body: JSON.stringify({
              name: 'token-made',
              owner: 'group:default/home-ranking',
            }),
          },
        ],
      ]) {
        const res = await call(path, init);
        assert.strictEqual(
          res.status,
          403,
          `${init.method} ${path}: ${res.status} ${await res.text()}`,
        );
      }
      const catalog = await fetch(`${baseUrl}/api/catalog/entities?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.strictEqual(
        catalog.ok,
        false,
        'the catalog must refuse the ML Home token',
      );
    },
  },
  {
    name: 'a project token made by an owner ingests into its project only, and stops working once revoked',
    async run({ baseUrl }) {
      const api = `${baseUrl}/api/ml-home`;
      const guest = await getGuestToken(baseUrl, {
        ownershipRef: 'group:default/home-ranking',
      });
      const call = (path, bearer, init = {}) =>
        fetch(`${api}${path}`, {
          ...init,
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${bearer}`,
          },
        });
      const created = await call('/projects/home-feed-ranking/tokens', guest, {
        method: 'POST',
        body: JSON.stringify({ name: 'e2e pipeline', expiresInDays: 7 }),
      });
      assert.strictEqual(created.status, 201, await created.clone().text());
      const { token, secret } = await created.json();

      const batch = runId =>
        JSON.stringify({
          runs: [
            {
              runId,
              experiment: 'e2e-token',
              metrics: [{ key: 'auc', value: 0.7, step: 1, timestamp: 1 }],
            },
          ],
        });
      const own = await call('/projects/home-feed-ranking/ingest', secret, {
        method: 'POST',
        body: batch('0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e01'),
      });
      assert.strictEqual(own.status, 200, await own.clone().text());
      const other = await call('/projects/churn-prediction/ingest', secret, {
        method: 'POST',
        body: batch('0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e02'),
      });
      assert.strictEqual(other.status, 403);

      const revoked = await call(
        `/projects/home-feed-ranking/tokens/${token.id}`,
        guest,
        { method: 'DELETE' },
      );
      assert.strictEqual(revoked.status, 200);
      const after = await call('/projects/home-feed-ranking/ingest', secret, {
        method: 'POST',
        body: batch('0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e03'),
      });
      assert.strictEqual(after.status, 401);
    },
  },
];
