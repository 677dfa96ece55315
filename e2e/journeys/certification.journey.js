/*
 * Certification: open a demo model's Certification tab, attest the checks its next level needs
 * with evidence, see the score and the level change, and find the model at its new level on the
 * organisation's overview page. Both pages are held to WCAG 2.1 A/AA with axe.
 */
const assert = require('assert');
const { checkAccessibility, screenshot, signInAsGuest } = require('../lib');
const { getGuestToken } = require('../../scripts/lib/backend');

/** The guest belongs to this team; the example policy lets a model's owners attest. */
const TEAM = 'group:default/home-ranking';
/** The demo loads in the background after start-up. */
const PATIENCE_MS = 120_000;
/** The fewest attestations the journey is ready to make to raise a level. */
const MAX_STEPS = 4;

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

/**
 * A model of the team whose next level only needs attestations (at most MAX_STEPS), with its
 * scorecard: waits for the demo to load and its scorecards to be evaluated.
 */
async function findModelToAttest(baseUrl, token) {
  const deadline = Date.now() + PATIENCE_MS;
  let last = '';
  for (;;) {
    const overview = await api(
      baseUrl,
      token,
      `/certification?owner=${encodeURIComponent(TEAM)}&limit=100`,
    );
    if (overview.status === 200) {
      let best;
      for (const item of overview.body.items) {
        const card = await api(
          baseUrl,
          token,
          `/models/${encodeURIComponent(item.model)}/scorecard`,
        );
        const next = card.body?.nextLevel;
        if (
          card.status === 200 &&
          next &&
          next.steps.length > 0 &&
          next.steps.length <= MAX_STEPS &&
          next.steps.every(s => s.action === 'attest') &&
          (!best || next.steps.length < best.nextLevel.steps.length)
        ) {
          best = card.body;
        }
      }
      if (best) return best;
      last = `${overview.body.items.length} models of ${TEAM}, none whose next level needs only attestations`;
    } else {
      last = `HTTP ${overview.status} ${JSON.stringify(overview.body).slice(0, 300)}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`no model to attest: ${last}`);
    }
    await sleep(3000);
  }
}

function checkTitle(card, checkId) {
  for (const section of card.sections) {
    const check = section.checks.find(c => c.id === checkId);
    if (check) return check.title;
  }
  throw new Error(`check ${checkId} is not on the scorecard`);
}

module.exports = [
  {
    name: "an owner attests a model's checks on its Certification tab, its level rises, and the overview shows it",
    async run({ page, baseUrl }) {
      const token = await getGuestToken(baseUrl, { ownershipRef: TEAM });
      const before = await findModelToAttest(baseUrl, token);
      const model = before.model;
      const target = before.nextLevel.level;
      const titles = before.nextLevel.steps.map(s =>
        checkTitle(before, s.checkId),
      );
      console.log(
        `  ${model}: ${before.level} (${before.score}) → ${target} by attesting ${titles.length}`,
      );

      await signInAsGuest(page, baseUrl);
      await page.goto(`${baseUrl}/ml-home/models/${model}/certification`);
      await page
        .getByRole('tab', { name: 'Certification', selected: true })
        .waitFor({ timeout: 60_000 });
      await page.getByText('Production readiness').waitFor();
      await page.getByRole('meter').first().waitFor();
      assert.strictEqual(await page.getByRole('meter').count(), 4);
      await page
        .getByText(`What ${target[0].toUpperCase()}${target.slice(1)} needs`)
        .waitFor();
      await screenshot(page, 'certification-tab');
      await checkAccessibility(page, 'certification-tab');

      for (const [i, title] of titles.entries()) {
        await page
          .getByRole('button', { name: `Attest "${title}"`, exact: true })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(/Evidence link/).fill('not a link');
        await dialog
          .getByRole('button', { name: 'Attest', exact: true })
          .click();
        await dialog
          .getByText('The evidence link must be an http or https URL.')
          .waitFor();
        if (i === 0) {
          await screenshot(page, 'certification-attest', { fullPage: false });
          await checkAccessibility(page, 'certification-attest-dialog');
        }
        await dialog
          .getByLabel(/Evidence link/)
          .fill(`https://wiki.example.com/${model}/review-${i + 1}`);
        await dialog
          .getByLabel('Note')
          .fill(`Reviewed by hand for the e2e journey (${title}).`);
        await dialog
          .getByRole('button', { name: 'Attest', exact: true })
          .click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByText(`Attested "${title}".`).waitFor();
      }

      const after = (
        await api(
          baseUrl,
          token,
          `/models/${encodeURIComponent(model)}/scorecard`,
        )
      ).body;
      assert.strictEqual(after.level, target, 'the level rose to the next one');
      assert.ok(after.score > before.score, 'the score rose');
      const targetLabel = `${target[0].toUpperCase()}${target.slice(1)}`;
      await page
        .getByText(
          `The level is now ${targetLabel}, the score ${after.score}.`,
          {
            exact: false,
          },
        )
        .waitFor();
      await page.getByText(`Score ${after.score}`, { exact: true }).waitFor();
      await screenshot(page, 'certification-tab-attested');

      await page.goto(
        `${baseUrl}/ml-home/certification?owner=${encodeURIComponent(TEAM)}&level=${target}`,
      );
      await page.getByText(/^Models \(\d+\)$/).waitFor({ timeout: 60_000 });
      const row = page.locator('tr', {
        has: page.getByRole('link', { name: model, exact: true }),
      });
      await row.waitFor();
      assert.match(
        await row.getByTestId('certification-level-badge').innerText(),
        new RegExp(targetLabel),
      );
      await page
        .locator('[role="img"][data-rendered="true"]')
        .first()
        .waitFor();
      await screenshot(page, 'certification-overview');
      await checkAccessibility(page, 'certification-overview');
    },
  },
];
