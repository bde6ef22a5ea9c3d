import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enableTwoFactor, enroll, newCouple, newPerson, newProgram, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A program whose clinician enrolled a couple; Alex shares support preferences with the care team (and so consents). */
async function programWithCouple() {
  const program = await newProgram(t);
  const couple = await newCouple(t);
  await enroll(couple, program);
  await couple.a.put('/api/me/support-preferences', { helps: 'admin-must-not-see', doesNotHelp: 'x' });
  await couple.a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
  return { ...program, couple, url: `/api/people/${couple.a.userId}/support-preferences` };
}

async function secondClinician(program: { admin: { post: (url: string) => Promise<{ body: { token: string } }> }; programId: string }) {
  const invite = await program.admin.post(`/api/programs/${program.programId}/clinician-invites`);
  const clinician = await newPerson(t, 'Dr. Jordan');
  await clinician.post(`/api/invites/${invite.body.token}/accept`);
  await enableTwoFactor(clinician);
  return clinician;
}

describe('program admin', () => {
  it('shows staff, couples with their clinicians and counts, with no clinical content', async () => {
    const p = await programWithCouple();
    const view = await p.admin.get(`/api/programs/${p.programId}/admin`);
    expect(view.status).toBe(200);
    expect(view.body.staff).toEqual([
      expect.objectContaining({ displayName: 'Avery (admin)', roles: ['admin'], clinicianActive: null, isMe: true }),
      expect.objectContaining({ displayName: 'Dr. Casey', roles: ['clinician'], clinicianActive: true, assignedCouples: 1 }),
    ]);
    expect(view.body.couples).toEqual([
      {
        coupleId: p.couple.coupleId,
        partners: expect.arrayContaining([expect.objectContaining({ displayName: 'Alex', enrollment: 'accepted' })]),
        clinicianIds: [p.clinician.userId],
      },
    ]);
    expect(view.body.counts).toEqual({
      activeClinicians: 1,
      deactivatedClinicians: 0,
      couples: 1,
      unassignedCouples: 0,
      acceptedPartners: 2,
      invitedPartners: 0,
      partnersWithConsent: 1,
    });
    expect(JSON.stringify(view.body)).not.toContain('admin-must-not-see');
    // The admin reads no partner data: not the couple's clinician, so it does not exist for them.
    expect((await p.admin.get(p.url)).status).toBe(404);
    expect((await p.admin.get(`/api/programs/${p.programId}/caseload`)).status).toBe(403);
  });

  it('a deactivated clinician loses access at once; reactivated, they have it again', async () => {
    const p = await programWithCouple();
    expect((await p.clinician.get(p.url)).status).toBe(200);
    const off = await p.admin.patch(`/api/programs/${p.programId}/clinicians/${p.clinician.userId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.counts).toMatchObject({ activeClinicians: 0, deactivatedClinicians: 1 });
    expect((await p.clinician.get(p.url)).status).toBe(404);
    expect((await p.clinician.get(`/api/programs/${p.programId}`)).status).toBe(404);
    await p.admin.patch(`/api/programs/${p.programId}/clinicians/${p.clinician.userId}`, { active: true });
    expect((await p.clinician.get(p.url)).status).toBe(200);
  });

  it('a clinician sees a couple only once assigned to it, and not after being unassigned', async () => {
    const p = await programWithCouple();
    const jordan = await secondClinician(p);
    expect((await jordan.get(p.url)).status).toBe(404);
    const assigned = await p.admin.put(`/api/programs/${p.programId}/couples/${p.couple.coupleId}/clinicians`, {
      clinicianIds: [jordan.userId],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.couples[0].clinicianIds).toEqual([jordan.userId]);
    expect((await jordan.get(p.url)).status).toBe(200);
    expect((await p.clinician.get(p.url)).status).toBe(404);
    await p.admin.put(`/api/programs/${p.programId}/couples/${p.couple.coupleId}/clinicians`, { clinicianIds: [] });
    expect((await jordan.get(p.url)).status).toBe(404);
    expect((await p.admin.get(`/api/programs/${p.programId}/admin`)).body.counts.unassignedCouples).toBe(1);
  });

  it('an admin who is also a clinician sees a couple only as its assigned clinician', async () => {
    const p = await programWithCouple();
    expect((await p.admin.patch(`/api/programs/${p.programId}/clinicians/${p.admin.userId}`, { active: true })).status).toBe(200);
    expect((await p.admin.get(`/api/programs/${p.programId}`)).body.can).toMatchObject({ administer: true, viewCaseload: true });
    expect((await p.admin.get(p.url)).status).toBe(404);
    await p.admin.put(`/api/programs/${p.programId}/couples/${p.couple.coupleId}/clinicians`, {
      clinicianIds: [p.clinician.userId, p.admin.userId],
    });
    expect((await p.admin.get(p.url)).status).toBe(200);
    const view = (await p.admin.get(`/api/programs/${p.programId}/admin`)).body;
    expect(view.staff.find((m: { isMe: boolean }) => m.isMe).roles).toEqual(['admin', 'clinician']);
  });

  it('only admins manage; clinicians, partners and other programs are refused, and nothing changes', async () => {
    const p = await programWithCouple();
    const elsewhere = await newProgram(t, 'Elsewhere');
    const admin = `/api/programs/${p.programId}/admin`;
    const patch = `/api/programs/${p.programId}/clinicians/${p.clinician.userId}`;
    const assign = `/api/programs/${p.programId}/couples/${p.couple.coupleId}/clinicians`;
    expect((await p.clinician.get(admin)).status).toBe(403);
    expect((await p.clinician.patch(patch, { active: false })).status).toBe(403);
    expect((await p.clinician.put(assign, { clinicianIds: [] })).status).toBe(403);
    for (const outsider of [p.couple.a, p.couple.b, elsewhere.admin, elsewhere.clinician]) {
      expect((await outsider.get(admin)).status).toBe(404);
      expect((await outsider.patch(patch, { active: false })).status).toBe(404);
      expect((await outsider.put(assign, { clinicianIds: [] })).status).toBe(404);
    }
    expect((await p.clinician.get(p.url)).status).toBe(200);
  });

  it('refuses to assign someone who is not a clinician of the program, or a couple not in it', async () => {
    const p = await programWithCouple();
    const elsewhere = await newProgram(t, 'Elsewhere');
    const stranger = await newCouple(t, ['Sol', 'Remy']);
    const wrong = await p.admin.put(`/api/programs/${p.programId}/couples/${p.couple.coupleId}/clinicians`, {
      clinicianIds: [p.clinician.userId, elsewhere.clinician.userId],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].pointer).toBe('/clinicianIds/1');
    expect((await p.admin.put(`/api/programs/${p.programId}/couples/${stranger.coupleId}/clinicians`, { clinicianIds: [] })).status).toBe(
      404,
    );
    expect((await p.admin.patch(`/api/programs/${p.programId}/clinicians/${p.couple.a.userId}`, { active: false })).status).toBe(404);
    expect((await p.admin.get(`/api/programs/${p.programId}/admin`)).body.couples[0].clinicianIds).toEqual([p.clinician.userId]);
  });
});
