import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp, TestClient, type TestApp } from '../server/test/test-app';
import { createCipher } from '../server/src/platform/crypto';
import { todayIn, addDays } from '../server/src/platform/local-date';
import { Secret, TOTP } from 'otpauth';
import { generateLoadData, loadClinicianEmail, loadClinicianTotpSecret, loadDataPassword } from './load-data';

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

  it('with the care team: programs of n couples, one clinician each who logs in with the TOTP secret and sees flags', async () => {
    // A database of its own: the load data's e-mails are the same every time.
    const own = await buildTestApp();
    onTestFinished(() => own.close());
    const summary = await generateLoadData(own.database.db, createCipher(own.encryptionKey), {
      couples: 6,
      days: 60,
      seed: 11,
      careTeam: { couplesPerClinician: 3 },
    });
    expect(summary).toMatchObject({ couples: 6, programs: 2 });
    const clinician = new TestClient(own.app);
    expect((await clinician.post('/api/auth/login', { email: loadClinicianEmail(0), password: loadDataPassword })).status).toBe(202);
    const code = TOTP.generate({ secret: Secret.fromBase32(loadClinicianTotpSecret) });
    const me = await clinician.post('/api/auth/login/two-factor', { code });
    expect(me.status).toBe(200);
    const flagged = await clinician.get(`/api/programs/${me.body.staff[0].programId}/caseload/flags`);
    expect(flagged.body.couples).toHaveLength(3);
    // Couple 0 of the first program has every pattern: rising craving, 3 missed days, a told lapse, falling adherence, a PHQ-9 rise.
    const kinds = flagged.body.couples.flatMap((c: { flags: Array<{ kind: string }> }) => c.flags.map((flag) => flag.kind));
    expect(kinds).toEqual(
      expect.arrayContaining(['rising-craving', 'missed-checkins', 'lapse-told', 'adherence-falling', 'worsening-score']),
    );
  });
});
