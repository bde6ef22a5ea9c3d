import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReminderSettings } from '@twofold/core/reminders/reminder.schemas';
import { startServer, type ServerProcess } from '../../bench/lib/server-process';
import { signUpPerson, type HttpClient } from '../../bench/lib/http-client';
import { freshPostgresDatabase, removeDir } from '../../bench/lib/seed';

/**
 * Issue 9: reminders are durable jobs in PostgreSQL. Two real server processes (`npm start`) on
 * one database, each running the reminder jobs every second: every due reminder is shown once
 * and e-mailed once (the e-mail is logged, SMTP_URL unset), whichever process takes it. Then both
 * stop, and a restarted process catches up by the documented rule: a reminder that came due while
 * nothing ran is shown if its kind allows the delay and dropped otherwise, and one due after the
 * restart fires once. PostgreSQL only: an embedded database belongs to one process.
 */
describe('reminders across two server processes and a restart', () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let sql: pg.Client;
  let env: Record<string, string | undefined>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase(process.env['TEST_DATABASE_URL']!, 'twofold_reminders');
    dataDir = mkdtempSync(join(tmpdir(), 'twofold-reminders-'));
    env = {
      DATABASE_URL: database.url,
      TWOFOLD_DATA_DIR: dataDir,
      TWOFOLD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info', // sign-up links and reminder e-mails are read from the log (SMTP_URL unset)
      SMTP_URL: undefined,
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      DATABASE_POOL_SIZE: '4',
      REMINDERS_SWEEP_SECONDS: '1',
    };
    servers.push(...(await Promise.all([startServer({ env, timeoutMs: 30_000 }), startServer({ env, timeoutMs: 30_000 })])));
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    await Promise.all(servers.map((server) => stop(server)));
    await database?.drop();
    removeDir(dataDir);
  }, 30_000);

  async function stop(server: ServerProcess) {
    const stopped = server.stop();
    const late = setTimeout(() => void server.kill(), 5_000);
    await stopped;
    clearTimeout(late);
  }

  const mailsTo = (email: string, among: ServerProcess[]) =>
    among.flatMap((server) => server.logs).filter((line) => line.includes(`to ${email}: A reminder from Twofold`)).length;

  async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Rows as the sweep plans them, due `minutesFromNow` (negative: in the past). */
  async function plan(personId: string, rows: Array<{ kind: string; key: string; minutesFromNow: number }>) {
    for (const row of rows) {
      await sql.query(
        `insert into reminders (person_id, kind, occurrence_key, local_date, due_at, planned_at, deliver_at, state)
         values ($1, $2, $3, current_date, now() + make_interval(mins => $4::int), now() + make_interval(mins => $4::int),
                 now() + make_interval(mins => $4::int), 'scheduled')`,
        [personId, row.kind, row.key, row.minutesFromNow],
      );
    }
  }
  const states = async (personId: string) =>
    Object.fromEntries(
      (
        await sql.query<{ occurrence_key: string; state: string }>('select occurrence_key, state from reminders where person_id = $1', [
          personId,
        ])
      ).rows.map((row) => [row.occurrence_key, row.state]),
    );

  let person: HttpClient;

  it('shows and e-mails each due reminder exactly once while two processes sweep', async () => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    person = await signUpPerson(one.url, one, `sam-${randomBytes(3).toString('hex')}@example.org`, 'Sam');
    const saved = await person.put('/api/me/reminder-settings', {
      ...defaultReminderSettings,
      // Times far from now, so the real clock plans nothing during the test; the rows below are due.
      checkIn: { enabled: true, time: '12:00' },
      medication: { enabled: true, times: ['12:05'] },
      assessmentDue: { enabled: true, time: '12:10' },
      channels: { inApp: true, email: true, push: false },
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
    });
    expect(saved.status).toBe(200);
    const due = Array.from({ length: 30 }, (_, index) => ({ kind: 'medication', key: `medication race ${index}`, minutesFromNow: 0 }));
    await plan(person.userId!, due);
    await until(() => mailsTo(person.email!, servers) >= 30, 20_000);
    // A few more sweeps by both processes change nothing.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mailsTo(person.email!, servers)).toBe(30);
    const listed = await person.moveTo(two.url).get('/api/me/reminders');
    expect(listed.body.reminders).toHaveLength(30);
    expect(Object.values(await states(person.userId!)).every((state) => state === 'shown')).toBe(true);
  }, 60_000);

  it('after both stop, a restarted process fires what is due once and catches up by the rule', async () => {
    await Promise.all(servers.splice(0).map((server) => stop(server)));
    // While nothing runs: a check-in and a due questionnaire that came due 5 hours ago, and a
    // medication reminder due a few seconds after the restart.
    await plan(person.userId!, [
      { kind: 'check-in', key: 'check-in missed', minutesFromNow: -300 },
      { kind: 'assessment-due', key: 'assessment-due missed', minutesFromNow: -300 },
      { kind: 'medication', key: 'medication after restart', minutesFromNow: 0 },
    ]);
    await sql.query(
      `update reminders set due_at = now() + interval '8 seconds', planned_at = now() + interval '8 seconds', deliver_at = now() + interval '8 seconds' where occurrence_key = 'medication after restart'`,
    );
    const again = await startServer({ env, timeoutMs: 30_000 });
    servers.push(again);
    await until(async () => (await states(person.userId!))['medication after restart'] === 'shown', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await states(person.userId!);
    // A check-in 5 hours late is more than its 3 hours: dropped. A questionnaire may be a day late: shown.
    expect(after['check-in missed']).toBe('dropped');
    expect(after['assessment-due missed']).toBe('shown');
    expect(after['medication after restart']).toBe('shown');
    expect(mailsTo(person.email!, [again])).toBe(2);
  }, 90_000);
});
