import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { addDays, todayIn } from '../../platform/local-date';
import { buildTestApp, enroll, newCouple, newProgram, type TestApp, type TestClient } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function enrolledCouple() {
  const couple = await newCouple(t);
  const program = await newProgram(t);
  await enroll(couple, program);
  await couple.a.put('/api/me/support-preferences', { helps: 'A walk together', doesNotHelp: 'Questions about yesterday' });
  return { ...couple, program, url: `/api/people/${couple.a.userId}/support-preferences` };
}

const consentsOf = async (client: TestClient) => (await client.get('/api/me/consents')).body;

/** Moves a consent's window into the past, as if its date had passed. */
async function expire(consentId: string) {
  await sql`update care_consents set granted_at = now() - interval '2 days', expires_at = now() - interval '1 day' where id = ${consentId}`.execute(
    t.database.db,
  );
}

describe('consent records', () => {
  it('choosing the care team while in a program records a consent, and the clinician reads under it', async () => {
    const { a, program, url } = await enrolledCouple();
    expect((await program.clinician.get(url)).status).toBe(404);
    const until = addDays(todayIn('America/Chicago'), 90);
    const shared = await a.put('/api/me/sharing/support-preferences', {
      audience: 'care-team',
      consent: { purpose: 'care-coordination', purposeNote: 'For my counselor before Thursday sessions', until },
    });
    expect(shared.status).toBe(200);
    expect((await program.clinician.get(url)).status).toBe(200);

    const { consents, programs } = await consentsOf(a);
    expect(programs).toEqual([{ id: program.programId, name: 'Riverside Couples Program' }]);
    expect(consents).toEqual([
      expect.objectContaining({
        kind: 'support-preferences',
        purpose: 'care-coordination',
        purposeNote: 'For my counselor before Thursday sessions',
        status: 'current',
        program: { id: program.programId, name: 'Riverside Couples Program' },
        can: { revoke: true },
        accesses: [
          expect.objectContaining({ viewer: { id: program.clinician.userId, displayName: 'Dr. Casey' }, kind: 'support-preferences' }),
        ],
      }),
    ]);
    // The consent holds through the chosen day, in the person's time zone (America/Chicago).
    const expiresAt = new Date(consents[0].expiresAt);
    expect(todayIn('America/Chicago', Temporal.Instant.fromEpochMilliseconds(expiresAt.getTime() - 1))).toBe(until);
    // The words are encrypted at rest.
    const row = await t.database.db.selectFrom('careConsents').selectAll().where('id', '=', consents[0].id).executeTakeFirstOrThrow();
    expect(row.purposeNoteCiphertext).not.toContain('counselor');
  });

  it('revoking takes effect at the next request, takes the care team out of the setting and stays on record', async () => {
    const { a, program, url } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'both' });
    expect((await program.clinician.get(url)).status).toBe(200);
    const [consent] = (await consentsOf(a)).consents;
    const revoked = await a.delete(`/api/me/consents/${consent.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.consents[0]).toMatchObject({ id: consent.id, status: 'revoked', can: { revoke: false } });
    // The access made before revocation is still listed under it.
    expect(revoked.body.consents[0].accesses).toHaveLength(1);
    expect((await program.clinician.get(url)).status).toBe(404);
    const sharing = (await a.get('/api/me/sharing')).body.settings;
    expect(sharing.find((s: { kind: string }) => s.kind === 'support-preferences').audience).toBe('partner');
  });

  it('moving the setting away from the care team revokes the consent; choosing it again records a new one', async () => {
    const { a, program, url } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    await a.put('/api/me/sharing/support-preferences', { audience: 'partner' });
    expect((await program.clinician.get(url)).status).toBe(404);
    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    expect((await program.clinician.get(url)).status).toBe(200);
    const statuses = (await consentsOf(a)).consents.map((c: { status: string }) => c.status);
    expect(statuses.sort()).toEqual(['current', 'revoked']);
  });

  it('an expired consent shows nothing, and is listed as expired until renewed', async () => {
    const { a, program, url } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    const [consent] = (await consentsOf(a)).consents;
    await expire(consent.id);
    expect((await program.clinician.get(url)).status).toBe(404);
    expect((await consentsOf(a)).consents[0]).toMatchObject({ status: 'expired', can: { revoke: false } });
    // Renewing through the consent form: a new record, the old one marked renewed.
    const renewed = await a.post('/api/me/consents', {
      programId: program.programId,
      kinds: ['support-preferences'],
      purpose: 'treatment',
    });
    expect(renewed.status).toBe(201);
    expect(renewed.body.consents.map((c: { status: string }) => c.status).sort()).toEqual(['current', 'renewed']);
    expect((await program.clinician.get(url)).status).toBe(200);
  });

  it('granting puts the care team into the setting; sharing with the care team alone is not enough without a consent', async () => {
    const { a, program, url } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'partner' });
    const granted = await a.post('/api/me/consents', {
      programId: program.programId,
      kinds: ['support-preferences', 'checkins'],
      purpose: 'progress-reporting',
    });
    expect(granted.status).toBe(201);
    const sharing = (await a.get('/api/me/sharing')).body.settings;
    expect(sharing.find((s: { kind: string }) => s.kind === 'support-preferences').audience).toBe('both');
    expect(sharing.find((s: { kind: string }) => s.kind === 'checkins').audience).toBe('care-team');
    expect((await program.clinician.get(url)).status).toBe(200);
    // A setting left on care-team without a current consent (the consent record is what counts).
    await t.database.db
      .updateTable('careConsents')
      .set({ endedAt: sql<Date>`now()`, endReason: 'revoked' })
      .where('ownerId', '=', a.userId!)
      .execute();
    expect((await program.clinician.get(url)).status).toBe(404);
  });

  it('leaving the program ends its consents at once', async () => {
    const { a, program, url } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    expect((await a.delete(`/api/programs/${program.programId}/enrollment`)).status).toBe(204);
    expect((await program.clinician.get(url)).status).toBe(404);
    expect((await consentsOf(a)).consents[0].status).toBe('left-program');
  });

  it('accepting an enrollment with the consent form records the chosen kinds', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const invite = await program.clinician.post(`/api/programs/${program.programId}/couple-invites`);
    await couple.a.post(`/api/invites/${invite.body.token}/accept`);
    await couple.b.put('/api/me/support-preferences', { helps: 'Tea', doesNotHelp: 'Silence' });
    const accepted = await couple.b.post(`/api/programs/${program.programId}/enrollment`, {
      consent: { kinds: ['support-preferences'], purpose: 'treatment', purposeNote: 'Individual sessions' },
    });
    expect(accepted.status).toBe(204);
    expect((await program.clinician.get(`/api/people/${couple.b.userId}/support-preferences`)).status).toBe(200);
    expect((await consentsOf(couple.b)).consents).toEqual([
      expect.objectContaining({ kind: 'support-preferences', purposeNote: 'Individual sessions' }),
    ]);
  });

  it('nobody else sees or revokes my consents: my partner gets 404', async () => {
    const { a, b } = await enrolledCouple();
    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    const [consent] = (await consentsOf(a)).consents;
    expect((await consentsOf(b)).consents).toEqual([]);
    expect((await b.delete(`/api/me/consents/${consent.id}`)).status).toBe(404);
    expect((await consentsOf(a)).consents[0].status).toBe('current');
  });

  it('refuses a program I am not in, a kind that cannot go to the care team, and a date out of range, saving nothing', async () => {
    const { a, program } = await enrolledCouple();
    const elsewhere = await newProgram(t, 'Elsewhere');
    expect((await a.post('/api/me/consents', { programId: elsewhere.programId, kinds: ['checkins'], purpose: 'treatment' })).status).toBe(
      404,
    );
    const journal = await a.post('/api/me/consents', { programId: program.programId, kinds: ['journal'], purpose: 'treatment' });
    expect(journal.status).toBe(400);
    expect(journal.body.errors[0].pointer).toMatch(/^\/kinds/);
    const tooLate = await a.post('/api/me/consents', {
      programId: program.programId,
      kinds: ['checkins'],
      purpose: 'treatment',
      until: addDays(todayIn('America/Chicago'), 800),
    });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.errors[0].pointer).toBe('/until');
    const past = await a.post('/api/me/consents', {
      programId: program.programId,
      kinds: ['checkins'],
      purpose: 'treatment',
      until: '2020-01-01',
    });
    expect(past.status).toBe(400);
    const badPurpose = await a.post('/api/me/consents', { programId: program.programId, kinds: ['checkins'], purpose: 'marketing' });
    expect(badPurpose.body.errors[0].pointer).toBe('/purpose');
    expect((await consentsOf(a)).consents).toEqual([]);
  });
});
