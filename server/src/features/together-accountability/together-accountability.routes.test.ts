import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, newCouple, newPerson, type TestApp } from '../../../test/test-app';
import { answerSafetyScreen, newOpenCouple } from '../../../test/together-helpers';
import { todayIn } from '../../platform/local-date';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const today = () => todayIn('America/Chicago');
const range = () => `?from=2026-01-01&to=${today()}`;

describe('commitments', () => {
  it('are made by each partner for themselves and reported kept or missed only by their author', async () => {
    const { a, b } = await newOpenCouple(t);
    const made = await a.post('/api/couple/commitments', { text: 'I will call my sponsor', dueDate: '2026-12-31' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      authorId: a.userId,
      text: 'I will call my sponsor',
      outcome: null,
      can: { report: true, acknowledge: false },
    });
    const id = made.body.id;

    // Blake sees it, cannot report how it went, and can acknowledge it.
    const seen = await b.get('/api/couple/commitments');
    expect(seen.body.commitments[0]).toMatchObject({ id, can: { report: false, acknowledge: true } });
    const notBlakes = await b.put(`/api/couple/commitments/${id}/outcome`, { outcome: 'missed' });
    expect(notBlakes.status).toBe(403);
    expect(notBlakes.body.code).toBe('forbidden');
    expect((await a.post(`/api/couple/commitments/${id}/acknowledge`)).status).toBe(403);
    const acknowledged = await b.post(`/api/couple/commitments/${id}/acknowledge`);
    expect(acknowledged.body.acknowledgedAt).not.toBeNull();
    expect((await b.post(`/api/couple/commitments/${id}/acknowledge`)).body.acknowledgedAt).toBe(acknowledged.body.acknowledgedAt);

    expect((await a.put(`/api/couple/commitments/${id}/outcome`, { outcome: 'kept' })).body.outcome).toBe('kept');
    await a.post('/api/couple/commitments', { text: 'I will be home by nine', dueDate: '2026-12-01' });
    const second = await a.post('/api/couple/commitments', { text: 'I will walk the dog', dueDate: '2026-12-02' });
    await a.put(`/api/couple/commitments/${second.body.id}/outcome`, { outcome: 'missed' });
    await b.post('/api/couple/commitments', { text: 'I will cook on Sunday', dueDate: '2026-12-06' });

    const history = await b.get('/api/couple/commitments');
    expect(history.body.followThrough).toEqual([
      { partnerId: b.userId, kept: 0, missed: 0, open: 1 },
      { partnerId: a.userId, kept: 1, missed: 1, open: 1 },
    ]);
    // Open ones first, by due date.
    expect(history.body.commitments.slice(0, 2).map((c: { text: string }) => c.text)).toEqual([
      'I will be home by nine',
      'I will cook on Sunday',
    ]);
    const stored = await sql<{ text: string }>`select text_ciphertext as text from commitments`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain('sponsor');
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const { a, coupleId } = await newOpenCouple(t);
    const answer = await a.post('/api/couple/commitments', { text: ' ', dueDate: '2026-02-30' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/dueDate', '/text']);
    const rows = await t.database.db.selectFrom('commitments').select('id').where('coupleId', '=', coupleId).execute();
    expect(rows).toEqual([]);
  });
});

describe('appreciations and Caring Days', () => {
  it('an untold entry is never shown to the partner, not even that it exists; a told one is', async () => {
    const { a, b } = await newOpenCouple(t);
    const untold = await a.post('/api/couple/appreciations', {
      kind: 'appreciation',
      date: today(),
      text: 'Blake listened without fixing',
    });
    expect(untold.status).toBe(201);
    expect(untold.body).toMatchObject({ toldAt: null, can: { tell: true } });
    const caring = await a.post('/api/couple/appreciations', { kind: 'caring-day', date: today(), text: 'I made breakfast', told: true });
    expect(caring.body.toldAt).not.toBeNull();

    const blakeSees = await b.get(`/api/couple/appreciations${range()}`);
    expect(blakeSees.body.appreciations.map((x: { id: string }) => x.id)).toEqual([caring.body.id]);
    expect(JSON.stringify(blakeSees.body)).not.toContain('listened');
    // Blake cannot tell it for Alex: for Blake it does not exist.
    expect((await b.post(`/api/couple/appreciations/${untold.body.id}/tell`)).status).toBe(404);
    // A told one of Alex's is not Blake's to tell either.
    expect((await b.post(`/api/couple/appreciations/${caring.body.id}/tell`)).status).toBe(403);
    expect((await a.get(`/api/couple/appreciations${range()}`)).body.appreciations).toHaveLength(2);

    const told = await a.post(`/api/couple/appreciations/${untold.body.id}/tell`);
    expect(told.body.toldAt).not.toBeNull();
    expect((await b.get(`/api/couple/appreciations${range()}`)).body.appreciations).toHaveLength(2);

    // The untold entry raised no live event; the told ones did, with ids only.
    const events = await t.database.db.selectFrom('coupleEvents').selectAll().where('type', '=', 'appreciation.told').execute();
    const ids = events.map((event) => event.data['appreciationId']);
    expect(ids).toContain(caring.body.id);
    expect(ids.filter((id) => id === untold.body.id)).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('breakfast');
  });

  it('refuses a day to come and a day over 30 days back, with the field at fault', async () => {
    const { a } = await newOpenCouple(t);
    const future = await a.post('/api/couple/appreciations', { kind: 'appreciation', date: '2099-01-01', text: 'x' });
    expect(future.body.errors).toEqual([expect.objectContaining({ pointer: '/date' })]);
    const old = await a.post('/api/couple/appreciations', { kind: 'caring-day', date: '2020-01-01', text: 'x' });
    expect(old.status).toBe(400);
    expect((await a.post('/api/couple/appreciations', { kind: 'gift', date: today(), text: 'x' })).body.errors[0].pointer).toBe('/kind');
    expect((await a.get(`/api/couple/appreciations${range()}`)).body.appreciations).toEqual([]);
  });
});

describe('who may see them', () => {
  it('closed joint features refuse, and an ex-partner sees nothing at once', async () => {
    const closed = await newCouple(t);
    await answerSafetyScreen(closed.a);
    expect((await closed.a.get('/api/couple/commitments')).body.code).toBe('joint-features-closed');
    expect((await closed.b.post('/api/couple/appreciations', { kind: 'appreciation', date: today(), text: 'x' })).status).toBe(409);

    const { a, b } = await newOpenCouple(t);
    const made = await a.post('/api/couple/commitments', { text: 'I will rest', dueDate: '2026-12-31' });
    await a.post('/api/couple/appreciations', { kind: 'appreciation', date: today(), text: 'Blake was kind', told: true });
    await b.post('/api/couple/leave');
    expect((await b.get('/api/couple/commitments')).body.code).toBe('not-in-couple');
    expect((await b.get(`/api/couple/appreciations${range()}`)).status).toBe(409);
    expect((await b.post(`/api/couple/commitments/${made.body.id}/acknowledge`)).status).toBe(409);

    // A new partner in Alex's space reads nothing of what Alex and Blake wrote.
    const invite = await a.post('/api/couple/invites');
    const casey = await newPerson(t, 'Casey');
    await casey.post(`/api/invites/${invite.body.token}/accept`);
    await answerSafetyScreen(casey);
    expect((await casey.get('/api/couple/commitments')).body.commitments).toEqual([]);
    expect((await casey.get(`/api/couple/appreciations${range()}`)).body.appreciations).toEqual([]);
    expect((await casey.post(`/api/couple/commitments/${made.body.id}/acknowledge`)).status).toBe(404);
  });
});
