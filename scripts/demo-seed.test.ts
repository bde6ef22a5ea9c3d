import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient, totpCode, type TestApp } from '../server/test/test-app';
import { createCipher } from '../server/src/platform/crypto';
import { demoPassword, seedDemo } from './demo-seed';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('creates a program, its staff and two enrolled couples whose people can log in', async () => {
    // The app's own key: the staff's TOTP secrets are read back at log-in.
    const logins = await seedDemo(t.database.db, 'http://twofold.test', createCipher(t.encryptionKey));
    expect(logins.map(([role]) => role)).toEqual([
      'program admin',
      'clinician',
      ...Array(2).fill('partner, couple 1 (one partner in recovery)'),
      ...Array(2).fill('partner, couple 2 (both partners in recovery)'),
    ]);
    // Staff use two-step sign-in: the password, then a code from the secret the demo prints.
    const clinician = new TestClient(t.app);
    const challenge = await clinician.post('/api/auth/login', { email: 'clinician@demo.twofold.test', password: demoPassword });
    expect(challenge.status).toBe(202);
    const me = await clinician.post('/api/auth/login/two-factor', { code: totpCode(logins[1]![3]!, 1) });
    expect(me.status).toBe(200);
    const caseload = await clinician.get(`/api/programs/${me.body.staff[0].programId}/caseload`);
    expect(caseload.body.couples).toHaveLength(2);
    expect(caseload.body.couples.flatMap((c: { partners: Array<{ enrollment: string }> }) => c.partners.map((p) => p.enrollment))).toEqual(
      Array(4).fill('accepted'),
    );
    const jordan = new TestClient(t.app);
    await jordan.post('/api/auth/login', { email: 'jordan@demo.twofold.test', password: demoPassword });
    expect(
      (await jordan.get('/api/me/access-log')).body.events.map((e: { viewer: { relation: string } }) => e.viewer.relation).sort(),
    ).toEqual(['clinician', 'partner']);

    // Questionnaires: both safety screens answered, so the joint features are open; a history to chart.
    expect((await jordan.get('/api/couple/joint-features')).body.status).toBe('open');
    const phq9 = (await jordan.get('/api/me/assessments?instrumentId=phq-9')).body.assessments;
    expect(phq9.length).toBeGreaterThanOrEqual(5);
    expect(new Set(phq9.map((a: { date: string }) => a.date)).size).toBe(phq9.length);
    const alex = new TestClient(t.app);
    await alex.post('/api/auth/login', { email: 'alex@demo.twofold.test', password: demoPassword });
    expect((await alex.get('/api/couple/attachment')).body.pattern).toBe('pursue-withdraw');
    // The caseload shows flags: Jordan's craving rising, then three days without a check-in; Riley's safety alert.
    const flagged = await clinician.get(`/api/programs/${me.body.staff[0].programId}/caseload/flags`);
    const kindsOf = (name: string) =>
      flagged.body.couples
        .flatMap((c: { partners: Array<{ id: string; displayName: string }>; flags: Array<{ kind: string; personId: string }> }) =>
          c.flags.filter((flag) => c.partners.find((p) => p.id === flag.personId)?.displayName === name),
        )
        .map((flag: { kind: string }) => flag.kind);
    expect(kindsOf('Jordan')).toEqual(expect.arrayContaining(['rising-craving', 'missed-checkins']));
    expect(kindsOf('Riley')).toContain('safety-alert');
    const alerts = await clinician.get(`/api/programs/${me.body.staff[0].programId}/alerts`);
    expect(alerts.body.alerts).toEqual([expect.objectContaining({ personName: 'Riley', kind: 'self-harm' })]);
  });
});
