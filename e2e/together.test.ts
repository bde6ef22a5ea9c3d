import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { answerSafetyScreen, saveIntake, formCouple } from './support/journey-steps';
import { checkPage, launchBrowser, newPhone } from './support/browser';

/**
 * Together on two phones: Alex (in recovery) and Blake (supporting) form their couple and each
 * answers the private safety screen, so joint features open. They write and sign the Recovery
 * Contract (each on their own phone), do today's Trust Discussion (each records only their own
 * part), Blake calls a conflict pause and Alex's open page shows it within seconds without a
 * reload (live events), and they run two speaker–listener turns, live, to the summary.
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

describe('together', () => {
  it('contract, trust discussion, a live conflict pause and two speaker–listener turns on two phones', async () => {
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);

    // The couple forms.
    await formCouple(
      twofold,
      { page: alex, name: 'Alex', email: 'alex@example.org' },
      { page: blake, name: 'Blake', email: 'blake@example.org' },
    );

    // Before the safety screens: the contract shows only "not available yet".
    await alex.goto('/us/contract');
    await alex.getByText('Some joint features are not available yet.').waitFor();
    await checkPage(alex, 'together-01-alex-not-yet');

    // Each answers their own private safety screen; Alex is in recovery, Blake supports.
    await answerSafetyScreen(alex);
    await answerSafetyScreen(blake);
    await saveIntake(alex, true);
    await saveIntake(blake, false);

    // Alex writes the contract with the intention in their own words, and signs for themselves.
    await alex.goto('/us');
    await alex.getByRole('region', { name: 'Together' }).getByRole('link', { name: 'Our Recovery Contract' }).waitFor();
    await checkPage(alex, 'together-02-alex-us');
    await alex.getByRole('navigation', { name: 'Our space' }).getByRole('link', { name: 'Contract' }).click();
    await alex.getByRole('heading', { name: 'Recovery Contract', level: 1 }).waitFor();
    await alex.getByLabel('Time of our daily Trust Discussion').fill('20:30');
    await alex.getByLabel('My intention, in my own words').fill('Today I choose to stay sober, and I will call Sam if it gets hard.');
    await alex.getByLabel('Meetings or support groups I go to (optional)').fill('SMART Recovery on Tuesdays');
    await alex.getByLabel('Other things we agree on (optional)').fill('No alcohol at home.');
    await checkPage(alex, 'together-03-alex-contract-form');
    await alex.getByRole('button', { name: 'Save this version' }).click();
    await alex.getByText('Version 1 waits for both signatures.').waitFor();
    await alex.getByRole('button', { name: 'Sign for myself' }).click();
    await alex.getByText('You signed version 1. It is in force once Blake signs too.').waitFor();
    await checkPage(alex, 'together-04-alex-contract-signed-by-me');

    // Blake sees Alex's words and signature, cannot write Alex's part, and signs; Alex's open page follows live.
    await blake.goto('/us/contract');
    await blake.getByText('Alex signed version 1. It is in force once you sign too.').waitFor();
    await blake.getByText('Today I choose to stay sober, and I will call Sam if it gets hard.').waitFor();
    await checkPage(blake, 'together-05-blake-contract');
    await blake.getByRole('button', { name: 'Sign for myself' }).click();
    await blake.getByText('Version 1 is signed by both of you and in force.').waitFor();
    await alex.getByText('Version 1 is signed by both of you and in force.').waitFor(live);

    // Today's Trust Discussion: Alex states the intention, Blake thanks; each records only their own part.
    await alex.goto('/us/trust-discussion');
    await alex.getByText('Today I choose to stay sober, and I will call Sam if it gets hard.').waitFor();
    expect(await alex.getByRole('button', { name: /I thanked/ }).count()).toBe(0);
    await blake.goto('/us/trust-discussion');
    await blake.getByRole('button', { name: 'I thanked Alex' }).waitFor();
    expect(await blake.getByRole('button', { name: 'I stated my intention' }).count()).toBe(0);
    await blake.getByText('Why thank them for not using?').click();
    await blake.getByText('You can feel angry and still say thank you.', { exact: false }).waitFor();
    await checkPage(blake, 'together-06-blake-trust-coaching');
    await alex.getByRole('button', { name: 'I stated my intention' }).click();
    await expectPressed(alex.getByRole('button', { name: 'I stated my intention' }));
    await blake.getByText('stated their intention today.', { exact: false }).waitFor(live);
    await blake.getByRole('button', { name: 'I thanked Alex' }).click();
    await expectPressed(blake.getByRole('button', { name: 'I thanked Alex' }));
    await alex.getByText('thanked you today.', { exact: false }).waitFor(live);
    const streak = alex.getByRole('region', { name: 'Our streak' });
    await streak.getByText('1 day').first().waitFor(live);
    await alex.getByRole('cell', { name: /done by both/ }).waitFor();
    await checkPage(alex, 'together-07-alex-trust-done');

    // A conflict pause: Blake calls it, Alex's open page shows it within seconds, no reload.
    await alex.goto('/us/talk');
    await alex.getByRole('heading', { name: 'Talk', level: 1 }).waitFor();
    await checkPage(alex, 'together-08-alex-talk');
    await blake.goto('/us/talk');
    let reloaded = false;
    alex.on('framenavigated', (frame) => {
      if (frame === alex.mainFrame()) {
        reloaded = true;
      }
    });
    await blake.getByRole('button', { name: 'Call a pause' }).click();
    await blake.getByRole('heading', { name: 'Pause', level: 1 }).waitFor();
    await alex.getByRole('heading', { name: 'Pause', level: 1 }).waitFor(live);
    expect(reloaded).toBe(false);
    await alex.getByText('Try this while you wait').waitFor();
    // Nothing says who called it.
    expect(await alex.locator('main').innerText()).not.toMatch(/Blake/);
    await checkPage(alex, 'together-09-alex-pause');
    await alex.getByRole('button', { name: 'I’m ready to come back' }).click();
    await alex.getByText('You said you are ready.', { exact: false }).waitFor();
    await blake.getByRole('button', { name: 'I’m ready to come back' }).click();
    await blake.getByRole('heading', { name: 'Time to come back', level: 1 }).waitFor();
    await alex.getByRole('heading', { name: 'Time to come back', level: 1 }).waitFor(live);
    await checkPage(alex, 'together-10-alex-return');
    await alex.getByRole('button', { name: 'Back to our space' }).click();
    await blake.getByRole('button', { name: 'Back to our space' }).click();

    // Two speaker–listener turns, live on both phones.
    await alex.getByLabel('What is the talk about? (optional)').fill('Weekends');
    await alex.getByRole('button', { name: 'Start' }).click();
    await alex.getByText('You have the floor').waitFor();
    await blake.getByText('Alex has the floor').waitFor(live);
    await checkPage(blake, 'together-11-blake-listener');
    await blake.getByLabel('What I heard (optional)').fill('You feel alone when I work on Saturdays.');
    await blake.getByRole('button', { name: 'I said back what I heard' }).click();
    await alex.getByText('You feel alone when I work on Saturdays.').waitFor(live);
    await checkPage(alex, 'together-12-alex-confirm');
    await alex.getByRole('button', { name: 'Yes, that’s it' }).click();
    await alex.getByRole('button', { name: 'Pass the floor to Blake' }).click();
    await blake.getByText('You have the floor').waitFor(live);
    await alex.getByText('Blake has the floor').waitFor();
    await alex.getByRole('button', { name: 'I said back what I heard' }).click();
    await blake.getByRole('button', { name: 'Yes, that’s it' }).click();
    await blake.getByRole('button', { name: 'Pass the floor to Alex' }).waitFor();
    await blake.getByRole('button', { name: 'End the exercise' }).click();
    await blake.getByRole('heading', { name: 'Your last talk' }).waitFor();
    await alex.getByRole('heading', { name: 'Your last talk' }).waitFor(live);
    await checkPage(alex, 'together-13-alex-summary');

    // Accountability: Alex makes a commitment for themselves; Blake sees it live and can only acknowledge it.
    await alex.goto('/us/accountability');
    await blake.goto('/us/accountability');
    await alex.getByRole('textbox', { name: 'I will …' }).fill('go to my Tuesday meeting');
    await alex.getByRole('button', { name: 'Make this commitment' }).click();
    const blakeCommitments = blake.getByRole('region', { name: 'Commitments' });
    await blakeCommitments.getByText('go to my Tuesday meeting').waitFor(live);
    expect(await blakeCommitments.getByRole('button', { name: 'Kept' }).count()).toBe(0);
    await blakeCommitments.getByRole('button', { name: 'Acknowledge' }).click();
    await alex.getByText('acknowledged by Blake', { exact: false }).waitFor(live);
    await checkPage(alex, 'together-14-alex-accountability');
    await checkPage(blake, 'together-15-blake-accountability');
    await alex.goto('/us/future');
    await alex.getByRole('heading', { name: 'Our goals', level: 1 }).waitFor();
    await alex.getByText('You both signed your Recovery Contract.').waitFor();
    await checkPage(alex, 'together-16-alex-goals');
  });
});

async function expectPressed(button: Locator): Promise<void> {
  await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 3_000 }).toBe('true');
}
