import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTwofold, linkFor, type RunningTwofold } from './support/server';
import { journeyPassword as password, signUp } from './support/sign-up';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { enableTwoFactor, totpCode } from './support/two-factor';

/**
 * Sign-in security on phones: a forgotten password reset through the e-mailed link signs every
 * device out; program staff set up two-step sign-in before their program opens, and log in with a
 * code from their authenticator app. Every page is checked with axe.
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

async function logIn(page: Page, email: string, secret: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('sign-in security', () => {
  it('a forgotten password: the e-mailed link sets a new one and every device is signed out', async () => {
    const phone = await newPhone(browser, twofold.url);
    await phone.goto('/signup');
    await signUp(twofold, phone, 'Sam', 'sam@example.org');
    const laptop = await newPhone(browser, twofold.url);
    await logIn(laptop, 'sam@example.org', password);
    await laptop.waitForURL((url) => url.pathname !== '/login');

    const other = await newPhone(browser, twofold.url);
    await other.goto('/login');
    await other.getByRole('link', { name: 'Forgot your password?' }).click();
    await other.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await checkPage(other, 'sis-01-forgot');
    await other.getByLabel('E-mail').fill('sam@example.org');
    await other.getByRole('button', { name: 'Send the link' }).click();
    await other.getByText(/If an account has this address, we sent it a link/).waitFor();
    await checkPage(other, 'sis-02-forgot-sent');

    const mail = twofold.outbox.at(-1)!;
    expect(mail).toMatchObject({ to: 'sam@example.org', subject: 'Reset your Twofold password' });
    expect(mail.text).not.toMatch(/Sam|recover|sober|partner/);
    await other.goto(linkFor(twofold.outbox, 'sam@example.org', /\/reset-password\?token=/));
    await other.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await checkPage(other, 'sis-03-reset');
    const newPassword = 'a new and still private passphrase';
    await other.getByLabel('New password', { exact: true }).fill(newPassword);
    await other.getByRole('button', { name: 'Save the new password' }).click();
    await other.getByText(/every device was signed out/).waitFor();
    await checkPage(other, 'sis-04-reset-done');

    // Both devices that were signed in are signed out.
    for (const device of [phone, laptop]) {
      await device.goto('/settings');
      await device.waitForURL(/\/login/);
    }
    // The old password no longer works; the new one does.
    await logIn(other, 'sam@example.org', password);
    await other.getByText('That e-mail and password do not match an account.').waitFor();
    await logIn(other, 'sam@example.org', newPassword);
    await other.waitForURL((url) => url.pathname !== '/login');
  });

  it('staff set up two-step sign-in before their program opens, then log in with a code', async () => {
    // The admin sets up two-step sign-in, then creates the program and invites a clinician.
    const admin = await newPhone(browser, twofold.url);
    await admin.goto('/signup');
    await signUp(twofold, admin, 'Avery', 'avery@example.org');
    await admin.goto('/programs/new');
    await admin.getByLabel('Program name').fill('Riverside Couples Recovery');
    await admin.getByRole('button', { name: 'Create program' }).click();
    await admin.getByText(/Set up two-step sign-in first/).waitFor();
    await enableTwoFactor(admin);
    await admin.goto('/programs/new');
    await admin.getByLabel('Program name').fill('Riverside Couples Recovery');
    await admin.getByRole('button', { name: 'Create program' }).click();
    await admin.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const programPath = new URL(admin.url()).pathname;
    await admin.getByRole('button', { name: 'Make a clinician invite link' }).click();
    const clinicianInvite = await admin.getByLabel('Invite link').inputValue();

    // The clinician joins: the program stays closed until two-step sign-in is on.
    const clinician = await newPhone(browser, twofold.url);
    await clinician.goto(new URL(clinicianInvite).pathname);
    await signUp(twofold, clinician, 'Dr Lee', 'lee@example.org');
    await clinician.getByRole('button', { name: 'Accept the invite' }).click();
    await clinician.getByText(/You joined/).waitFor();
    await clinician.goto(programPath);
    await clinician.getByText(/Set up two-step sign-in first/).waitFor();
    await checkPage(clinician, 'sis-05-clinician-needs-two-factor');
    await clinician.goto('/settings');
    await clinician.getByText(/Program staff must use two-step sign-in/).waitFor();
    const section = clinician.getByRole('region', { name: 'Two-step sign-in' });
    await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await section.getByRole('img', { name: 'QR code to add Twofold to your authenticator app' }).waitFor();
    await checkPage(clinician, 'sis-06-two-factor-setup');
    const secret = (await section.locator('code.secret').innerText()).replace(/\s+/g, '');
    await section.getByLabel('Code').fill(totpCode(secret));
    await section.getByRole('button', { name: 'Turn on' }).click();
    const codes = section.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await checkPage(clinician, 'sis-07-recovery-codes');
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await clinician.goto(programPath);
    await clinician.getByRole('button', { name: 'Make a couple invite link' }).waitFor();

    // Log out, and back in: the password, then a code from the app.
    await clinician.goto('/settings');
    await clinician.getByRole('button', { name: 'Log out', exact: true }).click();
    await clinician.waitForURL(/\/login/);
    await logIn(clinician, 'lee@example.org', password);
    await clinician.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await checkPage(clinician, 'sis-08-login-code');
    // The code used to turn it on was this step's: the next step's code is the one an app shows next.
    await clinician.getByLabel('Code').fill(totpCode(secret, 1));
    await clinician.getByRole('button', { name: 'Continue' }).click();
    await clinician.waitForURL((url) => url.pathname !== '/login');
    await clinician.goto(programPath);
    await clinician.getByRole('button', { name: 'Make a couple invite link' }).waitFor();
  });
});
