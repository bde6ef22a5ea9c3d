import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { demoPassword, seedDemo } from '../scripts/demo-seed';
import { artifactsDir, checkPage, launchBrowser, newPhone } from './support/browser';
import { startTwofold, type RunningTwofold } from './support/server';
import { signUp } from './support/sign-up';
import { enableTwoFactor, totpCode } from './support/two-factor';

/**
 * The care team's journey (issue 8) on phones, on the demo program: its admin invites a clinician,
 * who sets up two-step sign-in and signs in with password and code; sees the caseload's flags;
 * opens Jordan & Sam; writes an individual note about Jordan (signed) and a joint note shared with
 * the couple; assigns Jordan homework; downloads the progress report (the PDF's text carries the
 * 42 CFR part 2 notice on every page, Sam's unshared data is absent; its first page is rendered to
 * a PNG). Jordan sees the homework and the joint note; Sam, the other partner, sees the joint note
 * and never the individual one. Axe on every page.
 */
let twofold: RunningTwofold;
let browser: Browser;
let adminSecret: string;
let programPath: string;
beforeAll(async () => {
  twofold = await startTwofold();
  const logins = await seedDemo(twofold.database.db, twofold.url, twofold.cipher);
  adminSecret = logins.find(([role]) => role === 'program admin')![3]!;
  const program = await twofold.database.db.selectFrom('programs').select('id').executeTakeFirstOrThrow();
  programPath = `/programs/${program.id}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await twofold?.stop();
});

async function logIn(page: Page, email: string, password: string, code?: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (code !== undefined) {
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL((url) => url.pathname !== '/login');
}

const individualWords = 'Jordan named evenings alone as the hardest time; we planned a call to a friend at 8 pm.';
const jointWords = 'Practised reflective listening; both agreed to keep the Trust Discussion at 8:30 pm.';

describe('the care team: notes, homework and the progress report', () => {
  it('an invited clinician writes notes, assigns homework and downloads the report; each partner sees only what is theirs', async () => {
    // The admin (two-step sign-in: the demo confirmed this step's code, so the next step's is used) invites a clinician.
    const admin = await newPhone(browser, twofold.url);
    await logIn(admin, 'admin@demo.twofold.test', demoPassword, totpCode(adminSecret, 1));
    await admin.goto(programPath);
    await admin.getByRole('button', { name: 'Make a clinician invite link' }).click();
    const invite = await admin.getByLabel('Invite link').inputValue();
    await checkPage(admin, 'care-team-01-admin');

    const joining = await newPhone(browser, twofold.url);
    await joining.goto(new URL(invite).pathname);
    await signUp(twofold, joining, 'Dr. Kim Park', 'kim@example.org');
    await joining.getByRole('button', { name: 'Accept the invite' }).click();
    await joining.getByText(/You joined/).waitFor();
    const { secret } = await enableTwoFactor(joining);
    await joining.context().close();

    // A clinician sees only the couples assigned to them: the admin assigns Jordan & Sam to Dr. Park too.
    await admin.goto(`${programPath}/admin`);
    const assignment = admin.getByRole('group', { name: /Jordan/ });
    await assignment.getByRole('checkbox', { name: 'Dr. Kim Park cares for this couple' }).click();
    await assignment.getByRole('checkbox', { name: 'Dr. Kim Park cares for this couple', checked: true }).waitFor();
    await admin.getByText('1 couple').first().waitFor();
    await checkPage(admin, 'care-team-01b-admin-assigns');

    // Signing in on another phone: password, then the code of the authenticator app.
    const clinician = await newPhone(browser, twofold.url);
    await logIn(clinician, 'kim@example.org', 'a long and private passphrase', totpCode(secret, 1));
    await clinician.goto(programPath);
    const flags = clinician.getByRole('list', { name: 'Flags for Jordan & Sam' });
    await flags.getByText('Rising craving', { exact: true }).waitFor();
    await checkPage(clinician, 'care-team-02-caseload');

    await clinician.getByRole('link', { name: 'Notes and progress report: Jordan & Sam' }).click();
    await clinician.getByRole('heading', { level: 1, name: 'Notes and progress report' }).waitFor();
    const notes = clinician.getByRole('region', { name: 'Session notes' });
    await notes.getByLabel('This note is about').selectOption({ label: 'Jordan only (individual note)' });
    await notes.getByLabel('Note', { exact: true }).fill(individualWords);
    await notes.getByRole('button', { name: 'Save note' }).click();
    await notes.getByText('Note saved. Edit it until you sign it.').waitFor();
    const individual = notes.getByRole('listitem').filter({ hasText: 'Individual: Jordan' });
    await individual.getByRole('button', { name: 'Sign and lock' }).click();
    await individual.getByText(/^Signed /).waitFor();

    await notes.getByLabel('This note is about').selectOption({ label: 'The couple (joint note)' });
    await notes.getByLabel('Note', { exact: true }).fill(jointWords);
    await notes.getByRole('button', { name: 'Save note' }).click();
    const joint = notes.getByRole('listitem').filter({ hasText: 'Joint session' });
    await joint.getByRole('button', { name: 'Sign and lock' }).click();
    await joint.getByRole('button', { name: 'Share with the couple' }).click();
    await joint.getByText('Shared with the couple').waitFor();
    await checkPage(clinician, 'care-team-03-notes');

    // The progress report of the couple over the last 30 days (the form's default range).
    const downloading = clinician.waitForEvent('download');
    await clinician.getByRole('link', { name: 'Download progress report' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^progress-report-couple-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = `${artifactsDir}/care-team-report.pdf`;
    await download.saveAs(pdfPath);
    const text = spawnSync('pdftotext', ['-layout', pdfPath, '-']).stdout.toString();
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    for (const page of pages) {
      expect(page.replace(/\s+/g, ' ')).toContain(
        'This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2).',
      );
    }
    const folded = text.replace(/\s+/g, ' ');
    expect(folded).toContain('Progress report: Jordan & Sam');
    expect(folded).toContain('Craving (0-10) and mood (1-5) by day');
    expect(folded).toContain('Daily check-ins: not shared with the care team by Sam.');
    const pngBase = `${artifactsDir}/care-team-report-page`;
    const rendered = spawnSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '60', '-singlefile', pdfPath, pngBase]);
    expect(rendered.status).toBe(0);
    expect(existsSync(`${pngBase}.png`)).toBe(true);
    expect(statSync(`${pngBase}.png`).size).toBeGreaterThan(10_000);

    // Homework for Jordan, from the couple's sessions-and-homework page.
    await clinician.goto(programPath);
    await clinician.getByRole('link', { name: 'Sessions and homework of Jordan & Sam' }).click();
    const assign = clinician.getByRole('region', { name: 'Assign homework' });
    await assign.getByLabel('For').selectOption({ label: 'Jordan' });
    await assign.getByLabel('What kind').selectOption({ label: 'Check-up questionnaire' });
    await assign.getByLabel('Which one').selectOption({ label: 'Worry check (GAD-7)' });
    await assign.getByLabel('Due date').fill(Temporal.Now.plainDateISO('America/Chicago').add({ days: 7 }).toString());
    await assign.getByRole('button', { name: 'Assign homework' }).click();
    await clinician.getByRole('region', { name: 'Homework' }).getByText('Jordan: not done yet').waitFor();

    // Jordan: the homework in their app, and the joint note; never an individual note, not even about themselves.
    const jordan = await newPhone(browser, twofold.url);
    await logIn(jordan, 'jordan@demo.twofold.test', demoPassword);
    await jordan.goto('/care');
    await jordan.getByRole('link', { name: 'Do it: Worry check (GAD-7)' }).waitFor();
    await checkPage(jordan, 'care-team-04-jordan-care');
    await jordan.goto('/us');
    const jordanNotes = jordan.getByRole('region', { name: 'Notes from your care team' });
    await jordanNotes.getByText(jointWords).waitFor();
    expect(await jordan.getByText(individualWords).count()).toBe(0);
    await checkPage(jordan, 'care-team-05-jordan-notes');
    // Jordan's consents: each one with the reads made under it, Dr. Park's among them.
    await jordan.goto('/settings/consents');
    await jordan.getByRole('heading', { name: 'My consents to care teams', level: 1 }).waitFor();
    await jordan
      .getByText(/Dr\. Kim Park read/)
      .first()
      .waitFor();
    await checkPage(jordan, 'care-team-05b-jordan-consents');

    // Sam, the other partner: the shared joint note only.
    const sam = await newPhone(browser, twofold.url);
    await logIn(sam, 'sam@demo.twofold.test', demoPassword);
    await sam.goto('/us');
    await sam.getByRole('region', { name: 'Notes from your care team' }).getByText(jointWords).waitFor();
    expect(await sam.getByText(individualWords).count()).toBe(0);
    expect(await sam.getByText(/evenings alone/).count()).toBe(0);
    await checkPage(sam, 'care-team-06-sam-notes');
  }, 240_000);
});
