import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, newCouple, type TestApp } from '../../../test/test-app';
import { answerSafetyScreen, newOpenCouple } from '../../../test/together-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('boundaries', () => {
  it('each partner states their own; the other acknowledges or asks to talk; a change asks again', async () => {
    const { a, b } = await newOpenCouple(t);
    const stated = await a.post('/api/couple/boundaries', {
      kind: 'will-if',
      text: 'I will leave the party if there is drinking',
      reviewDate: '2027-02-01',
    });
    expect(stated.status).toBe(201);
    expect(stated.body).toMatchObject({ authorId: a.userId, response: null, can: { edit: true, respond: false } });
    const id = stated.body.id;

    const seen = (await b.get('/api/couple/boundaries')).body.boundaries;
    expect(seen).toEqual([
      expect.objectContaining({ id, text: 'I will leave the party if there is drinking', can: { edit: false, respond: true } }),
    ]);
    // Blake cannot rewrite Alex's boundary; Alex cannot answer their own.
    expect((await b.put(`/api/couple/boundaries/${id}`, { kind: 'need', text: 'Nothing', reviewDate: null })).status).toBe(403);
    expect((await a.put(`/api/couple/boundaries/${id}/response`, { response: 'acknowledged' })).status).toBe(403);

    const talk = await b.put(`/api/couple/boundaries/${id}/response`, { response: 'talk' });
    expect(talk.body).toMatchObject({ response: 'talk', respondedAt: expect.any(String) });
    const changed = await a.put(`/api/couple/boundaries/${id}`, {
      kind: 'will-if',
      text: 'I will leave early if there is drinking',
      reviewDate: null,
    });
    expect(changed.body).toMatchObject({ text: 'I will leave early if there is drinking', response: null, reviewDate: null });
    expect((await b.put(`/api/couple/boundaries/${id}/response`, { response: 'acknowledged' })).body.response).toBe('acknowledged');

    const stored = await sql<{ text: string }>`select text_ciphertext as text from boundaries`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('drinking');
  });

  it('refuses bad input with the field at fault, closed joint features, and an ex-partner', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const bad = await a.post('/api/couple/boundaries', { kind: 'rule', text: '', reviewDate: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/kind', '/reviewDate', '/text']);
    expect(await t.database.db.selectFrom('boundaries').select('id').where('coupleId', '=', coupleId).execute()).toEqual([]);

    const made = await a.post('/api/couple/boundaries', { kind: 'need', text: 'I need a quiet hour', reviewDate: null });
    await b.post('/api/couple/leave');
    expect((await b.get('/api/couple/boundaries')).body.code).toBe('not-in-couple');
    expect((await b.put(`/api/couple/boundaries/${made.body.id}/response`, { response: 'talk' })).status).toBe(409);

    const closed = await newCouple(t);
    await answerSafetyScreen(closed.b);
    expect((await closed.b.get('/api/couple/boundaries')).body.code).toBe('joint-features-closed');
  });
});
