/*
 * Notifications: a model's owners hear from ML Home through Backstage's notifications. The demo
 * holds attestations made long ago that expire within two weeks; the certification task (a minute
 * after start-up) tells each owner team once. The guest, a member of the demo teams, finds those
 * notifications on the portal's Notifications page, each linking to the model's Certification tab.
 */
const assert = require('assert');
const { screenshot, signInAsGuest } = require('../lib');
const { getGuestToken } = require('../../scripts/lib/backend');

/** The task waits a minute after start-up, then evaluates every demo model first. */
const PATIENCE_MS = 4 * 60_000;

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** The guest's notifications from ML Home, once there are any. */
async function waitForMlHomeNotifications(baseUrl, token) {
  const deadline = Date.now() + PATIENCE_MS;
  let last = '';
  for (;;) {
    const res = await fetch(
      `${baseUrl}/api/notifications/notifications?limit=50`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (res.ok) {
      const body = await res.json();
      const mine = body.notifications.filter(
        n => n.origin === 'plugin:ml-home',
      );
      if (mine.length > 0) return mine;
      last = `${body.totalCount} notification(s), none from ML Home`;
    } else {
      last = `notifications answered ${res.status}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`No ML Home notification for the guest: ${last}`);
    }
    await sleep(3000);
  }
}

module.exports = [
  {
    name: 'owners read expiring attestations on the Notifications page',
    async run({ page, baseUrl }) {
      const token = await getGuestToken(baseUrl);
      const notifications = await waitForMlHomeNotifications(baseUrl, token);
      const expiring = notifications.find(n =>
        /^Attestation of .+ for model .+ expires in \d+ days?$/.test(
          n.payload.title,
        ),
      );
      assert.ok(
        expiring,
        `an expiring attestation among: ${notifications.map(n => n.payload.title).join('; ')}`,
      );
      assert.match(
        expiring.payload.link,
        /\/ml-home\/models\/[^/]+\/certification$/,
      );

      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/notifications`);
      const title = page.getByText(expiring.payload.title, { exact: true });
      await title.first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'notifications');
    },
  },
];
