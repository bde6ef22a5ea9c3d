import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
