import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { clock } from '../server/src/platform/local-date';
import { startTwofold, type RunningTwofold } from './support/server';
import { signUp } from './support/sign-up';
import { checkPage, launchBrowser, newPhone } from './support/browser';

/**
 * Reminders on a phone: Sam chooses a check-in reminder time on the Reminders settings page, the
 * server's clock (controlled here: the server runs in this process) passes that time, the reminder
 * jobs (every second) show it, and it appears in the app; Sam snoozes it, it comes back after ten
 * minutes, and Sam marks it done. The e-mail says only the fixed neutral words. Axe on every page.
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

describe('reminders', () => {
  it('set a check-in time, see the reminder fire in the app, snooze it and mark it done', async () => {
    const sam = await newPhone(browser, twofold.url);
    await sam.goto('/signup');
    await signUp(twofold, sam, 'Sam', 'sam@example.org');

    await sam.goto('/settings');
    await sam.getByRole('link', { name: 'Reminder settings' }).click();
    await sam.getByRole('heading', { name: 'Reminder settings', level: 1 }).waitFor();
    const zoneText = await sam.getByText(/^Times are in your time zone, /).textContent();
    const timeZone = /time zone, (.+)\. You can/.exec(zoneText ?? '')![1]!;

    // The server's clock: noon today in Sam's time zone, outside the default quiet hours.
    const noon = Temporal.Now.zonedDateTimeISO(timeZone).with({ hour: 12, minute: 0, second: 0, millisecond: 0 });
    let now = noon.toInstant();
    clock.now = () => now;

    await sam.getByRole('checkbox', { name: 'My daily check-in' }).check();
    await sam.getByLabel('Check-in reminder time').fill('12:05');
    await sam.getByRole('checkbox', { name: 'By e-mail' }).check();
    await checkPage(sam, 'reminders-01-settings');
    await sam.getByRole('button', { name: 'Save reminders' }).click();
    await sam.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // Before 12:05 nothing; then the clock passes it and the jobs show the reminder.
    await sam.goto('/reminders');
    await sam.getByText('No reminders right now.').waitFor();
    now = noon.add({ minutes: 5, seconds: 10 }).toInstant();
    const reminder = sam.getByRole('listitem').filter({ hasText: 'Your daily check-in' });
    for (let tries = 0; tries < 20 && !(await reminder.isVisible()); tries += 1) {
      await sam.waitForTimeout(500);
      await sam.reload();
    }
    await reminder.waitFor();
    // The header shows it on every page.
    await sam.getByRole('link', { name: '1 reminder' }).waitFor();
    await checkPage(sam, 'reminders-02-list');
    const mail = twofold.outbox.filter((m) => m.to === 'sam@example.org' && m.subject === 'A reminder from Twofold');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).not.toMatch(/check-in|Sam/i);

    // Snoozed for ten minutes, it leaves the list and comes back.
    await reminder.getByRole('button', { name: '10 minutes' }).click();
    await sam.getByText('No reminders right now.').waitFor();
    now = noon.add({ minutes: 15, seconds: 20 }).toInstant();
    for (let tries = 0; tries < 20 && !(await reminder.isVisible()); tries += 1) {
      await sam.waitForTimeout(500);
      await sam.reload();
    }
    await reminder.waitFor();
    await reminder.getByRole('button', { name: 'Done: Your daily check-in' }).click();
    await sam.getByText('No reminders right now.').waitFor();
    await expect(sam.getByRole('link', { name: /reminder/ }).count()).resolves.toBe(0);
  });

  it('the settings page in Spanish', async () => {
    const ana = await newPhone(browser, twofold.url);
    await ana.goto('/signup');
    await signUp(twofold, ana, 'Ana', 'ana@example.org');
    await ana.goto('/settings');
    await ana.getByLabel('Language').selectOption('es');
    await ana.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
    await ana.goto('/settings/reminders');
    await ana.getByRole('heading', { name: 'Ajustes de recordatorios', level: 1 }).waitFor();
    await ana.getByRole('checkbox', { name: 'Mi medicación' }).check();
    await ana.getByRole('button', { name: 'Añadir una hora' }).click();
    await ana.getByLabel('Hora de la medicación 2').waitFor();
    await checkPage(ana, 'reminders-03-settings-es');
  });
});
