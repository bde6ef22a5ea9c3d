import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enableTwoFactor, newPerson, totpCode, type TestApp } from '../server/test/test-app';
import { createCipher, generateKey } from '../server/src/platform/crypto';
import { findSupportPreferences } from '../server/src/features/support-preferences/support-preferences.service';
import { verifySecondFactor } from '../server/src/features/auth/two-factor.service';
import { reencryptAll } from './reencrypt';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('key rotation', () => {
  it('re-encrypts every value with the new key, after which the old key can be retired', async () => {
    const words = { helps: 'tea and a walk', doesNotHelp: 'questions about yesterday' };
    const person = await newPerson(t);
    await person.put('/api/me/support-preferences', words);
    const { secret } = await enableTwoFactor(person);
    const actor = { userId: person.userId!, sessionId: 'test' };
    const newKey = generateKey();
    const newOnly = createCipher(newKey);
    await expect(findSupportPreferences(t.database.db, newOnly, actor, actor.userId)).rejects.toThrow(/unknown format or key/);

    const rotating = createCipher(newKey, [t.encryptionKey]);
    expect(await reencryptAll(t.database.db, rotating)).toMatchObject({ support_preferences: 1, checkins: 0, two_factor_credentials: 1 });
    expect(await findSupportPreferences(t.database.db, newOnly, actor, actor.userId)).toMatchObject(words);
    // The TOTP secret too: codes still check with the new key alone.
    expect(await verifySecondFactor({ db: t.database.db, cipher: newOnly }, actor.userId, totpCode(secret, 1))).toBe(true);
    expect(Object.values(await reencryptAll(t.database.db, rotating)).every((n) => n === 0)).toBe(true);
  });
});
