import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { clock } from '../server/src/platform/local-date';
import { startTwofold, type RunningTwofold } from './support/server';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { signUp } from './support/sign-up';

/**
 * The weekly summary on a phone: a person checks in this week, the server's clock (controlled
 * here: the server runs in this process) reaches next Monday 07:30 in their time zone, the real
 * pg-boss job writes the summary and the reminders show "Your weekly summary is ready"; the link
 * opens My week. Every page is checked with axe and kept as a screenshot, in English and Spanish.
 */
let twofold: RunningTwofold;
let browser: Browser;
const realNow = clock.now;
beforeAll(async () => {
  twofold = await startTwofold({ REMINDERS_SWEEP_SECONDS: '1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  clock.now = realNow;
  await browser?.close();
  await twofold?.stop();
});

describe('my week on a phone', () => {
  it('is ready on Monday morning, says so without saying what, and reads in plain words', async () => {
    const page = await newPhone(browser, twofold.url);
    await page.goto('/signup');
    await signUp(twofold, page, 'Robin', 'robin@example.org');

    // This week's days so far, and the week before, as the check-in page would write them.
    const { timeZone, written } = await page.evaluate(async () => {
      const token = ((await (await fetch('/api/csrf-token')).json()) as { token: string }).token;
      const me = (await (await fetch('/api/me')).json()) as { user: { timeZone: string } };
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.user.timeZone }).format(new Date());
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
      let ok = 0;
      for (let offset = weekday + 7; offset >= 0; offset -= 1) {
        const thisWeek = offset <= weekday;
        const body = { mood: thisWeek ? 4 : 3, craving: 2, used: false, sleep: 3, stress: 2, closeness: 4, conflict: 'none' };
        const answer = await fetch(`/api/me/checkins/${day(offset)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(body),
        });
        ok += answer.ok ? 1 : 0;
      }
      return { timeZone: me.user.timeZone, written: { ok, thisWeek: weekday + 1 } };
    });
    expect(written.ok).toBe(written.thisWeek + 7);

    await page.goto('/me/week');
    await page.getByText(/Your first weekly summary comes on Monday morning/).waitFor();

    // Next Monday 07:30 on the person's clock: the job writes the summary, the sweep shows the notice.
    const today = Temporal.Now.zonedDateTimeISO(timeZone).toPlainDate();
    const monday = today.add({ days: 8 - today.dayOfWeek });
    clock.now = () => monday.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('07:30') }).toInstant();
    await page.goto('/reminders');
    const notice = page.getByRole('link', { name: 'Your weekly summary is ready' });
    for (let tries = 0; tries < 30 && !(await notice.isVisible()); tries += 1) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await checkPage(page, 'week-01-notice');
    // Outside the app nothing says what it is: no e-mail unless asked for, and the words are fixed.
    expect(twofold.outbox.filter((m) => m.to === 'robin@example.org' && /summary/i.test(`${m.subject} ${m.text}`))).toEqual([]);

    await notice.click();
    await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
    const mine = page.getByRole('region', { name: 'Your week' });
    await expect.poll(() => mine.textContent()).toContain(`You checked in on ${written.thisWeek} day`);
    expect(await mine.textContent()).toContain('Mood averaged 4.0 out of 5 (the week before: 3.0).');
    await page
      .getByRole('region', { name: 'One pattern from your days' })
      .getByText(/Not enough days yet/)
      .waitFor();
    await page.getByRole('region', { name: 'Something to try this week' }).waitFor();
    await checkPage(page, 'week-02-summary');

    await page.goto('/settings');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
    await page.goto('/me/week');
    await page.getByRole('heading', { name: 'Mi semana', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Tu semana' }).waitFor();
    await checkPage(page, 'week-03-summary-es');
  });
});
