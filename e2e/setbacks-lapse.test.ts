import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { answerSafetyScreen, formCouple } from './support/journey-steps';
import { checkPage, launchBrowser, newPhone } from './support/browser';
import { clock } from '../server/src/platform/local-date';

/**
 * A lapse, met with honesty and a plan, on two phones. Alex and Blake form their couple, pass the
 * private safety screen and sign a first plan (Alex's section, the agreed first hour after a
 * lapse). Alex reaches "I'm struggling" from the header, walks their own part of the plan step by
 * step and chooses to send Blake a note, which shows on Blake's open screen. Alex then writes a
 * lapse report: private at first (Blake sees nothing), the plan's lapse steps open, and once Alex
 * chooses to tell Blake it appears on Blake's screen at once. A day later (the server's clock is
 * moved on, as the API tests do) Alex is asked for a short reflection, proposes the change it
 * suggests to the plan, and both sign the new version. axe-core checks every page.
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
const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

const live = { timeout: 3_000 };

describe('setbacks: "I\'m struggling", the lapse report and the next-day reflection', () => {
  it('reaches out, reports a lapse privately, tells the partner by choice, reflects a day later and proposes a plan change both sign', async () => {
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);

    await formCouple(
      twofold,
      { page: alex, name: 'Alex', email: 'alex@example.org' },
      { page: blake, name: 'Blake', email: 'blake@example.org' },
    );
    await answerSafetyScreen(alex);
    await answerSafetyScreen(blake);

    // A first plan: Alex's own section and the agreed first hour after a lapse, signed by both.
    await alex.goto('/us/plan');
    await alex.getByRole('button', { name: 'Change my section' }).click();
    const mine = alex.getByRole('form', { name: 'My section of the plan' });
    await mine.getByRole('button', { name: 'Add a warning sign' }).click();
    await mine.getByLabel('What kind of sign').selectOption('feeling');
    await mine.getByLabel('The warning sign, in your words').fill('Lonely evenings');
    await mine.getByLabel('What I will do').fill('Call Sam');
    await mine.getByRole('button', { name: 'Save as a new version' }).click();
    await alex.getByText('Version 1 waits for both signatures.').waitFor();
    await alex.getByRole('button', { name: 'Change what we agree' }).click();
    const shared = alex.getByRole('form', { name: 'What we agree together' });
    await shared.getByLabel('In the first hour').fill('Stop, stay safe, call Sam');
    await shared.getByRole('button', { name: 'Add a support' }).click();
    await shared.getByLabel('Name or service').fill('Sam');
    await shared.getByLabel('Phone (for call and text)').fill('+1 555 010 2000');
    await shared.getByRole('button', { name: 'Save as a new version' }).click();
    await alex.getByText('Version 2 waits for both signatures.').waitFor();
    await alex.getByRole('button', { name: 'I agree: sign version 2' }).click();
    await blake.goto('/us/plan');
    await blake.getByRole('button', { name: 'I agree: sign version 2' }).click();
    await blake.getByText('Version 2 is in force: you both signed it.').waitFor();

    // "I'm struggling" is one tap from the header; Alex's own part of the plan, step by step.
    await blake.goto('/us');
    await alex.goto('/us');
    await alex.getByRole('link', { name: 'I’m struggling' }).click();
    await alex.getByRole('heading', { name: 'I’m struggling', level: 1 }).waitFor();
    await alex.getByText('Step 1 of 4').waitFor();
    await alex.getByRole('heading', { name: 'My warning signs' }).waitFor();
    await alex.getByText('Lonely evenings').waitFor();
    await checkPage(alex, 'lapse-01-struggling-signs');
    await alex.getByRole('button', { name: 'Next' }).click();
    await alex.getByRole('heading', { name: 'What I said I will do' }).waitFor();
    await alex.getByText('Call Sam').waitFor();
    await alex.getByRole('button', { name: 'Next' }).click();
    await alex.getByRole('heading', { name: 'People I can reach' }).waitFor();
    // The supports' messages are written on the phone with exactly the words in the box.
    expect(await alex.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toBe(
      `sms:+15550102000?body=${encodeURIComponent('I’m having a hard time right now. Could you call or text me when you can?')}`,
    );
    await checkPage(alex, 'lapse-02-struggling-reach');
    await alex.getByLabel('Your note to Blake').fill('Rough evening. Could we sit together for a bit?');
    await alex.getByRole('button', { name: 'Send to Blake' }).click();
    await alex.getByText('Sent. Blake will see your note in the app.').waitFor();
    // Blake's open screen shows it without a reload.
    await blake.getByRole('heading', { name: 'Alex reached out' }).waitFor(live);
    await blake.getByText('Rough evening. Could we sit together for a bit?').waitFor();
    await checkPage(blake, 'lapse-03-blake-note');
    await blake.getByRole('button', { name: 'I’ve seen it' }).click();
    await blake.getByText('Seen', { exact: true }).waitFor();

    // The lapse report: private by default.
    await alex.goto('/me');
    await alex.getByRole('link', { name: 'Write a lapse report' }).click();
    await alex.getByRole('heading', { name: 'Lapse report', level: 1 }).waitFor();
    const report = alex.getByRole('region', { name: 'Your report' });
    await report.getByRole('checkbox', { name: 'Alcohol' }).check();
    await report.getByLabel('What happened').fill('Two beers after the argument');
    await report.getByRole('checkbox', { name: 'Lonely evenings' }).check();
    await report.getByLabel('What you did afterwards').fill('Went to bed and wrote this');
    expect(await report.getByRole('checkbox', { name: 'Tell Blake' }).isChecked()).toBe(false);
    await checkPage(alex, 'lapse-04-report-form');
    const saveButton = report.getByRole('button', { name: 'Save my report' });
    // Nothing on the page is wider than the phone (a wider page would make the browser zoom out).
    expect(await alex.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveButton.click();

    // The plan's lapse steps open.
    await alex.getByRole('heading', { name: 'What helps now', level: 1 }).waitFor();
    await alex.getByRole('heading', { name: 'The steps you agreed on in your plan' }).waitFor();
    await alex.getByText('Stop, stay safe, call Sam').waitFor();
    await checkPage(alex, 'lapse-05-next-steps');

    // Blake learns nothing until Alex chooses; then at once.
    await blake.reload();
    await blake.getByRole('heading', { name: 'Alex reached out' }).waitFor();
    expect(await blake.getByText('Two beers after the argument').count()).toBe(0);
    expect(await blake.getByRole('heading', { name: 'Alex told you about a lapse' }).count()).toBe(0);
    await alex.getByRole('checkbox', { name: 'Tell Blake' }).check();
    await alex.getByRole('button', { name: 'Save who knows' }).click();
    await alex.getByText('Saved.', { exact: true }).waitFor();
    await blake.getByRole('heading', { name: 'Alex told you about a lapse' }).waitFor(live);
    await blake.getByText('Two beers after the argument').waitFor();
    await checkPage(blake, 'lapse-06-blake-told');

    // A day later, Alex is asked for a short reflection.
    const reported = realNow();
    clock.now = () => reported.add({ hours: 25 });
    await alex.goto('/me');
    await alex.getByText('A day has passed since your lapse report.').waitFor();
    await checkPage(alex, 'lapse-07-reflection-prompt');
    await alex.getByRole('link', { name: 'Reflect now' }).click();
    await alex.getByLabel('What I learned').fill('Evenings after an argument are the hardest for me');
    await alex.getByLabel('What I would change in our plan').fill('Take a walk together after an argument');
    await checkPage(alex, 'lapse-08-reflection-form');
    await alex.getByRole('button', { name: 'Save my reflection' }).click();
    await alex.getByText('Your reflection is saved.').waitFor();
    // The reflection is Alex's alone.
    await blake.reload();
    await blake.getByText('Two beers after the argument').waitFor();
    expect(await blake.getByText('Evenings after an argument').count()).toBe(0);

    // Proposing the change opens Alex's section of the plan with it; both sign the new version.
    await alex.getByRole('button', { name: 'Propose this change to our plan' }).click();
    await alex.getByRole('heading', { name: 'Our Continuing Recovery Plan', level: 1 }).waitFor();
    const editor = alex.getByRole('form', { name: 'My section of the plan' });
    expect(await editor.getByLabel('What I will do').inputValue()).toContain('Take a walk together after an argument');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await alex.getByText('Version 3 waits for both signatures.').waitFor();
    await alex.getByRole('button', { name: 'I agree: sign version 3' }).click();
    await blake.goto('/us/plan');
    await blake.getByText('Take a walk together after an argument').waitFor();
    await blake.getByRole('button', { name: 'I agree: sign version 3' }).click();
    await blake.getByText('Version 3 is in force: you both signed it.').waitFor();
    await alex.getByText('Version 3 is in force: you both signed it.').waitFor(live);
  });
});
