import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newCouple, newPerson, newProgram, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('programs', () => {
  it('an admin creates a program and invites a clinician, who joins through the link', async () => {
    const { admin, clinician, programId } = await newProgram(t);
    const seenByAdmin = await admin.get(`/api/programs/${programId}`);
    expect(seenByAdmin.body).toMatchObject({
      myRole: 'admin',
      counts: { clinicians: 1, enrolledPartners: 0 },
      can: { inviteClinician: true, inviteCouple: false },
    });
    expect((await clinician.get('/api/me')).body.staff).toEqual([
      { programId, programName: 'Riverside Couples Program', role: 'clinician' },
    ]);
  });

  it('a clinician invites a couple and each partner accepts for themselves', async () => {
    const { clinician, admin, programId } = await newProgram(t);
    const { a, b } = await newCouple(t, ['Alex', 'Blake']);
    const invite = await clinician.post(`/api/programs/${programId}/couple-invites`);
    expect(invite.status).toBe(201);
    expect((await a.get(`/api/invites/${invite.body.token}`)).body).toMatchObject({
      kind: 'program-couple',
      programName: 'Riverside Couples Program',
    });
    expect((await a.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);

    const pending = await clinician.get(`/api/programs/${programId}/caseload`);
    expect(pending.body.couples[0].partners).toEqual([
      expect.objectContaining({ displayName: 'Alex', enrollment: 'accepted' }),
      expect.objectContaining({ displayName: 'Blake', enrollment: 'invited' }),
    ]);
    expect((await b.get('/api/couple')).body.programs).toEqual([
      { id: programId, name: 'Riverside Couples Program', myEnrollment: 'invited' },
    ]);
    expect((await b.post(`/api/programs/${programId}/enrollment`)).status).toBe(204);
    expect((await admin.get(`/api/programs/${programId}`)).body.counts.enrolledPartners).toBe(2);
  });

  it('keeps the caseload from admins, other programs and partners', async () => {
    const { admin, programId } = await newProgram(t);
    const other = await newProgram(t, 'Other');
    const partner = await newPerson(t);
    expect((await admin.get(`/api/programs/${programId}/caseload`)).status).toBe(403);
    expect((await other.clinician.get(`/api/programs/${programId}/caseload`)).status).toBe(404);
    expect((await partner.get(`/api/programs/${programId}`)).status).toBe(404);
    expect((await admin.post(`/api/programs/${programId}/couple-invites`)).body.code).toBe('not-program-staff');
  });

  it('a couple can use Twofold with no program at all', async () => {
    const { a } = await newCouple(t);
    expect((await a.get('/api/couple')).body.programs).toEqual([]);
    expect((await a.get('/api/me')).body.staff).toEqual([]);
  });
});
