import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient, type TestApp } from '../server/test/test-app';
import { createCipher } from '../server/src/platform/crypto';
import { todayIn, addDays } from '../server/src/platform/local-date';
import { generateLoadData, loadDataPassword } from './load-data';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('load data', () => {
  it('makes couples whose check-ins the real API reads back, shared with the partner', async () => {
    const summary = await generateLoadData(t.database.db, createCipher(t.encryptionKey), { couples: 3, days: 30 });
    expect(summary).toMatchObject({ couples: 3, people: 6, checkins: 180 });
    const a = new TestClient(t.app);
    const me = await a.post('/api/auth/login', { email: 'load-1-a@load.twofold.test', password: loadDataPassword });
    const b = new TestClient(t.app);
    await b.post('/api/auth/login', { email: 'load-1-b@load.twofold.test', password: loadDataPassword });
    const today = todayIn('America/Chicago');
    const url = `/api/people/${me.body.user.id}/checkins?from=${addDays(today, -89)}&to=${today}`;
    expect((await b.get(url)).body.checkins).toHaveLength(30);
    expect((await a.get(`/api/me/checkins?from=${addDays(today, -89)}&to=${today}`)).body.checkins[0].note).toBe('');
    expect((await a.get('/api/me/recovery-summary')).body.totalSoberDays).toBeGreaterThan(20);
  });
});
