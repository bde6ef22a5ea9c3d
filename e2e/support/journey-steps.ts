import type { Browser, Locator, Page } from 'playwright-core';
import { newPhone } from './browser';
import { enableTwoFactor } from './two-factor';
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

/**
 * A couple enrolled in a program, the way people do it: an admin (two-step sign-in) creates
 * "Riverside Couples Recovery" and invites a clinician, who signs up, turns on two-step sign-in and
 * makes a couple invite link; Alex and Blake form their couple and each joins the program for
 * themselves, Blake through the consent form with nothing ticked.
 */
export async function enrolledCouple(
  twofold: RunningTwofold,
  browser: Browser,
  emails: { admin: string; clinician: string; alex: string; blake: string },
): Promise<{ clinician: Page; programPath: string; alex: Page; blake: Page }> {
  const admin = await newPhone(browser, twofold.url);
  await admin.goto('/signup');
  await signUp(twofold, admin, 'Casey', emails.admin);
  await enableTwoFactor(admin);
  await admin.goto('/programs/new');
  await admin.getByLabel('Program name').fill('Riverside Couples Recovery');
  await admin.getByRole('button', { name: 'Create program' }).click();
  await admin.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
  const programPath = new URL(admin.url()).pathname;
  await admin.getByRole('button', { name: 'Make a clinician invite link' }).click();
  const clinicianInvite = await admin.getByLabel('Invite link').inputValue();
  const clinician = await newPhone(browser, twofold.url);
  await clinician.goto(new URL(clinicianInvite).pathname);
  await signUp(twofold, clinician, 'Dr Lee', emails.clinician);
  await clinician.getByRole('button', { name: 'Accept the invite' }).click();
  await clinician.getByText(/You joined/).waitFor();
  await enableTwoFactor(clinician);
  await clinician.goto(programPath);
  await clinician.getByRole('button', { name: 'Make a couple invite link' }).click();
  const programInvite = await clinician.getByLabel('Invite link').inputValue();

  const alex = await newPhone(browser, twofold.url);
  const blake = await newPhone(browser, twofold.url);
  await formCouple(twofold, { page: alex, name: 'Alex', email: emails.alex }, { page: blake, name: 'Blake', email: emails.blake });
  await alex.goto(new URL(programInvite).pathname);
  await alex.getByRole('button', { name: 'Accept the invite' }).click();
  await alex.getByRole('link', { name: 'Go to our couple space' }).first().waitFor();
  await blake.goto('/us');
  await blake.getByRole('button', { name: 'Join Riverside Couples Recovery for myself' }).click();
  await blake.getByRole('button', { name: 'Join Riverside Couples Recovery with this consent' }).click();
  await blake.getByText('You are enrolled in Riverside Couples Recovery.').waitFor();
  return { clinician, programPath, alex, blake };
}
