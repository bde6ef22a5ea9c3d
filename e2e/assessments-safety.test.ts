import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { enableTwoFactor } from './support/two-factor';
import { startTwofold, type RunningTwofold } from './support/server';
import { signUp } from './support/sign-up';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { formCouple } from './support/journey-steps';

/**
 * The self-harm safety flow on phones: a program with a clinician, a couple enrolled through the
 * clinician's invite; Alex fills in the PHQ-9 with item 9 above 0 and sees the crisis lines at once,
 * then the safety flow. Blake (Alex shares nothing) sees nothing of it; the clinician sees the alert
 * and acknowledges it. Every page is checked with axe and kept as a screenshot.
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

function question(page: Page, n: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) });
}

describe('assessments and safety', () => {
  it('PHQ-9 item 9 above 0: crisis lines at once, the safety flow, nothing for the partner, an alert for the clinician', async () => {
    // A program admin sets up the program and invites a clinician.
    const admin = await newPhone(browser, twofold.url);
    await admin.goto('/signup');
    await signUp(twofold, admin, 'Casey', 'casey@example.org');
    // Program staff use two-step sign-in (e2e/sign-in-security.test.ts).
    await enableTwoFactor(admin);
    await admin.goto('/programs/new');
    await admin.getByLabel('Program name').fill('Riverside Couples Recovery');
    await admin.getByRole('button', { name: 'Create program' }).click();
    await admin.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const programPath = new URL(admin.url()).pathname;
    await admin.getByRole('button', { name: 'Make a clinician invite link' }).click();
    const clinicianInvite = await admin.getByLabel('Invite link').inputValue();
    // An admin is no clinician: no safety alerts for them.
    expect(await admin.getByRole('region', { name: 'Safety alerts' }).count()).toBe(0);

    // The clinician joins and invites a couple.
    const clinician = await newPhone(browser, twofold.url);
    await clinician.goto(new URL(clinicianInvite).pathname);
    await signUp(twofold, clinician, 'Dr Lee', 'lee@example.org');
    await clinician.getByRole('button', { name: 'Accept the invite' }).click();
    await clinician.getByText(/You joined/).waitFor();
    await enableTwoFactor(clinician);
    await clinician.goto(programPath);
    await clinician.getByRole('region', { name: 'Safety alerts' }).getByText('No safety alerts.').waitFor();
    await clinician.getByRole('button', { name: 'Make a couple invite link' }).click();
    const programInvite = await clinician.getByLabel('Invite link').inputValue();

    // Alex and Blake form their couple; Alex joins the program for themselves.
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);
    await formCouple(
      twofold,
      { page: alex, name: 'Alex', email: 'alex@example.org' },
      { page: blake, name: 'Blake', email: 'blake@example.org' },
    );
    await alex.goto(new URL(programInvite).pathname);
    await alex.getByRole('button', { name: 'Accept the invite' }).click();
    await alex.getByRole('link', { name: 'Go to our couple space' }).first().waitFor();

    // Alex: the check-ups, reachable from the recovery navigation.
    await alex.goto('/me/today');
    await alex.getByRole('navigation', { name: 'My recovery' }).getByRole('link', { name: 'Check-ups' }).click();
    await alex.getByRole('heading', { name: 'Check-ups', level: 1 }).waitFor();
    await checkPage(alex, 'assessments-01-alex-check-ups');
    await alex.getByText('Change how often PHQ-9 is due').click();
    await alex.getByLabel('How often should PHQ-9 be due?').selectOption('14');
    await alex.getByRole('button', { name: 'Save', exact: true }).first().click();
    await alex.getByText('Due now.').first().waitFor();
    await alex.getByRole('link', { name: 'Start PHQ-9' }).click();

    // The PHQ-9: item 9 above 0 shows the crisis lines at once, before saving.
    await alex.getByRole('heading', { name: 'Mood check (PHQ-9)' }).waitFor();
    await checkPage(alex, 'assessments-02-alex-phq9');
    for (let n = 1; n <= 8; n += 1) {
      await question(alex, n)
        .getByText(n % 2 === 0 ? 'Several days' : 'More than half the days', { exact: true })
        .click();
    }
    expect(await alex.getByRole('alert').count()).toBe(0);
    await question(alex, 9).getByText('Several days', { exact: true }).click();
    const crisis = alex.getByRole('alert');
    await crisis.getByRole('heading', { name: 'You don’t have to carry this alone' }).waitFor();
    expect(await crisis.getByRole('link', { name: /Call 988/ }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: /Text 988/ }).getAttribute('href')).toBe('sms:988');
    await checkPage(alex, 'assessments-03-alex-item9-crisis');

    // Saved: the safety flow, honest about who was told.
    await alex.getByRole('button', { name: 'Save my answers' }).click();
    await alex.getByRole('heading', { name: 'Let’s take a moment for your safety' }).waitFor();
    await alex.getByText('Your care team got a private message that you may need support').waitFor();
    await alex.getByText('Your partner is never told.').waitFor();
    await alex.getByText('Yes, I’m safe for now').click();
    await alex.getByText('Tell one person you trust how you are feeling today.').waitFor();
    await alex.getByText('Score: 13 out of 27').waitFor();
    await alex.getByText('This is a screen, not a diagnosis.', { exact: false }).waitFor();
    await checkPage(alex, 'assessments-04-alex-safety-flow');
    await alex.goto('/me/assessments/phq-9/results');
    await alex.getByRole('figure', { name: 'PHQ-9 over time' }).waitFor();
    await checkPage(alex, 'assessments-05-alex-results');

    // Blake: nothing of it. No result, no due item, no alert; the API answers 404, as for nothing.
    const alexId = ((await (await alex.request.get('/api/me')).json()) as { user: { id: string } }).user.id;
    await blake.goto('/me/assessments');
    await blake.getByRole('heading', { name: 'Check-ups', level: 1 }).waitFor();
    await blake.getByText('Nothing is due right now.').waitFor();
    expect(await blake.getByRole('link', { name: /My results/ }).count()).toBe(0);
    await checkPage(blake, 'assessments-06-blake-check-ups');
    await blake.goto('/us');
    await blake.getByText('Some joint features are not available yet.').waitFor();
    await blake.getByRole('link', { name: 'Answer yours' }).waitFor();
    const blakeText = await blake.locator('main').innerText();
    expect(blakeText).not.toMatch(/PHQ|988|mood check|self-harm|score|alert/i);
    await checkPage(blake, 'assessments-07-blake-us');
    expect((await blake.request.get(`/api/people/${alexId}/assessments/mood-anxiety`)).status()).toBe(404);

    // Blake's own private safety screen, all "no": the page says it is private and offers Quick exit.
    await blake.getByRole('link', { name: 'Answer yours' }).click();
    await blake.getByRole('heading', { name: 'Private safety check', level: 1 }).waitFor();
    await checkPage(blake, 'assessments-08-blake-safety-screen');
    for (let n = 1; n <= 4; n += 1) {
      await question(blake, n).getByText('No', { exact: true }).click();
    }
    await blake.getByRole('button', { name: 'Save my answers' }).click();
    await blake.getByRole('heading', { name: 'Thank you for answering' }).waitFor();
    await checkPage(blake, 'assessments-09-blake-screen-clear');

    // The clinician sees the alert, in plain words, and acknowledges it.
    await clinician.goto(programPath);
    const alerts = clinician.getByRole('region', { name: 'Safety alerts' });
    await alerts.locator('strong', { hasText: 'Alex' }).waitFor();
    await alerts.getByText(/thoughts of death or self-harm/).waitFor();
    await checkPage(clinician, 'assessments-10-clinician-alerts');
    await alerts.getByRole('button', { name: 'Acknowledge Alex' }).click();
    await alerts.getByText(/^Acknowledged /).waitFor();
  });
});
