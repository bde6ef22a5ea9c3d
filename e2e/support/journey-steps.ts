import type { Locator, Page } from 'playwright-core';

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
