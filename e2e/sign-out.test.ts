import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTwofold, type RunningTwofold } from './support/server';
import { journeyPassword as password, signUp } from './support/sign-up';
import { launchBrowser, newPhone } from './support/browser';

/**
 * Logging out on a shared or borrowed phone leaves nothing of the person behind: the server answers
 * Clear-Site-Data "cache", "cookies", "storage", and a real browser drops the session and CSRF
 * cookies and the site's storage; logging in again on the same phone still works.
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

describe('signing out', () => {
  it('clears the site’s cookies and storage in the browser, and the phone can log in again', async () => {
    const phone = await newPhone(browser, twofold.url);
    await phone.goto('/signup');
    await signUp(twofold, phone, 'Robin', 'robin@example.org');
    await phone.evaluate(() => {
      localStorage.setItem('left-behind', 'something of Robin');
      sessionStorage.setItem('left-behind', 'something of Robin');
    });
    const cookieNames = async () => (await phone.context().cookies()).map((cookie) => cookie.name).sort();
    expect(await cookieNames()).toContain('twofold_session');

    await phone.goto('/settings');
    const answer = phone.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
    await phone.getByRole('button', { name: 'Log out', exact: true }).click();
    expect((await (await answer).allHeaders())['clear-site-data']).toBe('"cache", "cookies", "storage"');
    await phone.waitForURL(/\/login/);

    expect(await cookieNames()).not.toContain('twofold_session');
    expect(await cookieNames()).not.toContain('twofold_csrf');
    expect(await phone.evaluate(() => localStorage.getItem('left-behind'))).toBeNull();

    // The same phone logs in again (a fresh CSRF token is fetched after the cookies went).
    await phone.getByLabel('E-mail').fill('robin@example.org');
    await phone.getByLabel('Password', { exact: true }).fill(password);
    await phone.getByRole('button', { name: 'Log in' }).click();
    await phone.waitForURL((url) => url.pathname !== '/login');
    expect(await cookieNames()).toContain('twofold_session');
  });
});
