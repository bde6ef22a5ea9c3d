import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, newPerson, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const lastSeenOf = async (userId: string) =>
  (
    await sql<{
      minutesAgo: number;
    }>`select extract(epoch from now() - last_seen_at) / 60 as minutes_ago from sessions where user_id = ${userId}`.execute(t.database.db)
  ).rows[0]!.minutesAgo;

describe('sessions', () => {
  it('moves last_seen_at forward when a session used within the idle timeout was last seen over a minute ago', async () => {
    const person = await newPerson(t);
    await sql`update sessions set last_seen_at = now() - interval '10 minutes' where user_id = ${person.userId}`.execute(t.database.db);
    expect((await person.get('/api/me')).status).toBe(200);
    expect(Number(await lastSeenOf(person.userId!))).toBeLessThan(1);
  });

  it('leaves last_seen_at alone within the minute', async () => {
    const person = await newPerson(t);
    await sql`update sessions set last_seen_at = now() - interval '30 seconds' where user_id = ${person.userId}`.execute(t.database.db);
    expect((await person.get('/api/me')).status).toBe(200);
    expect(Number(await lastSeenOf(person.userId!))).toBeGreaterThan(0.4);
  });

  it('ends a session at once when its row is gone (revocation), and after the idle timeout', async () => {
    const revoked = await newPerson(t);
    await sql`delete from sessions where user_id = ${revoked.userId}`.execute(t.database.db);
    expect((await revoked.get('/api/me')).status).toBe(401);
    const idle = await newPerson(t);
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${idle.userId}`.execute(t.database.db);
    expect((await idle.get('/api/me')).status).toBe(401);
  });
});
