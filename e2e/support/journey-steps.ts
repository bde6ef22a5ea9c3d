import type { Locator, Page } from 'playwright-core';
import type { RunningTwofold } from './server';
import { signUp } from './sign-up';

/** Steps several journeys take the same way, through the pages as a person would. */
function question(page: Page, n: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) });
}

export async function answerSafetyScreen(page: Page): Promise<void> {
  await page.goto('/me/safety-screen');
  await page.getByRole('heading', { name: 'Private safety check', level: 1 }).waitFor();
  for (let n = 1; n <= 4; n += 1) {
    await question(page, n).getByText('No', { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you for answering' }).waitFor();
}

export async function saveIntake(page: Page, inRecovery: boolean): Promise<void> {
  await page.goto('/me/intake');
  await page.getByRole('heading', { name: 'About my recovery' }).waitFor();
  await page
    .getByRole('group', { name: /^Are you in recovery yourself\?/ })
    .getByRole('radio', { name: inRecovery ? 'Yes, I am' : 'No, I am supporting my partner', exact: true })
    .click();
  if (inRecovery) {
    await page
      .getByRole('group', { name: /^What is your recovery about\?/ })
      .getByRole('checkbox', { name: 'Alcohol' })
      .click();
  }
  await page.getByRole('button', { name: 'Save intake' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
}

/**
 * Two people form a couple the way a person would: the first signs up and makes an invite link in
 * the couple space, the second opens it, signs up through it and accepts.
 */
export async function formCouple(
  twofold: RunningTwofold,
  first: { page: Page; name: string; email: string },
  second: { page: Page; name: string; email: string },
): Promise<void> {
  await first.page.goto('/signup');
  await signUp(twofold, first.page, first.name, first.email);
  await first.page.goto('/us');
  await first.page.getByRole('button', { name: 'Create our couple space' }).click();
  await first.page.getByRole('button', { name: 'Make an invite link' }).click();
  const invite = await first.page.getByLabel('Invite link').inputValue();
  await second.page.goto(new URL(invite).pathname);
  await signUp(twofold, second.page, second.name, second.email);
  await second.page.getByRole('button', { name: 'Accept the invite' }).click();
  await second.page.getByText('You joined the couple space.').waitFor();
}
