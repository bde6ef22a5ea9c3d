import type { Page } from 'playwright-core';
import { linkFor, type RunningTwofold } from './server';

/** The password every journey's people sign up with. */
export const journeyPassword = 'a long and private passphrase';

/** Signs a person up on the open sign-up page and follows the e-mailed link until the app moves on. */
export async function signUp(twofold: RunningTwofold, page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('What should we call you?').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(journeyPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await page.goto(linkFor(twofold.outbox, email, /\/confirm\?token=/));
  await page.waitForURL((url) => !url.pathname.startsWith('/confirm'));
}
