import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app';
import { newOpenCouple } from './together-helpers';
import { listeningUrl, SseClient } from './sse-client';

/**
 * PostgreSQL drops every connection of the running app (pg_terminate_backend, as a restart or a
 * failover does): the same app, not restarted, answers 503 problem+json or 200 meanwhile, never
 * 500 and never crashes, serves again at once, and its LISTEN connection comes back, so live
 * events flow again. The whole `pg_ctl stop -m immediate` cycle is in `npm run test:durability`
 * (server/test/durability/pg-stop-harness.ts); this is its quick form in npm test.
 * PostgreSQL project only: PGlite lives inside the process and has no connections to lose.
 */
let t: TestApp;
let couple: Awaited<ReturnType<typeof newOpenCouple>>;
beforeAll(async () => {
  t = await buildTestApp();
  couple = await newOpenCouple(t);
});
afterAll(async () => {
  await t.close();
});

async function dropEveryConnection(): Promise<number> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
  const admin = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await admin.connect();
  try {
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [rows[0]!.name],
    );
    return killed.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL drops every connection of the app', () => {
  it('is served again by the same app without a restart, and live events flow again', async () => {
    const url = await listeningUrl(t.app);
    const opened = await SseClient.open(url, couple.b.cookieHeader());
    expect(opened.status).toBe(200);
    const stream = opened.client!;
    try {
      await stream.next((m) => m.event === 'ready');
      // The pool's connections and the LISTEN connection.
      expect(await dropEveryConnection()).toBeGreaterThanOrEqual(2);

      const statuses: number[] = [];
      for (let i = 0; i < 100; i += 1) {
        const answer = await couple.a.get('/api/me');
        statuses.push(answer.status);
        if (answer.status === 200) {
          break;
        }
        expect(answer.status).toBe(503);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.body).toMatchObject({ code: 'service-busy', status: 503 });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(statuses.at(-1)).toBe(200);

      const made = await couple.a.post('/api/couple/commitments', { text: 'I will call my sponsor', dueDate: '2026-12-31' });
      expect(made.status).toBe(201);
      // Reaches B's stream only through NOTIFY: the LISTEN connection reconnected and listens again.
      const event = await stream.event('commitment.updated', 10_000);
      expect(event.data).toEqual({ commitmentId: made.body.id });
    } finally {
      stream.close();
    }
  });
});
