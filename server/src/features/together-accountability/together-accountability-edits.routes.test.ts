import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/test-app';
import { newOpenCouple } from '../../../test/together-helpers';
import { todayIn } from '../../platform/local-date';

/** Changing and deleting commitments, appreciations and Caring Days: only by the partner who wrote them. */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function eventTypes(coupleId: string) {
  const rows = await t.database.db.selectFrom('coupleEvents').select('type').where('coupleId', '=', coupleId).orderBy('id').execute();
  return rows.map((row) => row.type);
}

describe('commitments: changed and deleted only by the partner who made them', () => {
  it('the author changes words and date, keeps the reported outcome; the partner gets 403; deleting leaves the follow-through', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const made = await a.post('/api/couple/commitments', { text: 'I will call my sponsor', dueDate: '2026-12-31' });
    const id = made.body.id;
    expect(made.body.can).toMatchObject({ report: true, edit: true });
    expect((await b.get('/api/couple/commitments')).body.commitments[0].can).toMatchObject({ edit: false, acknowledge: true });
    await a.put(`/api/couple/commitments/${id}/outcome`, { outcome: 'kept' });

    expect((await b.put(`/api/couple/commitments/${id}`, { text: 'Rewritten by Blake', dueDate: '2026-12-31' })).status).toBe(403);
    expect((await b.delete(`/api/couple/commitments/${id}`)).status).toBe(403);

    const changed = await a.put(`/api/couple/commitments/${id}`, { text: 'I will call my sponsor on Friday', dueDate: '2027-01-08' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ text: 'I will call my sponsor on Friday', dueDate: '2027-01-08', outcome: 'kept' });
    expect((await b.get('/api/couple/commitments')).body.commitments[0].text).toBe('I will call my sponsor on Friday');

    expect((await a.delete(`/api/couple/commitments/${id}`)).status).toBe(204);
    const after = (await b.get('/api/couple/commitments')).body;
    expect(after.commitments).toEqual([]);
    expect(after.followThrough.find((f: { partnerId: string }) => f.partnerId === a.userId)).toMatchObject({ kept: 0, open: 0 });
    expect((await a.put(`/api/couple/commitments/${id}`, { text: 'Gone', dueDate: '2027-01-08' })).status).toBe(404);
    expect(await eventTypes(coupleId)).toEqual(expect.arrayContaining(['commitment.updated', 'commitment.deleted']));
  });

  it('two changes at the same moment leave one of them, whole', async () => {
    const { a } = await newOpenCouple(t);
    const id = (await a.post('/api/couple/commitments', { text: 'I will rest', dueDate: '2026-12-31' })).body.id;
    const answers = await Promise.all([
      a.put(`/api/couple/commitments/${id}`, { text: 'I will rest on Saturday', dueDate: '2027-01-02' }),
      a.put(`/api/couple/commitments/${id}`, { text: 'I will rest on Sunday', dueDate: '2027-01-03' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const final = (await a.get('/api/couple/commitments')).body.commitments[0];
    expect([
      ['I will rest on Saturday', '2027-01-02'],
      ['I will rest on Sunday', '2027-01-03'],
    ]).toContainEqual([final.text, final.dueDate]);
  });
});

describe('appreciations and Caring Days: changed and deleted only by their writer', () => {
  it('an untold entry is absent for the partner (404) and its change raises no event; a told one is 403 for them', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const today = todayIn('America/Chicago');
    const untold = await a.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: 'You fixed the tap', told: false });
    const eventsBefore = await eventTypes(coupleId);
    expect((await b.put(`/api/couple/appreciations/${untold.body.id}`, { kind: 'appreciation', date: today, text: 'x' })).status).toBe(404);
    expect((await b.delete(`/api/couple/appreciations/${untold.body.id}`)).status).toBe(404);
    const changed = await a.put(`/api/couple/appreciations/${untold.body.id}`, {
      kind: 'caring-day',
      date: today,
      text: 'I made you tea',
    });
    expect(changed.body).toMatchObject({ kind: 'caring-day', text: 'I made you tea', toldAt: null, can: { tell: true, edit: true } });
    expect(await eventTypes(coupleId)).toEqual(eventsBefore);
    expect((await a.delete(`/api/couple/appreciations/${untold.body.id}`)).status).toBe(204);
    expect(await eventTypes(coupleId)).toEqual(eventsBefore);

    const told = await a.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: 'You walked the dog', told: true });
    const seen = (await b.get(`/api/couple/appreciations?from=${today}&to=${today}`)).body.appreciations;
    expect(seen).toEqual([expect.objectContaining({ id: told.body.id, can: { tell: false, edit: false } })]);
    expect((await b.put(`/api/couple/appreciations/${told.body.id}`, { kind: 'appreciation', date: today, text: 'x' })).status).toBe(403);
    expect((await b.delete(`/api/couple/appreciations/${told.body.id}`)).status).toBe(403);
    await a.put(`/api/couple/appreciations/${told.body.id}`, { kind: 'appreciation', date: today, text: 'You walked the dog twice' });
    expect((await b.get(`/api/couple/appreciations?from=${today}&to=${today}`)).body.appreciations[0].text).toBe(
      'You walked the dog twice',
    );
    expect((await a.delete(`/api/couple/appreciations/${told.body.id}`)).status).toBe(204);
    expect((await b.get(`/api/couple/appreciations?from=${today}&to=${today}`)).body.appreciations).toEqual([]);
    expect((await eventTypes(coupleId)).slice(eventsBefore.length)).toEqual([
      'appreciation.told',
      'appreciation.updated',
      'appreciation.deleted',
    ]);
  });

  it('refuses a day to come and a field it does not know, with the field at fault', async () => {
    const { a } = await newOpenCouple(t);
    const today = todayIn('America/Chicago');
    const id = (await a.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: 'Thanks', told: false })).body.id;
    const future = await a.put(`/api/couple/appreciations/${id}`, { kind: 'appreciation', date: '2099-01-01', text: 'Thanks' });
    expect(future.body.errors[0].pointer).toBe('/date');
    const extra = await a.put(`/api/couple/appreciations/${id}`, { kind: 'appreciation', date: today, text: 'Thanks', told: true });
    expect(extra.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/told']);
  });
});
