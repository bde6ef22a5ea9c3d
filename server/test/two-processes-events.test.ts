import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../bench/lib/server-process';
import { signUpPerson, type HttpClient } from '../../bench/lib/http-client';
import { freshPostgresDatabase, removeDir } from '../../bench/lib/seed';
import { SseClient } from './sse-client';

/**
 * Issue 5: two server processes on one PostgreSQL behave as one. Each runs the real server
 * (`node --import tsx server/src/main.ts`, as `npm start`); an event raised through one reaches
 * a client whose stream is open on the other, through LISTEN/NOTIFY. PostgreSQL only: an embedded
 * database belongs to one process.
 */
describe('couple events across two server processes', () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const streams: SseClient[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase(process.env['TEST_DATABASE_URL']!, 'twofold_events');
    dataDir = mkdtempSync(join(tmpdir(), 'twofold-events-'));
    const env = {
      DATABASE_URL: database.url,
      TWOFOLD_DATA_DIR: dataDir,
      // One key for both: what one encrypts, the other reads.
      TWOFOLD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info', // the sign-up link is read from the log (SMTP_URL unset)
      SMTP_URL: undefined,
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      DATABASE_POOL_SIZE: '3',
    };
    // Both at once: the migrator's lock lets one migrate while the other waits.
    servers.push(...(await Promise.all([startServer({ env, timeoutMs: 30_000 }), startServer({ env, timeoutMs: 30_000 })])));
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) {
      stream.close();
    }
    await Promise.all(
      servers.map(async (server) => {
        const stopped = server.stop();
        const late = setTimeout(() => void server.kill(), 5_000);
        await stopped;
        clearTimeout(late);
      }),
    );
    await database?.drop();
    removeDir(dataDir);
  }, 30_000);

  async function connect(server: ServerProcess, person: HttpClient): Promise<SseClient> {
    const opened = await SseClient.open(server.url, person.cookieHeader());
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    streams.push(opened.client!);
    await opened.client!.next((m) => m.event === 'ready');
    return opened.client!;
  }

  it('delivers an event raised through process 1 to a stream open on process 2, and revokes there too', async () => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const tag = randomBytes(3).toString('hex');
    const a = await signUpPerson(one.url, one, `alex-${tag}@example.org`, 'Alex');
    const b = await signUpPerson(one.url, one, `blake-${tag}@example.org`, 'Blake');

    // A, alone in the couple space, waits on process 2; B joins through process 1.
    await a.post('/api/couple');
    const invite = await a.post('/api/couple/invites');
    const onTwo = await connect(two, a);
    const sentAt = Date.now();
    expect((await b.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect(await onTwo.event('couple.joined', 1_000)).toMatchObject({ actorId: b.userId });
    expect(Date.now() - sentAt).toBeLessThan(1_000);

    // B's stream on process 2 closes when B leaves through process 1; A is told.
    const bOnTwo = await connect(two, b);
    const bOnOne = await connect(one, b);
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    expect(await onTwo.event('couple.left', 1_000)).toMatchObject({ actorId: b.userId });
    expect(await bOnTwo.endsWithin(1_000)).toBe(true);
    expect(await bOnOne.endsWithin(1_000)).toBe(true);
    expect(bOnTwo.events).toEqual([]);
    expect(onTwo.events.map((event) => event.type)).toEqual(['couple.joined', 'couple.left']);
  });
});
