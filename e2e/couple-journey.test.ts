import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTwofold, linkFor, type RunningTwofold } from './support/server';
import { artifactsDir, checkPage, launchBrowser, newPhone } from './support/browser';

/**
 * Two partners on two phones: sign up, create the couple space, invite, join through the link,
 * share one kind of data, see it appear for the partner, and leave. Every page is checked with axe.
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

const password = 'a long and private passphrase';

async function signUp(page: Page, name: string, email: string, shotPrefix: string): Promise<void> {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await checkPage(page, `${shotPrefix}-signup`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await checkPage(page, `${shotPrefix}-check-email`);
  await page.goto(linkFor(twofold.outbox, email, /\/confirm\?token=/));
  // The confirm page finishes sign-up, then moves on (home, or back to the invite).
  await page.waitForURL((url) => !url.pathname.startsWith('/confirm'));
}

describe('two partners', () => {
  it('sign up, invite, join, share, see it, and leave', async () => {
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);

    // Alex signs up and creates the couple space.
    await alex.goto('/');
    await checkPage(alex, '01-welcome');
    await alex.goto('/signup');
    await signUp(alex, 'Alex', 'alex@example.org', '02-alex');
    await alex.goto('/us');
    await alex.getByRole('button', { name: 'Create our couple space' }).click();
    await alex.getByRole('button', { name: 'Make an invite link' }).click();
    const inviteUrl = await alex.getByLabel('Invite link').inputValue();
    expect(inviteUrl).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    await checkPage(alex, '03-alex-invite');

    // Alex writes what helps, still private.
    await alex.goto('/me');
    await alex.getByRole('textbox', { name: 'What helps me', exact: true }).fill('A walk together after dinner.');
    await alex.getByRole('textbox', { name: 'What does not help me', exact: true }).fill('Being asked whether I used today.');
    await alex.getByRole('button', { name: 'Save', exact: true }).click();
    await alex.getByText('Right now this is private to you.').waitFor();
    await checkPage(alex, '04-alex-me');

    // Blake opens the link, signs up through it, and joins.
    await blake.goto(new URL(inviteUrl).pathname);
    await blake.getByText('Alex invited you to share a couple space on Twofold.').waitFor();
    await checkPage(blake, '05-blake-invited');
    await signUp(blake, 'Blake', 'blake@example.org', '06-blake');
    await blake.getByRole('button', { name: 'Accept the invite' }).click();
    await blake.getByText('You joined the couple space.').waitFor();
    await blake.goto('/us');
    await blake.getByRole('region', { name: 'What helps Alex' }).getByText('Alex hasn’t shared this with you.').waitFor();
    await checkPage(blake, '07-blake-us-not-shared');

    // Alex shares "what helps me" with the partner; Blake sees it on the next load.
    await alex.goto('/sharing');
    await checkPage(alex, '08-alex-sharing');
    // The whole choice card is the label: tap it, as a person would.
    const helps = alex.getByRole('region', { name: 'What helps me' });
    await helps
      .locator('label')
      .filter({ hasText: /^\s*My partner(?! and)/ })
      .click();
    expect(await helps.getByRole('radio', { name: /^My partner(?! and)/ }).isChecked()).toBe(true);
    await alex.getByText('Saved. Now visible to: your partner.').waitFor();
    await blake.reload();
    await blake.getByText('A walk together after dinner.').waitFor();
    await checkPage(blake, '09-blake-us-shared');
    // The README's picture (docs/screenshot.png) is this screen, copied by hand when the UI changes.
    await blake.screenshot({ path: `${artifactsDir}/readme-us.png` });

    // Alex sees who looked.
    await alex.goto('/access-log');
    await alex
      .getByText(/Blake \(partner\)/)
      .first()
      .waitFor();
    await checkPage(alex, '10-alex-access-log');

    // Blake leaves, alone; Alex is told plainly and no longer sees Blake.
    await blake.goto('/us');
    await blake.getByRole('button', { name: 'Leave the couple space…' }).click();
    await checkPage(blake, '11-blake-leave-confirm');
    await blake.getByRole('button', { name: 'Yes, leave now' }).click();
    await blake.getByText('You left the couple space. Your own data is safe and private.').waitFor();
    await alex.goto('/us');
    await alex.getByText('Your partner left the couple space. What they shared is no longer visible to you.').waitFor();
    await checkPage(alex, '12-alex-partner-left');
    await alex.screenshot({ path: `${artifactsDir}/journey-end.png` });
  });

  it('leaves at once with quick exit, and finds crisis lines on every page', async () => {
    const page = await newPhone(browser, twofold.url);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Crisis help' }).click();
    const call988 = page.getByRole('link', { name: /Call 988/ });
    expect(await call988.getAttribute('href')).toBe('tel:988');
    await page.getByRole('link', { name: /Call 1-800-662-4357/ }).waitFor();
    await checkPage(page, '13-crisis-help');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goBack().catch(() => undefined);
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });
});
