import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { answerSafetyScreen, saveIntake, formCouple, enrolledCouple } from './support/journey-steps';
import { checkPage, launchBrowser, newPhone } from './support/browser';

/**
 * More of Together on two phones: Alex states a boundary and Blake acknowledges it; the
 * supporting-vs-enabling guide shows examples from their own situations; Blake writes a shared
 * goal, Alex adds a milestone and Blake ticks it, celebrated on both phones; Alex plans a Shared
 * Rewarding Activity, Blake marks it done and both rate it; Blake changes the goal they wrote,
 * which Alex cannot. Every change shows on the other open screen without a reload; axe on every page.
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

const live = { timeout: 3_000 };

describe('together, more', () => {
  it('boundaries, the guide from our own situations, a shared goal with a milestone, and an activity done and rated by both', async () => {
    const alex = await newPhone(browser, twofold.url);
    const blake = await newPhone(browser, twofold.url);
    await formCouple(
      twofold,
      { page: alex, name: 'Alex', email: 'alex@example.org' },
      { page: blake, name: 'Blake', email: 'blake@example.org' },
    );
    await answerSafetyScreen(alex);
    await answerSafetyScreen(blake);
    await saveIntake(alex, true);
    await saveIntake(blake, false);

    // Alex states a boundary; Blake's open page shows it, and Blake acknowledges it.
    await alex.goto('/us/accountability');
    await blake.goto('/us/accountability');
    const alexBoundaries = alex.getByRole('region', { name: 'Boundaries' });
    await alexBoundaries.getByRole('radio', { name: 'I will … if …' }).click();
    await alexBoundaries.getByLabel('My boundary, in my words').fill('I will leave the party if there is drinking');
    await alexBoundaries.getByRole('button', { name: 'State this boundary' }).click();
    const blakeBoundaries = blake.getByRole('region', { name: 'Boundaries' });
    await blakeBoundaries.getByText('I will leave the party if there is drinking').waitFor(live);
    expect(await blakeBoundaries.getByRole('button', { name: 'Change' }).count()).toBe(0);
    await blakeBoundaries.getByRole('button', { name: 'I acknowledge it' }).click();
    await alexBoundaries.getByText('Blake acknowledged it', { exact: false }).waitFor(live);
    await checkPage(blake, 'together-more-01-blake-boundaries');

    // The guide: examples from their own situations, each saying why.
    await alexBoundaries.getByRole('link', { name: /Supporting or enabling\?/ }).click();
    await alex.getByRole('heading', { name: 'Supporting or enabling?', level: 1 }).waitFor();
    const parties = alex.getByRole('listitem').filter({ has: alex.getByRole('heading', { name: 'Parties and gatherings' }) });
    await parties.getByText('Chosen because of your boundaries; your intake (Alcohol).').waitFor();
    await alex.getByText('Smith, J. E., & Meyers, R. J. (2004)', { exact: false }).waitFor({ state: 'attached' });
    await checkPage(alex, 'together-more-02-alex-guide');

    // A shared goal: Blake writes it, Alex adds a milestone, Blake ticks it; celebrated on both phones.
    await alex.goto('/us/future');
    await blake.goto('/us/future');
    await blake.getByText('Add a shared goal').click();
    await blake.getByLabel('Our goal').fill('A weekend away');
    await blake.getByLabel('Milestones on the way (optional)').fill('Save $300');
    await blake.getByRole('button', { name: 'Add the goal' }).click();
    const alexGoal = alex.getByRole('form', { name: 'Add a milestone to “A weekend away”' });
    await alexGoal.waitFor(live);
    expect(await alex.getByRole('button', { name: 'Change “A weekend away”' }).count()).toBe(0);
    await alexGoal.getByLabel('A new milestone').fill('Book the cabin');
    await alexGoal.getByRole('button', { name: 'Add the milestone' }).click();
    await blake.getByRole('checkbox', { name: 'Book the cabin' }).waitFor(live);
    await blake.getByRole('checkbox', { name: 'Book the cabin' }).click();
    await blake.getByRole('checkbox', { name: /Book the cabin \(ticked by you\)/ }).waitFor();
    await alex.getByRole('checkbox', { name: /Book the cabin \(ticked by Blake\)/ }).waitFor(live);
    for (const phone of [alex, blake]) {
      await phone.getByRole('region', { name: 'Celebrations' }).getByText('Milestone reached: Book the cabin').waitFor(live);
    }
    expect(await alex.getByRole('region', { name: 'Celebrations' }).getByText('Milestone reached: Book the cabin').count()).toBe(1);

    // Blake changes the goal they wrote; Alex's page follows.
    await blake.getByRole('button', { name: 'Change “A weekend away”' }).click();
    const editing = blake.getByRole('listitem').filter({ has: blake.getByRole('button', { name: 'Save the change' }) });
    await editing.getByLabel('Our goal').fill('A weekend by the sea');
    await blake.getByRole('button', { name: 'Save the change' }).click();
    await alex.getByRole('heading', { name: 'A weekend by the sea', level: 4 }).waitFor(live);

    // A Shared Rewarding Activity: Alex plans it, Blake marks it done, both rate it.
    await alex.getByLabel('What shall we do?').fill('Walk by the river');
    await alex.getByRole('button', { name: 'Plan it' }).click();
    const blakeActivity = blake.getByRole('listitem').filter({ has: blake.getByRole('heading', { name: 'Walk by the river' }) });
    await blakeActivity.waitFor(live);
    await blakeActivity.getByRole('button', { name: 'We did it' }).click();
    const alexActivity = alex.getByRole('listitem').filter({ has: alex.getByRole('heading', { name: 'Walk by the river' }) });
    await alexActivity.getByRole('button', { name: '4 of 5' }).click(live);
    await blakeActivity.getByRole('button', { name: '5 of 5' }).click();
    await alexActivity.getByText('Blake: 5 of 5.').waitFor(live);
    await blakeActivity.getByText('Alex: 4 of 5.').waitFor(live);
    await checkPage(alex, 'together-more-03-alex-future');
    await checkPage(blake, 'together-more-04-blake-future');
  });

  it('the care team sees the joint work only while both partners share it with them', async () => {
    const { clinician, programPath, alex, blake } = await enrolledCouple(twofold, browser, {
      admin: 'casey@example.org',
      clinician: 'lee@example.org',
      alex: 'alex2@example.org',
      blake: 'blake2@example.org',
    });
    await answerSafetyScreen(alex);
    await answerSafetyScreen(blake);
    await alex.goto('/us/accountability');
    const boundaries = alex.getByRole('region', { name: 'Boundaries' });
    await boundaries.getByLabel('My boundary, in my words').fill('I need a quiet hour after work');
    await boundaries.getByRole('button', { name: 'State this boundary' }).click();
    await boundaries.getByText('waiting for Blake to respond', { exact: false }).waitFor();

    // Only Alex shares the joint work with the care team: the clinician sees nothing yet.
    const shareTogether = async (page: Page, audience: 'My care team' | 'Only me') => {
      await page.goto('/sharing');
      const card = page.getByRole('region', { name: 'Our shared work as a couple' });
      await card
        .locator('label')
        .filter({ hasText: new RegExp(`^\\s*${audience}`) })
        .click();
      await page.getByText(/^Saved\. Now visible to/).waitFor();
    };
    await shareTogether(alex, 'My care team');
    await clinician.goto(programPath);
    await clinician.getByRole('link', { name: 'Joint work of Alex & Blake' }).click();
    await clinician.getByRole('heading', { name: 'Joint work', level: 1 }).waitFor();
    await clinician.getByText('Nothing to show: both partners must share', { exact: false }).waitFor();

    // Both share it: the clinician reads it; Blake takes it back: closed at the next load.
    await shareTogether(blake, 'My care team');
    await clinician.reload();
    await clinician.getByText('I need a quiet hour after work').waitFor();
    await clinician.getByText('No contract written yet.').waitFor();
    await checkPage(clinician, 'together-more-05-clinician-joint-work');
    await shareTogether(blake, 'Only me');
    await clinician.reload();
    await clinician.getByText('Nothing to show: both partners must share', { exact: false }).waitFor();
    expect(await clinician.getByText('I need a quiet hour after work').count()).toBe(0);
  });
});
