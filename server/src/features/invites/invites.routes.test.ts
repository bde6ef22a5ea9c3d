import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, newCouple, newPerson, newProgram, TestClient, type TestApp } from '../../../test/test-app';

/**
 * Invite links are bearer secrets (256 random bits, stored as SHA-256). Guessing one must be slow
 * (per client address and per account) and must teach nothing: a token that was never made
 * answers exactly like one that expired, was used or was withdrawn. A partner who left gets back
 * in only through a fresh link from the other.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const guess = () => randomBytes(32).toString('base64url');

/** Status, content type and problem body without `instance` (which names the path, so the token). */
function shape(answer: { status: number; headers: Record<string, unknown>; body: unknown }) {
  const body = answer.body as Record<string, unknown>;
  return { status: answer.status, type: answer.headers['content-type'], body: { ...body, instance: undefined } };
}

async function inviteIn(state: 'expired' | 'used' | 'withdrawn' | 'replaced'): Promise<string> {
  const a = await newPerson(t);
  await a.post('/api/couple');
  const invite = await a.post('/api/couple/invites');
  const token = invite.body.token as string;
  if (state === 'expired') {
    await sql`update invites set expires_at = now() - interval '1 second' where id = ${invite.body.id}`.execute(t.database.db);
  } else if (state === 'used') {
    expect((await (await newPerson(t)).post(`/api/invites/${token}/accept`)).status).toBe(200);
  } else if (state === 'withdrawn') {
    expect((await a.delete(`/api/couple/invites/${invite.body.id}`)).status).toBe(204);
  } else {
    await a.post('/api/couple/invites');
  }
  return token;
}

describe('a guessed invite token', () => {
  it('answers exactly like an expired, a used, a withdrawn and a replaced link, on the preview and on accepting', async () => {
    const tokens = {
      guessed: guess(),
      expired: await inviteIn('expired'),
      used: await inviteIn('used'),
      withdrawn: await inviteIn('withdrawn'),
      replaced: await inviteIn('replaced'),
    };
    const anonymous = new TestClient(t.app);
    const someone = await newPerson(t);
    const previews = await Promise.all(Object.values(tokens).map(async (token) => shape(await anonymous.get(`/api/invites/${token}`))));
    const signedInPreviews = await Promise.all(
      Object.values(tokens).map(async (token) => shape(await someone.get(`/api/invites/${token}`))),
    );
    const accepts = [];
    for (const token of Object.values(tokens)) {
      accepts.push(shape(await someone.post(`/api/invites/${token}/accept`)));
    }
    for (const answers of [previews, signedInPreviews, accepts]) {
      expect(answers[0]).toMatchObject({ status: 410, body: { code: 'invite-invalid' } });
      for (const answer of answers.slice(1)) {
        expect(answer).toEqual(answers[0]);
      }
    }
    expect(previews[0]).toEqual(accepts[0]);
    // Nothing happened for the person who tried them all.
    expect((await someone.get('/api/couple')).body.code).toBe('not-in-couple');
  });
});

describe('guessing invite tokens is rate-limited', () => {
  async function csrfFor(app: TestApp['app'], ip: string) {
    const answer = await app.inject({ method: 'GET', url: '/api/csrf-token', remoteAddress: ip });
    const secret = (answer.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'twofold_csrf')!.value;
    return { token: JSON.parse(answer.body).token as string, cookie: `twofold_csrf=${secret}` };
  }
  async function accept(app: TestApp['app'], token: string, ip: string, person: TestClient) {
    const csrf = await csrfFor(app, ip);
    const answer = await app.inject({
      method: 'POST',
      url: `/api/invites/${token}/accept`,
      headers: { 'x-csrf-token': csrf.token, cookie: `${csrf.cookie}; twofold_session=${person.sessionCookie()}` },
      remoteAddress: ip,
    });
    return { status: answer.statusCode, body: JSON.parse(answer.body || 'null') };
  }
  async function preview(app: TestApp['app'], token: string, ip: string) {
    const answer = await app.inject({ method: 'GET', url: `/api/invites/${token}`, remoteAddress: ip });
    return { status: answer.statusCode, body: JSON.parse(answer.body || 'null') };
  }

  it('per client address: the preview and accepting answer 429 after RATE_LIMIT_AUTH_PER_MINUTE guesses, even for a real link', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '4' });
    try {
      const owner = await newPerson(limited);
      await owner.post('/api/couple');
      const real = (await owner.post('/api/couple/invites')).body.token as string;

      const previews = [];
      for (let i = 0; i < 5; i += 1) {
        previews.push((await preview(limited.app, guess(), '203.0.113.10')).status);
      }
      expect(previews).toEqual([410, 410, 410, 410, 429]);
      const held = await preview(limited.app, real, '203.0.113.10');
      expect(held).toMatchObject({ status: 429, body: { code: 'rate-limited' } });
      expect((await preview(limited.app, real, '203.0.113.11')).status).toBe(200);

      // Accepting, from one address (the per-account limit is 1,000 here, so it is not what stops it).
      const guesser = await newPerson(limited);
      const accepts = [];
      for (let i = 0; i < 5; i += 1) {
        accepts.push((await accept(limited.app, guess(), '203.0.113.20', guesser)).status);
      }
      expect(accepts).toEqual([410, 410, 410, 410, 429]);
      expect((await accept(limited.app, real, '203.0.113.20', guesser)).status).toBe(429);
      expect((await accept(limited.app, guess(), '203.0.113.22', guesser)).status).toBe(410);
      // The real link was not used by any of it.
      expect((await preview(limited.app, real, '203.0.113.21')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('per account, across client addresses (counted in the database, for every process): 429 after RATE_LIMIT_ACCOUNT_ATTEMPTS, even for a real link', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_ACCOUNT_ATTEMPTS: '3' });
    try {
      const owner = await newPerson(limited);
      await owner.post('/api/couple');
      const real = (await owner.post('/api/couple/invites')).body.token as string;
      const guesser = await newPerson(limited);
      const seen = [];
      for (let i = 0; i < 4; i += 1) {
        seen.push((await accept(limited.app, guess(), `198.51.100.${i + 1}`, guesser)).status);
      }
      expect(seen).toEqual([410, 410, 410, 429]);
      const held = await accept(limited.app, real, '198.51.100.50', guesser);
      expect(held).toMatchObject({ status: 429, body: { code: 'rate-limited' } });
      expect(
        (await limited.database.db.selectFrom('invites').select('usedAt').where('usedBy', '=', guesser.userId!).execute()).length,
      ).toBe(0);
      // Another account is not held back, and the link still works for it.
      const partner = await newPerson(limited);
      expect((await accept(limited.app, real, '198.51.100.50', partner)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('a partner who left', () => {
  it('cannot come back through any old link; only a fresh invite from the other brings them back, with nothing shared', async () => {
    const a = await newPerson(t, 'Alex');
    const b = await newPerson(t, 'Blake');
    await a.post('/api/couple');
    const replaced = (await a.post('/api/couple/invites')).body.token as string;
    const used = (await a.post('/api/couple/invites')).body.token as string;
    expect((await b.post(`/api/invites/${used}/accept`)).status).toBe(200);
    await b.put('/api/me/support-preferences', { helps: 'b-before-leaving', doesNotHelp: 'b-before-leaving' });
    await b.put('/api/me/sharing/support-preferences', { audience: 'partner' });
    expect((await a.get(`/api/people/${b.userId}/support-preferences`)).status).toBe(200);
    expect((await b.post('/api/couple/leave')).status).toBe(204);

    const unknown = shape(await b.post(`/api/invites/${guess()}/accept`));
    for (const token of [used, replaced]) {
      expect(shape(await b.post(`/api/invites/${token}/accept`))).toEqual(unknown);
    }
    const coupleId = (await a.get('/api/couple')).body.id as string;
    expect((await a.get('/api/couple')).body.partners).toHaveLength(1);
    expect((await b.get('/api/couple')).body.code).toBe('not-in-couple');

    const fresh = (await a.post('/api/couple/invites')).body.token as string;
    const back = await b.post(`/api/invites/${fresh}/accept`);
    expect(back.status).toBe(200);
    expect(back.body.coupleId).toBe(coupleId);
    // Sharing went back to private on leaving: a fresh choice is needed after coming back.
    expect((await a.get(`/api/people/${b.userId}/support-preferences`)).status).toBe(404);
  });
});

describe('the program invite of a couple, after a partner left', () => {
  it('an unused clinician link to enroll a couple enrolls only the couple of whoever uses it, never the old one', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const link = (await program.clinician.post(`/api/programs/${program.programId}/couple-invites`)).body.token as string;
    await couple.b.post('/api/couple/leave');
    await couple.b.post('/api/couple');
    expect((await couple.b.post(`/api/invites/${link}/accept`)).status).toBe(200);
    const caseload = await program.clinician.get(`/api/programs/${program.programId}/caseload`);
    const partners = caseload.body.couples.flatMap((c: { partners: Array<{ id: string }> }) => c.partners.map((p) => p.id));
    expect(partners).toEqual([couple.b.userId]);
  });
});
