import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, enroll, newCouple, newProgram, type TestApp } from '../../test/test-app';
import { careTeamVisibleKinds, requireCoupleClinician } from './care-team';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('careTeamVisibleKinds', () => {
  it('answers, for many people at once, exactly the kinds each consents to now', async () => {
    const program = await newProgram(t);
    const first = await newCouple(t);
    const second = await newCouple(t, ['Sol', 'Remy']);
    await enroll(first, program);
    await enroll(second, program);
    await first.a.put('/api/me/sharing/checkins', { audience: 'care-team' });
    await first.a.put('/api/me/sharing/goals', { audience: 'both' });
    await first.b.put('/api/me/sharing/checkins', { audience: 'partner' });
    await second.a.put('/api/me/sharing/triggers', { audience: 'care-team' });
    await second.b.put('/api/me/sharing/insights', { audience: 'care-team' });
    // Remy's consent has expired: their setting still says care-team, the consent decides.
    await sql`update care_consents set granted_at = now() - interval '2 days', expires_at = now() - interval '1 day' where owner_id = ${second.b.userId}`.execute(
      t.database.db,
    );
    const ids = [first.a.userId!, first.b.userId!, second.a.userId!, second.b.userId!];
    const visible = await careTeamVisibleKinds(t.database.db, program.clinician.userId!, program.programId, ids);
    expect(Object.fromEntries([...visible].map(([id, kinds]) => [id, [...kinds].sort()]))).toEqual({
      [first.a.userId!]: ['checkins', 'goals'],
      [first.b.userId!]: [],
      [second.a.userId!]: ['triggers'],
      [second.b.userId!]: [],
    });
    // Another program's clinician, and the admin, get nothing for anyone.
    const elsewhere = await newProgram(t, 'Elsewhere');
    for (const viewer of [elsewhere.clinician.userId!, program.admin.userId!]) {
      const none = await careTeamVisibleKinds(t.database.db, viewer, program.programId, ids);
      expect([...none.values()].every((kinds) => kinds.size === 0)).toBe(true);
    }
    await expect(
      requireCoupleClinician(t.database.db, { userId: program.admin.userId! } as never, program.programId, first.coupleId),
    ).rejects.toThrow();
    const access = await requireCoupleClinician(
      t.database.db,
      { userId: program.clinician.userId! } as never,
      program.programId,
      first.coupleId,
    );
    expect(access.enrolledPartnerIds).toEqual([first.a.userId!, first.b.userId!].sort());
  });
});
