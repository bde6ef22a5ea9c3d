import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp } from '../../../test/test-app';
import { dataKindIds } from '@twofold/core/sharing/data-kinds';
import { verifyAuditChain } from '../../platform/audit';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const prefs = { helps: 'A walk together after dinner.', doesNotHelp: 'Being asked whether I used today.' };

describe('support preferences and sharing', () => {
  it('are private by default: the partner gets 404, exactly like for someone with nothing written', async () => {
    const { a, b } = await newCouple(t);
    const stranger = await newPerson(t);
    expect((await a.put('/api/me/support-preferences', prefs)).status).toBe(200);

    const hidden = await b.get(`/api/people/${a.userId}/support-preferences`);
    const absent = await a.get(`/api/people/${stranger.userId}/support-preferences`);
    expect(hidden.status).toBe(404);
    expect(absent.status).toBe(404);
    expect({ ...hidden.body, instance: undefined }).toEqual({ ...absent.body, instance: undefined });
    const settings = (await b.get('/api/me/sharing')).body.settings;
    expect(settings.map((s: { kind: string }) => s.kind)).toEqual(dataKindIds);
    expect(settings.every((s: { audience: string; updatedAt: null }) => s.audience === 'private' && s.updatedAt === null)).toBe(true);
  });

  it('shows them to the partner on the very next request after sharing, and hides them again on revoking', async () => {
    const { a, b } = await newCouple(t);
    await a.put('/api/me/support-preferences', prefs);
    expect((await a.put('/api/me/sharing/support-preferences', { audience: 'partner' })).body.audience).toBe('partner');

    const shared = await b.get(`/api/people/${a.userId}/support-preferences`);
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ ...prefs, can: { edit: false } });

    await a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    expect((await b.get(`/api/people/${a.userId}/support-preferences`)).status).toBe(404);
  });

  it('stores the words encrypted, never in plain text', async () => {
    const person = await newPerson(t);
    await person.put('/api/me/support-preferences', prefs);
    const { rows } = await sql<Record<string, string>>`select * from support_preferences where owner_id = ${person.userId}`.execute(
      t.database.db,
    );
    expect(JSON.stringify(rows)).not.toContain('walk together');
    expect(rows[0]!['helpsCiphertext']).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect((await person.get('/api/me/support-preferences')).body).toMatchObject(prefs);
  });

  it('records every read by the partner in the audit trail, which the owner can see', async () => {
    const { a, b } = await newCouple(t, ['Alex', 'Blake']);
    await a.put('/api/me/support-preferences', prefs);
    await a.put('/api/me/sharing/support-preferences', { audience: 'both' });
    await b.get(`/api/people/${a.userId}/support-preferences`);
    await a.get('/api/me/support-preferences');

    const log = await a.get('/api/me/access-log');
    expect(log.body.events).toEqual([
      expect.objectContaining({
        viewer: { id: b.userId, displayName: 'Blake', relation: 'partner' },
        kind: 'support-preferences',
        action: 'read',
        purpose: 'partner-support',
      }),
    ]);
    expect((await b.get('/api/me/access-log')).body.events).toEqual([]);
    expect(await verifyAuditChain(t.database.db)).toBeNull();
  });

  it('never lets the partner write them', async () => {
    const { a, b } = await newCouple(t);
    await a.put('/api/me/sharing/support-preferences', { audience: 'partner' });
    const attempt = await b.request('PUT', `/api/people/${a.userId}/support-preferences`, { body: prefs });
    expect(attempt.status).toBe(404);
  });

  it('shows nothing to a partner who left, nor to the one left behind, and resets partner sharing of the leaver', async () => {
    const { a, b } = await newCouple(t);
    await a.put('/api/me/support-preferences', prefs);
    await b.put('/api/me/support-preferences', prefs);
    await a.put('/api/me/sharing/support-preferences', { audience: 'both' });
    await b.put('/api/me/sharing/support-preferences', { audience: 'partner' });

    await a.post('/api/couple/leave');
    expect((await b.get(`/api/people/${a.userId}/support-preferences`)).status).toBe(404);
    expect((await a.get(`/api/people/${b.userId}/support-preferences`)).status).toBe(404);
    const settings = (await a.get('/api/me/sharing')).body.settings;
    expect(settings.find((s: { kind: string }) => s.kind === 'support-preferences').audience).toBe('care-team');
    expect((await a.get('/api/me/support-preferences')).body).toMatchObject(prefs);
  });

  it('shows them to a clinician of the program only with care-team sharing and the partner’s own enrollment', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const other = await newProgram(t, 'Elsewhere Program');
    await couple.a.put('/api/me/support-preferences', prefs);
    await couple.a.put('/api/me/sharing/support-preferences', { audience: 'care-team' });
    const url = `/api/people/${couple.a.userId}/support-preferences`;

    expect((await program.clinician.get(url)).status).toBe(404);
    await enroll(couple, program);
    expect((await program.clinician.get(url)).status).toBe(200);
    expect((await other.clinician.get(url)).status).toBe(404);
    expect((await program.admin.get(url)).status).toBe(404);

    const log = await couple.a.get('/api/me/access-log');
    expect(log.body.events[0]).toMatchObject({ viewer: { relation: 'clinician' }, purpose: 'treatment' });

    await couple.a.delete(`/api/programs/${program.programId}/enrollment`);
    expect((await program.clinician.get(url)).status).toBe(404);
  });
});
