import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, newCouple, newPerson, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('couple space', () => {
  it('forms a couple through a single-use invite link', async () => {
    const a = await newPerson(t, 'Alex');
    const b = await newPerson(t, 'Blake');
    expect((await a.get('/api/couple')).body.code).toBe('not-in-couple');

    const created = await a.post('/api/couple');
    expect(created.status).toBe(201);
    expect(created.body.partners).toEqual([expect.objectContaining({ displayName: 'Alex', isMe: true })]);

    const invite = await a.post('/api/couple/invites');
    expect(invite.status).toBe(201);
    expect(invite.body.url).toBe(`http://twofold.test/join/${invite.body.token}`);
    const days = (Date.parse(invite.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const preview = await b.get(`/api/invites/${invite.body.token}`);
    expect(preview.body).toMatchObject({ kind: 'partner', invitedBy: 'Alex' });

    const accepted = await b.post(`/api/invites/${invite.body.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.coupleId).toBe(created.body.id);

    const seenByB = await b.get('/api/couple');
    expect(seenByB.body.partners.map((p: { displayName: string }) => p.displayName)).toEqual(['Alex', 'Blake']);
    expect(seenByB.body.can.invite).toBe(false);

    const third = await newPerson(t, 'Charlie');
    const reused = await third.post(`/api/invites/${invite.body.token}/accept`);
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('invite-invalid');
  });

  it('refuses a third partner and a second invite once two are together', async () => {
    const { a } = await newCouple(t);
    const again = await a.post('/api/couple/invites');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('couple-full');
  });

  it('lets either partner leave alone; the other is told plainly', async () => {
    const { a, b } = await newCouple(t);
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    expect((await b.get('/api/couple')).body.code).toBe('not-in-couple');
    const left = await a.get('/api/couple');
    expect(left.body.partners).toHaveLength(1);
    expect(left.body.notices).toEqual([expect.objectContaining({ code: 'partner-left' })]);
  });

  it('refuses an expired invite link', async () => {
    const a = await newPerson(t);
    const b = await newPerson(t);
    await a.post('/api/couple');
    const invite = await a.post('/api/couple/invites');
    await sql`update invites set expires_at = now() - interval '1 second' where id = ${invite.body.id}`.execute(t.database.db);
    expect((await b.get(`/api/invites/${invite.body.token}`)).status).toBe(410);
    expect((await b.post(`/api/invites/${invite.body.token}/accept`)).body.code).toBe('invite-invalid');
    expect((await a.get('/api/couple')).body.pendingInvite).toBeNull();
  });

  it('withdraws a pending invite, and a new invite replaces the old one', async () => {
    const a = await newPerson(t);
    const b = await newPerson(t);
    await a.post('/api/couple');
    const first = await a.post('/api/couple/invites');
    const second = await a.post('/api/couple/invites');
    expect((await b.post(`/api/invites/${first.body.token}/accept`)).status).toBe(410);
    expect((await a.get('/api/couple')).body.pendingInvite.id).toBe(second.body.id);
    expect((await a.delete(`/api/couple/invites/${second.body.id}`)).status).toBe(204);
    expect((await b.post(`/api/invites/${second.body.token}/accept`)).status).toBe(410);
  });

  it('lets exactly one of two people who open the same link at once join', async () => {
    const a = await newPerson(t);
    await a.post('/api/couple');
    const invite = await a.post('/api/couple/invites');
    const [b, c] = [await newPerson(t), await newPerson(t)];
    const answers = await Promise.all([b, c].map((p) => p.post(`/api/invites/${invite.body.token}/accept`)));
    expect(answers.map((x) => x.status).sort()).toEqual([200, 410]);
    expect((await a.get('/api/couple')).body.partners).toHaveLength(2);
  });

  it('moves a person who is alone in a space of their own, and refuses one who has a partner', async () => {
    const a = await newPerson(t);
    await a.post('/api/couple');
    const invite = await a.post('/api/couple/invites');
    const { b: taken } = await newCouple(t);
    expect((await taken.post(`/api/invites/${invite.body.token}/accept`)).body.code).toBe('already-in-couple');
    const alone = await newPerson(t);
    await alone.post('/api/couple');
    expect((await alone.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await alone.get('/api/couple')).body.partners).toHaveLength(2);
  });

  it('does not let a person use their own invite', async () => {
    const a = await newPerson(t);
    await a.post('/api/couple');
    const invite = await a.post('/api/couple/invites');
    expect((await a.post(`/api/invites/${invite.body.token}/accept`)).body.code).toBe('cannot-invite-self');
  });

  it('joins a new partner after one left, with nothing of the old partner visible', async () => {
    const { a, b } = await newCouple(t);
    await b.put('/api/me/support-preferences', { helps: 'old', doesNotHelp: 'old' });
    await b.put('/api/me/sharing/support-preferences', { audience: 'partner' });
    await b.post('/api/couple/leave');
    const invite = await a.post('/api/couple/invites');
    const next = await newPerson(t, 'Next');
    expect((await next.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await a.get(`/api/people/${b.userId}/support-preferences`)).status).toBe(404);
    expect((await a.get('/api/couple')).body.partners.map((p: { displayName: string }) => p.displayName)).toEqual(['Alex', 'Next']);
  });
});
