/*
 * The portal's first journey: sign in as guest, open ML Home from the sidebar, then find a demo
 * team in the catalog.
 */
const assert = require('assert');
const { checkAccessibility, screenshot, signInAsGuest } = require('../lib');

module.exports = [
  {
    name: 'guest signs in and opens ML Home from the sidebar',
    async run({ page, baseUrl }) {
      await signInAsGuest(page, baseUrl);
      await page.getByRole('link', { name: 'ML Home' }).first().click();
      await page.waitForURL(/\/ml-home$/);
      await page.getByRole('heading', { level: 1, name: 'ML Home' }).waitFor();
      // The demo organisation's projects are listed, most recently active first.
      await page.getByText(/^Projects \(\d+\)$/).waitFor({ timeout: 60_000 });
      await page
        .getByRole('link', { name: /ranking/i })
        .first()
        .waitFor();
      await screenshot(page, 'ml-home');
      await checkAccessibility(page, 'discover');
    },
  },
  {
    name: 'the catalog lists the demo ML teams',
    async run({ page, baseUrl }) {
      await signInAsGuest(page, baseUrl);
      await page.goto(
        `${baseUrl}/catalog?filters%5Bkind%5D=group&filters%5Buser%5D=all`,
      );
      const team = page.getByRole('link', { name: /^Home Ranking$/ }).first();
      await team.waitFor();
      await team.click();
      await page.waitForURL(/\/catalog\/default\/group\/home-ranking/);
      await page
        .getByText(/Guest User/)
        .first()
        .waitFor();
      assert.ok(page.url().includes('/group/home-ranking'));
      await screenshot(page, 'catalog-team');
    },
  },
];
