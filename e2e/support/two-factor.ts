import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';

/** A TOTP code for a base32 secret, as an authenticator app shows it; `stepsAhead` 1 is the next 30 s step's. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}

/**
 * Turns two-step sign-in on from the settings page, as a person would with an authenticator app:
 * reads the key shown for typing by hand, enters a code, and keeps the recovery codes. Program
 * staff need it before their program opens. Returns the secret and the recovery codes.
 */
export async function enableTwoFactor(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  const secret = (await section.locator('code.secret').innerText()).replace(/\s+/g, '');
  await section.getByLabel('Code').fill(totpCode(secret));
  await section.getByRole('button', { name: 'Turn on' }).click();
  const list = section.getByRole('list', { name: 'Recovery codes' });
  await list.waitFor();
  const recoveryCodes = (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
  await section.getByRole('button', { name: 'I have saved them' }).click();
  await section.getByText(/Two-step sign-in is on/).waitFor();
  return { secret, recoveryCodes };
}
