import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { signUp } from './support/sign-up';

/**
 * Insights on a phone: a person with six weeks of check-ins opens "Insights" from the Me area and
 * sees the craving / high-conflict chart and the questions in plain words. Every page is checked
 * with axe and kept as a screenshot.
 */
let twofold: RunningTwofold;
let browser: Browser;
beforeAll(async () => {
  twofold = await startTwofold();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await twofold?.stop();
});

describe('insights on a phone', () => {
  it('shows the chart and what went with what, from the person’s own days', async () => {
    const page = await newPhone(browser, twofold.url);
    await page.goto('/signup');
    await signUp(twofold, page, 'Robin', 'robin@example.org');

    // Six weeks of check-ins, filled in through the API as the check-in page would (late days allowed):
    // the day after a high-conflict day, craving was higher.
    const written = await page.evaluate(async () => {
      const token = ((await (await fetch('/api/csrf-token')).json()) as { token: string }).token;
      const today = ((await (await fetch('/api/me/insights')).json()) as { to: string }).to;
      const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
      let previousHigh = false;
      let ok = 0;
      for (let i = 41; i >= 0; i -= 1) {
        const high = (i * 7) % 11 < 4;
        const body = {
          mood: 3,
          craving: (previousHigh ? 6 : 2) + (i % 3 === 1 ? 1 : 0),
          used: false,
          sleep: 3,
          stress: 1 + (i % 5),
          closeness: 2 + (i % 3),
          conflict: high ? 'high' : 'none',
        };
        previousHigh = high;
        const answer = await fetch(`/api/me/checkins/${day(i)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(body),
        });
        ok += answer.ok ? 1 : 0;
      }
      return ok;
    });
    expect(written).toBe(42);

    await page.goto('/me');
    await page.getByRole('navigation', { name: 'My recovery' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'How our days go together' }).waitFor();
    const mine = page.getByRole('region', { name: 'For you' });
    const chart = mine.getByRole('img');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Your craving over the last 60 days \(42 days checked in\), and the \d+ days you called high-conflict\.$/,
    );
    const conflict = mine.getByRole('article', { name: 'Conflict and craving the next day' });
    await expect
      .poll(() => conflict.textContent())
      .toMatch(/The day after a day you called high-conflict, your craving was about [34]\.\d points higher on average\./);
    expect(await conflict.textContent()).toContain('From 41 days.');
    await checkPage(page, 'insights-01-chart');
    await mine.getByText('Show the numbers').click();
    expect(await mine.getByRole('table').getByRole('row').count()).toBe(61);
    await checkPage(page, 'insights-02-numbers');
  });
});
