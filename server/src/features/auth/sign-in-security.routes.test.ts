import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../app';
import { createCipher } from '../../platform/crypto';
import { createCapturingMailer } from '../../platform/mailer';
import {
  buildTestApp,
  enableTwoFactor,
  enroll,
  linkToken,
  newCouple,
  newPerson,
  TestClient,
  totpCode,
  type TestApp,
} from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';
const newPassword = 'a brand new passphrase here';
const resetLink = /\/reset-password\?token=([A-Za-z0-9_-]+)/;

async function logIn(client: TestClient, email: string, secret = password) {
  return client.post('/api/auth/login', { email, password: secret });
}

describe('password reset by e-mailed link', () => {
  it('answers the same for a known and an unknown address; only the account gets a neutral e-mail', async () => {
    const person = await newPerson(t, 'Robin');
    const before = t.outbox.length;
    const client = new TestClient(t.app);
    const known = await client.post('/api/auth/password-reset', { email: ` ${person.email!.toUpperCase()}` });
    const unknown = await client.post('/api/auth/password-reset', { email: 'nobody-here@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.raw.cookies.find((c: { name: string }) => c.name === 'twofold_session')).toBeUndefined();
    const sent = t.outbox.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: person.email, subject: 'Reset your Twofold password' });
    // Nothing personal: no name, no word about recovery or health.
    expect(sent[0]!.text).not.toMatch(/Robin|recover|sober|partner|clinic|couple/i);
    const token = linkToken(t.outbox, person.email!, resetLink);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const stored = await t.database.db.selectFrom('passwordResets').select(['tokenHash', 'expiresAt', 'createdAt']).execute();
    expect(stored.map((row) => row.tokenHash)).not.toContain(token);
    const mine = stored.at(-1)!;
    expect(mine.expiresAt.getTime() - mine.createdAt.getTime()).toBe(30 * 60 * 1000);
  });

  it('never waits for the mail server, so a slow SMTP round trip cannot tell that an account exists', async () => {
    const person = await newPerson(t);
    const sent: string[] = [];
    // A mail server that never answers: the reset answer must not wait for it.
    const stuck = await buildApp({
      config: t.config,
      database: t.database,
      cipher: createCipher(t.encryptionKey),
      mailer: { send: (message) => (sent.push(message.to), new Promise<void>(() => {})) },
      logger: false,
    });
    try {
      const client = new TestClient(stuck);
      const known = await client.post('/api/auth/password-reset', { email: person.email });
      const unknown = await client.post('/api/auth/password-reset', { email: 'no-account-here@example.org' });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(sent).toEqual([person.email]);
    } finally {
      await stuck.close();
    }
  });

  it('sets the new password once, ends every session, and refuses the old password and the used link', async () => {
    const person = await newPerson(t);
    const phone = new TestClient(t.app);
    expect((await logIn(phone, person.email!)).status).toBe(200);
    await new TestClient(t.app).post('/api/auth/password-reset', { email: person.email });
    const token = linkToken(t.outbox, person.email!, resetLink);

    const short = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ pointer: '/password' })]);

    const done = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: newPassword });
    expect(done.status).toBe(204);
    expect(done.raw.cookies.find((c: { name: string }) => c.name === 'twofold_session')).toBeUndefined();
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await person.get('/api/me')).status).toBe(401);
    expect((await logIn(new TestClient(t.app), person.email!)).status).toBe(401);
    expect((await logIn(new TestClient(t.app), person.email!, newPassword)).status).toBe(200);
    expect(t.outbox.at(-1)).toMatchObject({ to: person.email, subject: 'Your Twofold password was changed' });

    const again = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('reset-link-invalid');
  });

  it('a newer request makes the older link stop working, and a link expires', async () => {
    const person = await newPerson(t);
    const client = new TestClient(t.app);
    await client.post('/api/auth/password-reset', { email: person.email });
    const older = linkToken(t.outbox, person.email!, resetLink);
    await client.post('/api/auth/password-reset', { email: person.email });
    const newer = linkToken(t.outbox, person.email!, resetLink);
    expect(newer).not.toBe(older);
    expect((await client.post('/api/auth/password-reset/confirm', { token: older, password: newPassword })).body.code).toBe(
      'reset-link-invalid',
    );
    await sql`update password_resets set expires_at = now() - interval '1 second'`.execute(t.database.db);
    expect((await client.post('/api/auth/password-reset/confirm', { token: newer, password: newPassword })).status).toBe(410);
    expect((await logIn(new TestClient(t.app), person.email!)).status).toBe(200);
  });

  it('never opens a session for an account with two-step sign-in: the code is still asked at login', async () => {
    const person = await newPerson(t);
    const { secret } = await enableTwoFactor(person);
    await new TestClient(t.app).post('/api/auth/password-reset', { email: person.email });
    const token = linkToken(t.outbox, person.email!, resetLink);
    expect((await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: newPassword })).status).toBe(204);
    const client = new TestClient(t.app);
    expect((await logIn(client, person.email!, newPassword)).status).toBe(202);
    expect((await client.post('/api/auth/login/two-factor', { code: totpCode(secret, 1) })).status).toBe(200);
  });
});

describe('password change', () => {
  it('needs the current password, ends every other session and renews this one', async () => {
    const person = await newPerson(t);
    const laptop = new TestClient(t.app);
    await logIn(laptop, person.email!);
    const oldCookie = person.sessionCookie()!;

    const wrong = await person.post('/api/me/password', { currentPassword: 'not my password at all', newPassword });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/currentPassword' })]);
    const weak = await person.post('/api/me/password', { currentPassword: password, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ pointer: '/newPassword' })]);

    const changed = await person.post('/api/me/password', { currentPassword: password, newPassword });
    expect(changed.status).toBe(204);
    expect(person.sessionCookie()).not.toBe(oldCookie);
    expect((await person.get('/api/me')).status).toBe(200);
    expect((await laptop.get('/api/me')).status).toBe(401);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `twofold_session=${oldCookie}` } });
    expect(replay.statusCode).toBe(401);
    expect((await logIn(new TestClient(t.app), person.email!, newPassword)).status).toBe(200);
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('enrols with a QR code made here, confirms with a first code, and gives ten single-use recovery codes', async () => {
    const person = await newPerson(t);
    const tablet = new TestClient(t.app);
    await logIn(tablet, person.email!);
    expect((await person.get('/api/me/two-factor')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const started = await person.post('/api/me/two-factor');
    expect(started.status).toBe(201);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Twofold:.+\?.*secret=[A-Z2-7]+/);
    expect(started.body.otpauthUri).toContain('issuer=Twofold');
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    // The secret is stored encrypted, bound to its row.
    const row = await t.database.db
      .selectFrom('twoFactorCredentials')
      .select('secretCiphertext')
      .where('userId', '=', person.userId!)
      .executeTakeFirstOrThrow();
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(row.secretCiphertext).not.toContain(started.body.secret);

    const wrong = await person.post('/api/me/two-factor/confirm', {
      code: '000000' === totpCode(started.body.secret) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('two-factor-code-invalid');

    const confirmed = await person.post('/api/me/two-factor/confirm', { code: totpCode(started.body.secret) });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    }
    const hashes = await t.database.db
      .selectFrom('twoFactorRecoveryCodes')
      .select('codeHash')
      .where('userId', '=', person.userId!)
      .execute();
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0]);
    // Sessions opened with the password alone end; this one is renewed.
    expect((await tablet.get('/api/me')).status).toBe(401);
    expect((await person.get('/api/me/two-factor')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await person.post('/api/me/two-factor')).status).toBe(409);
  });

  it('logs in in two steps: no session after the password; a code is refused the second time; a recovery code works once', async () => {
    const person = await newPerson(t);
    const { secret, recoveryCodes } = await enableTwoFactor(person);
    const client = new TestClient(t.app);
    const first = await logIn(client, person.email!);
    expect(first.status).toBe(202);
    expect(first.body.status).toBe('two-factor-required');
    expect(first.raw.cookies.find((c: { name: string }) => c.name === 'twofold_session')).toBeUndefined();
    const pendingCookie = first.raw.cookies.find((c: { name: string }) => c.name === 'twofold_pending_login') as Record<string, unknown>;
    expect(pendingCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/login', maxAge: 300 });
    expect((await client.get('/api/me')).status).toBe(401);

    const code = totpCode(secret, 1);
    const second = await client.post('/api/auth/login/two-factor', { code });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(person.userId);
    expect((await client.get('/api/me')).status).toBe(200);

    // The same code again, on another device, within its window: refused.
    const thief = new TestClient(t.app);
    expect((await logIn(thief, person.email!)).status).toBe(202);
    const replay = await thief.post('/api/auth/login/two-factor', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('two-factor-code-invalid');

    // A recovery code, typed in capitals with spaces: works once.
    const recovery = await thief.post('/api/auth/login/two-factor', { code: ` ${recoveryCodes[0]!.toUpperCase()} ` });
    expect(recovery.status).toBe(200);
    const other = new TestClient(t.app);
    await logIn(other, person.email!);
    expect((await other.post('/api/auth/login/two-factor', { code: recoveryCodes[0] })).status).toBe(401);
    expect((await person.get('/api/me/two-factor')).body.recoveryCodesLeft).toBe(9);
  });

  it('a code step without the password step, or after five wrong codes, starts over', async () => {
    const person = await newPerson(t);
    const { secret } = await enableTwoFactor(person);
    const noPassword = await new TestClient(t.app).post('/api/auth/login/two-factor', { code: totpCode(secret, 1) });
    expect(noPassword.status).toBe(401);
    expect(noPassword.body.code).toBe('unauthenticated');

    const client = new TestClient(t.app);
    await logIn(client, person.email!);
    const wrong = totpCode(secret, 1) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      expect((await client.post('/api/auth/login/two-factor', { code: wrong })).body.code).toBe('two-factor-code-invalid');
    }
    const sixth = await client.post('/api/auth/login/two-factor', { code: totpCode(secret, 1) });
    expect(sixth.status).toBe(401);
    expect(sixth.body.code).toBe('unauthenticated');
    await sql`update pending_logins set expires_at = now() - interval '1 second'`.execute(t.database.db);
  });

  it('turns off only with the password and a code', async () => {
    const person = await newPerson(t);
    const { secret } = await enableTwoFactor(person);
    expect((await person.post('/api/me/two-factor/disable', { password: 'wrong password here', code: totpCode(secret, 1) })).status).toBe(
      401,
    );
    expect((await person.post('/api/me/two-factor/disable', { password, code: '12345' })).status).toBe(400);
    expect((await person.post('/api/me/two-factor/disable', { password, code: totpCode(secret, 1) })).status).toBe(204);
    expect((await person.get('/api/me/two-factor')).body.enabled).toBe(false);
    expect((await logIn(new TestClient(t.app), person.email!)).status).toBe(200);
  });

  it('is required of program staff: without it nothing of the program, and no clinical data', async () => {
    const admin = await newPerson(t, 'Admin');
    const refused = await admin.post('/api/programs', { name: 'Two-factor Program' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('two-factor-required');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const { secret: adminSecret } = await enableTwoFactor(admin);
    const program = await admin.post('/api/programs', { name: 'Two-factor Program' });
    const programId = program.body.id as string;
    expect((await admin.get('/api/me/two-factor')).body).toMatchObject({ enabled: true, required: true });
    // Turned off again: the admin keeps the role but sees nothing of the program until it is back on.
    await admin.post('/api/me/two-factor/disable', { password, code: totpCode(adminSecret, 1) });
    const blocked = await admin.get(`/api/programs/${programId}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('two-factor-required');
    expect((await admin.get('/api/me/two-factor')).body).toMatchObject({ enabled: false, required: true });
    await enableTwoFactor(admin);
    const invite = await admin.post(`/api/programs/${programId}/clinician-invites`);
    expect(invite.status).toBe(201);

    const clinician = await newPerson(t, 'Clinician');
    await clinician.post(`/api/invites/${invite.body.token}/accept`);
    expect((await clinician.post(`/api/programs/${programId}/couple-invites`)).body.code).toBe('two-factor-required');
    // A couple enrolled while the clinician had no second factor, sharing with the care team.
    const { secret } = await enableTwoFactor(clinician);
    const couple = await newCouple(t);
    await enroll(couple, { clinician, programId });
    await couple.a.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'nagging' });
    await couple.a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    expect((await clinician.get(`/api/people/${couple.a.userId}/support-preferences`)).status).toBe(200);
    // Turned off: the clinician sees nothing clinical any more.
    await clinician.post('/api/me/two-factor/disable', { password, code: totpCode(secret, 1) });
    expect((await clinician.get(`/api/people/${couple.a.userId}/support-preferences`)).status).toBe(404);
    expect((await clinician.get(`/api/programs/${programId}/caseload`)).body.code).toBe('two-factor-required');
  });
});

describe('rate limits per address and per account', () => {
  const from = (ip: string) => ({ remoteAddress: ip });

  async function post(app: TestApp['app'], url: string, body: unknown, ip: string, cookie?: string) {
    const csrf = await app.inject({ method: 'GET', url: '/api/csrf-token', ...from(ip) });
    const secret = (csrf.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'twofold_csrf')!.value;
    const answer = await app.inject({
      method: 'POST',
      url,
      payload: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-csrf-token': JSON.parse(csrf.body).token,
        cookie: [`twofold_csrf=${secret}`, cookie].filter(Boolean).join('; '),
      },
      ...from(ip),
    });
    return { status: answer.statusCode, body: JSON.parse(answer.body || 'null') };
  }

  it('per account, across client addresses and server processes, whether or not the account exists', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_ACCOUNT_ATTEMPTS: '3' });
    // Reset e-mails: half the account limit, at least one.
    // A second server process on the same database.
    const second = await buildApp({
      config: limited.config,
      database: limited.database,
      cipher: createCipher(limited.encryptionKey),
      mailer: createCapturingMailer(),
      logger: false,
    });
    try {
      const person = await newPerson(limited);
      const statuses = async (email: string) => {
        const seen: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          const app = i % 2 === 0 ? limited.app : second;
          seen.push((await post(app, '/api/auth/login', { email, password: 'wrong password here' }, `10.0.0.${i + 1}`)).status);
        }
        return seen;
      };
      expect(await statuses(person.email!)).toEqual([401, 401, 401, 429, 429]);
      expect(await statuses('no-account@example.org')).toEqual([401, 401, 401, 429, 429]);
      const known = await post(second, '/api/auth/login', { email: person.email, password }, '10.0.1.1');
      const unknown = await post(second, '/api/auth/login', { email: 'no-account@example.org', password }, '10.0.1.1');
      expect({ ...known.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
      expect(known.body).toMatchObject({ status: 429, code: 'rate-limited' });
      // Another account is not affected.
      const other = await newPerson(limited);
      expect((await post(limited.app, '/api/auth/login', { email: other.email, password }, '10.0.0.1')).status).toBe(200);

      // Reset requests: the same for an account and a stranger's address.
      for (const email of [person.email, 'stranger@example.org']) {
        const seen: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          seen.push((await post(second, '/api/auth/password-reset', { email }, `10.0.2.${i}`)).status);
        }
        expect(seen).toEqual([202, 429, 429]);
      }

      // Invite redemption, per signed-in account.
      const seen: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        seen.push(
          (
            await post(
              limited.app,
              `/api/invites/${'x'.repeat(20)}${i}/accept`,
              undefined,
              `10.0.3.${i}`,
              `twofold_session=${other.sessionCookie()}`,
            )
          ).status,
        );
      }
      expect(seen.slice(-1)).toEqual([429]);
    } finally {
      await second.close();
      await limited.close();
    }
  });

  it('per client address on log-in, its code step, reset, reset confirm and invite redemption', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '2' });
    try {
      const person = await newPerson(limited);
      const session = `twofold_session=${person.sessionCookie()}`;
      const cases: Array<[string, unknown, string?]> = [
        ['/api/auth/login', { email: 'a@example.org', password: 'whatever-password' }],
        ['/api/auth/login/two-factor', { code: '123456' }],
        ['/api/auth/password-reset', { email: 'a@example.org' }],
        ['/api/auth/password-reset/confirm', { token: 'not-a-real-token-at-all', password: newPassword }],
        [`/api/invites/${'y'.repeat(21)}/accept`, undefined, session],
      ];
      for (const [index, [url, body, cookie]] of cases.entries()) {
        const ip = `192.0.2.${index + 1}`;
        const statuses: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          statuses.push((await post(limited.app, url, body, ip, cookie)).status);
        }
        expect(statuses[2], url).toBe(429);
        expect(statuses.slice(0, 2), url).not.toContain(429);
        const last = await post(limited.app, url, body, ip, cookie);
        expect(last.body.code, url).toBe('rate-limited');
        // Another address is not held back.
        expect((await post(limited.app, url, body, '198.51.100.7', cookie)).status, url).not.toBe(429);
      }
      const preview = [];
      for (let i = 0; i < 3; i += 1) {
        preview.push(
          (await limited.app.inject({ method: 'GET', url: `/api/invites/${'z'.repeat(21)}`, ...from('192.0.2.99') })).statusCode,
        );
      }
      expect(preview[2]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
