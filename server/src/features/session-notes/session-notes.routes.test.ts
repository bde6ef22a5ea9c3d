import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enableTwoFactor, enroll, newCouple, newPerson, newProgram, TestClient, type TestApp } from '../../../test/test-app';

/**
 * Session notes: a clinician of the couple's program writes joint and individual notes; individual
 * notes never reach the other partner; joint notes reach both partners only once signed and shared.
 * Edits keep versions, signing locks, every clinician read is audited as a clinical-record read,
 * and the text is stored only as ciphertext.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function lastAuditId(): Promise<string> {
  const { rows } = await sql<{ id: string | null }>`select max(id)::text as id from audit_events`.execute(t.database.db);
  return rows[0]?.id ?? '0';
}
async function auditAfter(id: string) {
  const { rows } = await sql<{ actorId: string; subjectId: string; kind: string; relation: string; programId: string | null }>`
    select actor_id, subject_id, kind, relation, program_id from audit_events where id > ${id}::bigint order by id`.execute(t.database.db);
  return rows;
}

async function enrolledCouple() {
  const couple = await newCouple(t, ['Alex', 'Blake']);
  const program = await newProgram(t);
  await enroll(couple, program);
  const url = `/api/programs/${program.programId}/couples/${couple.coupleId}/notes`;
  return { ...couple, program, url };
}

const individualAboutBlake = 'Blake spoke about a slip last weekend; not yet ready to tell Alex.';
const jointText = 'Practised reflective listening; agreed on the 8 pm Trust Discussion.';

describe('session notes', () => {
  it('keeps an individual note away from the other partner, and from everyone outside the care', async () => {
    const { a, b, program, url, coupleId } = await enrolledCouple();
    const written = await program.clinician.post(url, {
      scope: 'individual',
      partnerId: b.userId,
      sessionDate: '2026-11-20',
      body: individualAboutBlake,
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({
      scope: 'individual',
      about: [{ id: b.userId, displayName: 'Blake' }],
      body: individualAboutBlake,
      version: 1,
      can: { edit: true, sign: true, share: false, addAddendum: false },
    });
    const noteId = written.body.id as string;

    // The other partner (the adversary), the partner it is about, a stranger: nothing, anywhere.
    for (const person of [a, b]) {
      const shared = await person.get('/api/couple/session-notes');
      expect(shared.status).toBe(200);
      expect(shared.body.notes).toEqual([]);
      expect((await person.get(url)).status).toBe(404);
      expect((await person.get(`${url}/${noteId}/versions`)).status).toBe(404);
      expect((await person.put(`${url}/${noteId}/sharing`, { sharedWithCouple: true })).status).toBe(404);
    }
    const elsewhere = await newProgram(t, 'Elsewhere');
    expect((await elsewhere.clinician.get(url)).status).toBe(404);
    expect((await elsewhere.clinician.get(`/api/programs/${elsewhere.programId}/couples/${coupleId}/notes`)).status).toBe(404);
    // The program's admin is not the couple's clinician: no clinical content, and the couple does not exist for them.
    const asAdmin = await program.admin.get(url);
    expect(asAdmin.status).toBe(404);
    expect(JSON.stringify(asAdmin.body)).not.toContain('slip');
    const stranger = await newPerson(t, 'Stranger');
    expect((await stranger.get(url)).status).toBe(404);
    expect((await new TestClient(t.app).get(url)).status).toBe(401);

    // Stored only as ciphertext.
    const { rows } = await sql<{
      body: string;
    }>`select body_ciphertext as body from session_note_versions where note_id = ${noteId}::uuid`.execute(t.database.db);
    expect(rows[0]?.body).toMatch(/^v1\./);
    expect(rows[0]?.body).not.toContain('slip');

    // A deactivated clinician gets nothing, like someone outside.
    await t.database.db
      .updateTable('programStaff')
      .set({ active: false })
      .where('programId', '=', program.programId)
      .where('userId', '=', program.clinician.userId!)
      .execute();
    expect((await program.clinician.get(url)).status).toBe(404);
    expect((await program.clinician.post(url, { scope: 'joint', sessionDate: '2026-11-20', body: jointText })).status).toBe(404);
  });

  it('audits every clinician read as a clinical-record read of each person the notes are about, and no write', async () => {
    const { a, b, program, url } = await enrolledCouple();
    const before = await lastAuditId();
    const joint = await program.clinician.post(url, { scope: 'joint', sessionDate: '2026-11-21', body: jointText });
    await program.clinician.post(url, { scope: 'individual', partnerId: b.userId, sessionDate: '2026-11-21', body: individualAboutBlake });
    expect(await auditAfter(before)).toEqual([]);

    const list = await program.clinician.get(url);
    expect(list.status).toBe(200);
    expect(list.body.notes.map((note: { scope: string }) => note.scope).sort()).toEqual(['individual', 'joint']);
    expect(list.body.can).toEqual({ writeJoint: true, writeIndividual: true });
    const audit = await auditAfter(before);
    expect(audit.map((row) => row.subjectId).sort()).toEqual([a.userId, b.userId].sort());
    expect(audit.every((row) => row.kind === 'session-notes' && row.relation === 'clinician' && row.programId === program.programId)).toBe(
      true,
    );

    // Each person sees the reads in their own access log.
    const log = await b.get('/api/me/access-log');
    expect(log.status).toBe(200);
    expect(log.body.events).toContainEqual(expect.objectContaining({ kind: 'session-notes', purpose: 'treatment' }));

    const mid = await lastAuditId();
    await program.clinician.get(`${url}/${joint.body.id}/versions`);
    expect((await auditAfter(mid)).length).toBe(2);
  });

  it('keeps every version of an edited note, refuses a stale edit, and locks the note once signed', async () => {
    const { b, program, url, coupleId } = await enrolledCouple();
    const written = await program.clinician.post(url, {
      scope: 'individual',
      partnerId: b.userId,
      sessionDate: '2026-11-22',
      body: 'First draft',
    });
    const noteUrl = `${url}/${written.body.id}`;
    const edited = await program.clinician.put(noteUrl, { body: 'Second draft', baseVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Second draft', version: 2 });
    const stale = await program.clinician.put(noteUrl, { body: 'From an old tab', baseVersion: 1 });
    expect(stale.status).toBe(409);

    const versions = await program.clinician.get(`${noteUrl}/versions`);
    expect(versions.body.versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [1, 'First draft'],
      [2, 'Second draft'],
    ]);

    // Another clinician of the program reads it but cannot change or sign it.
    const invite = await program.admin.post(`/api/programs/${program.programId}/clinician-invites`);
    const colleague = await newPerson(t, 'Dr. Morgan');
    await colleague.post(`/api/invites/${invite.body.token}/accept`);
    await enableTwoFactor(colleague);
    // Notes reach only the couple's assigned clinicians: the admin assigns the colleague too.
    expect((await colleague.get(url)).status).toBe(404);
    await program.admin.put(`/api/programs/${program.programId}/couples/${coupleId}/clinicians`, {
      clinicianIds: [program.clinician.userId, colleague.userId],
    });
    const seen = await colleague.get(url);
    expect(seen.body.notes[0].can).toEqual({ edit: false, sign: false, share: false, addAddendum: false });
    expect((await colleague.put(noteUrl, { body: 'Not mine', baseVersion: 2 })).status).toBe(403);
    expect((await colleague.post(`${noteUrl}/signature`)).status).toBe(403);

    const signed = await program.clinician.post(`${noteUrl}/signature`);
    expect(signed.status).toBe(200);
    expect(signed.body.signedBy).toMatchObject({ id: program.clinician.userId });
    expect(signed.body.can).toMatchObject({ edit: false, sign: false, addAddendum: true });
    expect((await program.clinician.put(noteUrl, { body: 'After signing', baseVersion: 2 })).status).toBe(409);
    expect((await program.clinician.post(`${noteUrl}/signature`)).status).toBe(409);

    const addendum = await colleague.post(`${noteUrl}/addenda`, { body: 'Followed up by phone on Monday.' });
    expect(addendum.status).toBe(201);
    expect(addendum.body.addenda).toEqual([
      expect.objectContaining({ body: 'Followed up by phone on Monday.', author: expect.objectContaining({ displayName: 'Dr. Morgan' }) }),
    ]);
    // An individual note is never shared with the couple.
    expect((await program.clinician.put(`${noteUrl}/sharing`, { sharedWithCouple: true })).status).toBe(409);
  });

  it('shares a signed joint note with both partners, read-only, and takes it back', async () => {
    const { a, b, program, url } = await enrolledCouple();
    const joint = await program.clinician.post(url, { scope: 'joint', sessionDate: '2026-11-23', body: jointText });
    const noteUrl = `${url}/${joint.body.id}`;
    expect((await program.clinician.put(`${noteUrl}/sharing`, { sharedWithCouple: true })).status).toBe(409);
    await program.clinician.post(`${noteUrl}/signature`);
    const shared = await program.clinician.put(`${noteUrl}/sharing`, { sharedWithCouple: true });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWithCoupleAt).not.toBeNull();

    for (const person of [a, b]) {
      const seen = await person.get('/api/couple/session-notes');
      expect(seen.body.notes).toEqual([
        expect.objectContaining({ id: joint.body.id, body: jointText, sessionDate: '2026-11-23', author: { displayName: 'Dr. Casey' } }),
      ]);
    }
    // Partners only read: nothing to change through the clinician's routes.
    expect((await a.put(noteUrl, { body: 'Changed by a partner', baseVersion: 1 })).status).toBe(404);

    await program.clinician.put(`${noteUrl}/sharing`, { sharedWithCouple: false });
    expect((await a.get('/api/couple/session-notes')).body.notes).toEqual([]);
  });

  it('takes notes out of reach when a partner leaves the program, and refuses notes about someone not in care', async () => {
    const { a, b, program, url } = await enrolledCouple();
    await program.clinician.post(url, { scope: 'individual', partnerId: b.userId, sessionDate: '2026-11-20', body: individualAboutBlake });
    const aboutAlex = await program.clinician.post(url, {
      scope: 'individual',
      partnerId: a.userId,
      sessionDate: '2026-11-20',
      body: 'About Alex',
    });
    expect(aboutAlex.status).toBe(201);
    await program.clinician.post(url, { scope: 'joint', sessionDate: '2026-11-20', body: jointText });

    await b.delete(`/api/programs/${program.programId}/enrollment`);
    const list = await program.clinician.get(url);
    expect(list.status).toBe(200);
    expect(list.body.notes.map((note: { body: string }) => note.body)).toEqual(['About Alex']);
    expect(list.body.can).toEqual({ writeJoint: false, writeIndividual: true });
    expect((await program.clinician.post(url, { scope: 'joint', sessionDate: '2026-11-24', body: jointText })).status).toBe(409);
    expect(
      (await program.clinician.post(url, { scope: 'individual', partnerId: b.userId, sessionDate: '2026-11-24', body: 'x' })).status,
    ).toBe(404);

    await a.delete(`/api/programs/${program.programId}/enrollment`);
    expect((await program.clinician.get(url)).status).toBe(404);
  });

  it('links a note to one of the couple’s sessions of the same kind, and refuses any other session', async () => {
    const { b, program, url, coupleId } = await enrolledCouple();
    const sessions = `/api/programs/${program.programId}/couples/${coupleId}/sessions`;
    const day = Temporal.Now.plainDateISO('America/Chicago').add({ days: 30 }).toString();
    const session = { start: { date: day, time: '17:30' }, durationMinutes: 60, place: 'Room 3', videoUrl: null };
    const joint = await program.clinician.post(sessions, { ...session, format: 'joint' });
    const withBlake = await program.clinician.post(sessions, { ...session, format: 'individual', partnerId: b.userId });
    expect([joint.status, withBlake.status]).toEqual([201, 201]);

    const linked = await program.clinician.post(url, {
      scope: 'joint',
      sessionId: joint.body.id,
      sessionDate: day,
      body: jointText,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.sessionId).toBe(joint.body.id);
    for (const body of [
      { scope: 'joint', sessionId: withBlake.body.id, sessionDate: day, body: jointText },
      { scope: 'individual', partnerId: b.userId, sessionId: joint.body.id, sessionDate: day, body: 'x' },
      { scope: 'joint', sessionId: '00000000-0000-4000-8000-000000000000', sessionDate: day, body: jointText },
    ]) {
      const refused = await program.clinician.post(url, body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/sessionId' })]);
    }
    expect((await program.clinician.get(url)).body.notes).toHaveLength(1);
  });

  it('answers bad input with the field at fault and saves nothing', async () => {
    const { b, program, url } = await enrolledCouple();
    const cases: [unknown, string][] = [
      [{ scope: 'individual', sessionDate: '2026-11-20', body: 'x' }, '/partnerId'],
      [{ scope: 'joint', partnerId: b.userId, sessionDate: '2026-11-20', body: 'x' }, '/partnerId'],
      [{ scope: 'joint', sessionDate: '2026-02-30', body: 'x' }, '/sessionDate'],
      [{ scope: 'joint', sessionDate: '2026-11-20', body: '   ' }, '/body'],
      [{ scope: 'group', sessionDate: '2026-11-20', body: 'x' }, '/scope'],
    ];
    for (const [body, pointer] of cases) {
      const answer = await program.clinician.post(url, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await program.clinician.get(url)).body.notes).toEqual([]);
  });
});
