import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { startTwofold, type RunningTwofold } from './support/server';
import { enrolledCouple } from './support/journey-steps';
import { checkPage, launchBrowser } from './support/browser';

/**
 * The care team's sessions and homework on phones: a clinician schedules a joint session and an
 * individual session for Blake and assigns Alex a check-up; Alex sees the joint session and the
 * homework (never Blake's individual session), Blake sees both sessions and no homework; Alex makes
 * a calendar address whose feed says only "Twofold session". Axe on every page.
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

describe('sessions and homework with the care team', () => {
  it('the clinician schedules and assigns; each partner sees only their own', async () => {
    const { clinician, programPath, alex, blake } = await enrolledCouple(twofold, browser, {
      admin: 'casey@example.org',
      clinician: 'lee@example.org',
      alex: 'alex@example.org',
      blake: 'blake@example.org',
    });

    const nextWeek = Temporal.Now.plainDateISO('America/Chicago').add({ days: 7 }).toString();
    await clinician.goto(programPath);
    await clinician.getByRole('link', { name: 'Sessions and homework of Alex & Blake' }).click();
    await clinician.getByRole('heading', { name: 'Sessions and homework: Alex & Blake', level: 1 }).waitFor();
    const schedule = clinician.getByRole('region', { name: 'Schedule a session' });
    await schedule.getByLabel('Date').fill(nextWeek);
    await schedule.getByLabel('Start (your time zone)').fill('17:30');
    await schedule.getByLabel('Place').fill('Riverside clinic, room 3');
    await schedule.getByRole('button', { name: 'Schedule session' }).click();
    await schedule.getByText(/Session scheduled/).waitFor();
    await schedule.getByLabel('Who takes part').selectOption({ label: 'Individual session with Blake' });
    await schedule.getByLabel('Date').fill(nextWeek);
    await schedule.getByLabel('Start (your time zone)').fill('09:00');
    await schedule.getByRole('radio', { name: 'Video call' }).check();
    await schedule.getByLabel('Video-call link').fill('https://video.example.org/room/42');
    await schedule.getByRole('button', { name: 'Schedule session' }).click();
    const sessions = clinician.getByRole('region', { name: 'Sessions' });
    await sessions.getByText('Individual session').waitFor();

    const assign = clinician.getByRole('region', { name: 'Assign homework' });
    await assign.getByLabel('For').selectOption({ label: 'Alex' });
    await assign.getByLabel('What kind').selectOption({ label: 'Check-up questionnaire' });
    await assign.getByLabel('Which one').selectOption({ label: 'Worry check (GAD-7)' });
    await assign.getByLabel('Due date').fill(nextWeek);
    await assign.getByLabel('Instructions (optional)').fill('Before our next session, please.');
    await assign.getByRole('button', { name: 'Assign homework' }).click();
    await clinician.getByRole('region', { name: 'Homework' }).getByText('Alex: not done yet').waitFor();
    await checkPage(clinician, 'care-01-clinician-couple');

    await alex.goto('/me');
    await alex.getByRole('link', { name: 'My care team: sessions and homework' }).click();
    await alex.getByRole('heading', { name: 'My care team', level: 1 }).waitFor();
    await alex.getByRole('link', { name: 'Do it: Worry check (GAD-7)' }).waitFor();
    await alex.getByText('Before our next session, please.').waitFor();
    const alexSessions = alex.getByRole('list', { name: 'Upcoming sessions' });
    await alexSessions.getByText('Joint session').waitFor();
    expect(await alexSessions.getByText('Individual session').count()).toBe(0);
    expect(await alex.getByText('video.example.org').count()).toBe(0);

    await alex.getByRole('button', { name: 'Make a calendar address' }).click();
    const feedUrl = await alex.getByLabel('Your secret calendar address').inputValue();
    await checkPage(alex, 'care-02-alex-my-care');
    const feed = await fetch(feedUrl);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('SUMMARY:Twofold session');
    expect(ics).not.toMatch(/Alex|Blake|Riverside|Lee/);

    await alex.getByRole('button', { name: 'Mark done: Worry check (GAD-7)' }).click();
    await alex.getByText(/Done — you marked it on/).waitFor();
    await clinician.reload();
    await clinician
      .getByRole('region', { name: 'Homework' })
      .getByText(/Alex: done \(marked on/)
      .waitFor();

    await blake.goto('/care');
    const blakeSessions = blake.getByRole('list', { name: 'Upcoming sessions' });
    await blakeSessions.getByText('Individual session').waitFor();
    await blakeSessions.getByText('Joint session').waitFor();
    await blake.getByText('No homework from your care team right now.').waitFor();
    expect(await blake.getByText('Before our next session, please.').count()).toBe(0);
    await checkPage(blake, 'care-03-blake-my-care');
  });
});
