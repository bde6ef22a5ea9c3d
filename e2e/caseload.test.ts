import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemo, demoPassword } from '../scripts/demo-seed';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { startTwofold, type RunningTwofold } from './support/server';
import { totpCode } from './support/two-factor';

/**
 * The demo program's clinician on a phone: the caseload shows flags that explain themselves (Jordan's
 * craving rising, then three days without a check-in; Riley's safety alert), one is acknowledged
 * with a note and shows dimmed, the couple overview shows both partners side by side limited to
 * what each shares, then one partner's individual view; the same in Spanish.
 */

let twofold: RunningTwofold;
let browser: Browser;
let secret: string;
let programPath: string;
beforeAll(async () => {
  twofold = await startTwofold();
  const logins = await seedDemo(twofold.database.db, twofold.url, twofold.cipher);
  secret = logins.find(([role]) => role === 'clinician')![3]!;
  const program = await twofold.database.db.selectFrom('programs').select('id').executeTakeFirstOrThrow();
  programPath = `/programs/${program.id}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await twofold?.stop();
});

async function logInClinician(page: Page, stepsAhead: number): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('clinician@demo.twofold.test');
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Code').fill(totpCode(secret, stepsAhead));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

describe('caseload flags and couple overview', () => {
  it('a clinician sees the flags, acknowledges one, and opens the overview and an individual view, in English and Spanish', async () => {
    const page = await newPhone(browser, twofold.url);
    // The demo confirmed two-step sign-in with this step's code: the next step's is the one an app shows next.
    await logInClinician(page, 1);
    await page.goto(programPath);
    const jordanFlags = page.getByRole('list', { name: 'Flags for Jordan & Sam' });
    await jordanFlags.getByText('Rising craving', { exact: true }).waitFor();
    await expect(jordanFlags.getByText(/Craving rose by [\d.]+ points a day over the last 14 days/).count()).resolves.toBe(1);
    await expect(jordanFlags.getByText('No check-in for 3 days.').count()).resolves.toBe(1);
    await page.getByRole('list', { name: 'Flags for Alex & Riley' }).getByText('Safety alert', { exact: true }).waitFor();
    await checkPage(page, 'caseload-01-flags');

    const missed = jordanFlags.getByRole('listitem').filter({ hasText: 'Missed check-ins' });
    await missed.getByRole('button', { name: /Acknowledge with a note/ }).click();
    await missed.getByLabel('Note').fill('Texted Jordan; they are travelling for work until Friday.');
    await missed.getByRole('button', { name: 'Acknowledge with a note' }).click();
    await missed.getByText(/Acknowledged by Dr. Rosa Alvarez/).waitFor();
    await expect(missed.getAttribute('class')).resolves.toContain('flag--dimmed');

    await page.getByRole('link', { name: 'Open the overview of Jordan & Sam' }).click();
    const jordan = page.getByRole('region', { name: 'Jordan' });
    await jordan.getByRole('img', { name: 'Craving and mood of Jordan over the period' }).waitFor();
    await jordan.getByRole('list', { name: 'Use calendar' }).waitFor();
    // Sam shares check-ins with Jordan only: nothing of them here.
    await expect(page.getByRole('region', { name: 'Sam' }).getByText('Not shared with the care team.').count()).resolves.toBe(2);
    await checkPage(page, 'caseload-02-overview');

    await jordan.getByRole('link', { name: 'Individual view of Jordan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Individual view' }).waitFor();
    await expect(page.getByRole('region', { name: 'Sam' }).count()).resolves.toBe(0);
    await checkPage(page, 'caseload-03-individual');

    // The same in Spanish.
    await page.goto('/settings');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
    await page.goto(programPath);
    await page.getByRole('list', { name: 'Señales de Jordan & Sam' }).getByText('Deseo de consumo en aumento', { exact: true }).waitFor();
    await checkPage(page, 'caseload-04-flags-es');
    await page.getByRole('link', { name: 'Abrir el resumen de Jordan & Sam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resumen de la pareja' }).waitFor();
    await checkPage(page, 'caseload-05-overview-es');
    await page.context().close();
  }, 120_000);
});
