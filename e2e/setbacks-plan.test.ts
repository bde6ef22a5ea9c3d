import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { answerSafetyScreen, formCouple } from './support/journey-steps';
import { checkPage, launchBrowser, newPhone } from './support/browser';

/**
 * The Continuing Recovery Plan on two phones: Alex and Blake form their couple and pass the
 * private safety screen. Alex writes their own section (a warning sign the app may notice in
 * Alex's check-ins, what Alex will do, what Blake agrees not to do) and the shared part (the
 * first hour after a lapse, a sponsor one tap away, a group, the review date), and signs. Blake
 * reads it, signs on their own phone, and Alex's open page shows the plan in force at once. Then a
 * revision: Blake adds their own section, a new version both sign again, while the old one stays
 * in force until then. axe-core checks every page.
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

/** What one partner does must show on the other's open screen this fast, without a reload. */
const live = { timeout: 3_000 };

function reviewDateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('setbacks: the Continuing Recovery Plan', () => {
  it('is written and signed by both partners on their own phones, then revised and co-signed again', async () => {
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);

    // The couple forms, and each answers their own private safety screen.
    await formCouple(
      twofold,
      { page: alex, name: 'Alex', email: 'alex@example.org' },
      { page: blake, name: 'Blake', email: 'blake@example.org' },
    );
    await answerSafetyScreen(alex);
    await answerSafetyScreen(blake);

    // Alex finds the plan in the Us navigation; nothing is written yet.
    await alex.goto('/us');
    await alex.getByRole('navigation', { name: 'Our space' }).getByRole('link', { name: 'Plan' }).click();
    await alex.getByRole('heading', { name: 'Our Continuing Recovery Plan', level: 1 }).waitFor();
    await alex.getByText(/^No plan yet\./).waitFor();
    await checkPage(alex, 'plan-01-alex-empty');

    // Alex writes their own section.
    await alex.getByRole('button', { name: 'Change my section' }).click();
    const mine = alex.getByRole('form', { name: 'My section of the plan' });
    await mine.getByRole('button', { name: 'Add a warning sign' }).click();
    await mine.getByLabel('What kind of sign').selectOption('behaviour');
    await mine.getByLabel('The warning sign, in your words').fill('Skipping my Tuesday group');
    await mine.getByLabel('Let the app notice this in my check-ins').selectOption('sleep-poor');
    await mine.getByLabel('How many days in a row').fill('3');
    await mine.getByLabel('High-risk situations').fill('Payday Fridays');
    await mine.getByLabel('What I will do').fill('Call Sam\nGo for a run');
    await mine.getByLabel('What I would like Blake to do').fill('Ask me to go for a walk');
    await mine.getByRole('button', { name: '+ Check my phone, bag or receipts' }).click();
    expect(await mine.getByLabel('What Blake agrees not to do').inputValue()).toBe('Check my phone, bag or receipts');
    await checkPage(alex, 'plan-02-alex-my-section-form');
    await mine.getByRole('button', { name: 'Save as a new version' }).click();
    await alex.getByText('Version 1 waits for both signatures.').waitFor();

    // Then the shared part: the first hour, a sponsor one tap away, a group, the review date.
    await alex.getByRole('button', { name: 'Change what we agree' }).click();
    const shared = alex.getByRole('form', { name: 'What we agree together' });
    await shared.getByLabel('In the first hour').fill('Stop, stay safe, call Sam');
    await shared.getByRole('button', { name: 'Add a support' }).click();
    await shared.getByLabel('Name or service').fill('Sam');
    await shared.getByLabel('Phone (for call and text)').fill('+1 555 010 2000');
    await shared.getByRole('button', { name: 'Add a group' }).click();
    await shared.getByLabel('Group', { exact: true }).selectOption('smart');
    await shared.getByLabel('Review date:').fill(reviewDateIn(90));
    await checkPage(alex, 'plan-03-alex-shared-form');
    await shared.getByRole('button', { name: 'Save as a new version' }).click();
    await alex.getByText('Version 2 waits for both signatures.').waitFor();
    await alex.getByRole('button', { name: 'I agree: sign version 2' }).click();
    await alex.getByText('Version 2 waits for Blake’s signature.').waitFor();
    await checkPage(alex, 'plan-04-alex-signed');

    // Blake reads Alex's own words and the shared part, with the sponsor one tap away, and signs.
    await blake.goto('/us/plan');
    await blake.getByText('Version 2 waits for your signature; Alex has signed.').waitFor();
    await blake.getByRole('heading', { name: 'Alex’s section' }).waitFor();
    await blake.getByText('Skipping my Tuesday group').waitFor();
    await blake.getByText('Noticed in my check-ins: Poor sleep, 3 days in a row').waitFor();
    await blake.getByText('Check my phone, bag or receipts').waitFor();
    expect(await blake.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:+15550102000');
    expect(await blake.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toBe('sms:+15550102000');
    expect(await blake.getByRole('link', { name: /^Find a meeting: SMART Recovery/ }).getAttribute('href')).toBe(
      'https://meetings.smartrecovery.org/meetings/',
    );
    await checkPage(blake, 'plan-05-blake-reads');
    await blake.getByRole('button', { name: 'I agree: sign version 2' }).click();
    await blake.getByText('Version 2 is in force: you both signed it.').waitFor();
    await alex.getByText('Version 2 is in force: you both signed it.').waitFor(live);

    // A revision: Blake writes Blake's own section. Version 2 stays in force until both sign again.
    await blake.getByRole('button', { name: 'Change my section' }).click();
    const blakes = blake.getByRole('form', { name: 'My section of the plan' });
    await blakes.getByRole('button', { name: 'Add a warning sign' }).click();
    await blakes.getByLabel('What kind of sign').selectOption('feeling');
    await blakes.getByLabel('The warning sign, in your words').fill('Resentment I keep to myself');
    await blakes.getByLabel('What I will do').fill('Go to my Al-Anon meeting');
    await blakes.getByRole('button', { name: 'Save as a new version' }).click();
    await blake.getByText('Version 3 waits for both signatures.').waitFor();
    await blake.getByText('Version 2 stays in force until you both sign the new one.').waitFor();
    await blake.getByRole('button', { name: 'I agree: sign version 3' }).click();
    await alex.getByText('Version 3 waits for your signature; Blake has signed.').waitFor(live);
    await alex.getByRole('heading', { name: 'Blake’s section' }).waitFor();
    await alex.getByText('Resentment I keep to myself').waitFor();
    // Alex's own words are unchanged in the new version.
    await alex.getByText('Skipping my Tuesday group').waitFor();
    await checkPage(alex, 'plan-06-alex-revision');
    await alex.getByRole('button', { name: 'I agree: sign version 3' }).click();
    await alex.getByText('Version 3 is in force: you both signed it.').waitFor();
    await blake.getByText('Version 3 is in force: you both signed it.').waitFor(live);

    // Every version is kept.
    await alex.getByText('Every version').click();
    await alex.getByRole('heading', { name: /^Version 1\b/ }).waitFor();
    expect(await alex.getByRole('heading', { name: /^Version \d/ }).allTextContents()).toEqual([
      'Version 3 In force',
      'Version 2 Replaced',
      'Version 1 Replaced',
    ]);
    await checkPage(alex, 'plan-07-alex-history');
  });
});
