import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { startServer } from '../../../bench/lib/server-process';
import type { HttpClient } from '../../../bench/lib/http-client';
import { signUpPerson } from '../../../bench/lib/http-client';
import { freshPostgresDatabase, removeDir } from '../../../bench/lib/seed';

/**
 * kill -9 durability: the real server (`node --import tsx server/src/main.ts`) as a child process
 * on a data folder of its own, concurrent writes that each get a 2xx answer, SIGKILL at a random
 * moment, a restart on the same data with nothing repaired by hand, and a read-back through the
 * API, as each owner, of every write that was answered 2xx. Repeated for `cycles` cycles.
 *
 * Writes: sign-up + confirm (an account and its session), couple creation, support preferences
 * (PUT /api/me/support-preferences, distinct contents every time) and the sharing setting of
 * that kind (PUT /api/me/sharing/support-preferences). A write that got no answer before the
 * kill may or may not have landed; either is correct, so it is accepted as well but never
 * required.
 */
export interface DurabilityOptions {
  cycles: number;
  dialect: 'pglite' | 'postgres';
  /** PostgreSQL only: an admin URL to create (and drop) the run's database through. */
  adminUrl?: string;
  /** Concurrent writer loops. */
  writers?: number;
  /** The kill comes at a random moment between these (ms after the writes begin). */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
}

export interface DurabilityReport {
  dialect: 'pglite' | 'postgres';
  cycles: number;
  acknowledgedWrites: number;
  checks: number;
  lost: string[];
  startsMs: number[];
  staleLocksFound: number;
  unansweredWrites: number;
  /** Requests that failed while the server was up: a bug, not a crash effect. */
  errors: string[];
}

interface Person {
  client: HttpClient;
  email: string;
  userId: string;
  coupleId: string | null;
  /** A create-couple request got no answer: the person may or may not be in a couple now. */
  coupleUnknown: boolean;
  preferences: { acked: string | null; pending: string[] };
  audience: { acked: string | null; pending: string[] };
  busy: boolean;
}

const audiences = ['private', 'partner', 'care-team', 'both'] as const;

export async function runKill9Durability(options: DurabilityOptions): Promise<DurabilityReport> {
  const { cycles, dialect, writers = 4, killAfterMs = [500, 2500] } = options;
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-kill9-'));
  const database = dialect === 'postgres' ? await freshPostgresDatabase(requireUrl(options.adminUrl), 'twofold_kill9') : null;
  const env = {
    TWOFOLD_DATA_DIR: dataDir,
    DATABASE_URL: database?.url,
    LOG_LEVEL: 'info', // the sign-up link is read from the log (SMTP_URL unset)
    SMTP_URL: undefined,
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
  };
  const people: Person[] = [];
  const report: DurabilityReport = {
    dialect,
    cycles,
    acknowledgedWrites: 0,
    checks: 0,
    lost: [],
    startsMs: [],
    staleLocksFound: 0,
    unansweredWrites: 0,
    errors: [],
  };
  let sequence = 0;

  try {
    for (let cycle = 1; cycle <= cycles + 1; cycle += 1) {
      const isLast = cycle === cycles + 1;
      // Straight after the kill: PGlite's postmaster.pid and our owner file are still there.
      if (dialect === 'pglite' && existsSync(join(dataDir, 'pglite', 'postmaster.pid'))) {
        report.staleLocksFound += 1;
      }
      const server = await startServer({ env });
      report.startsMs.push(Math.round(server.startMs));
      for (const person of people) {
        person.client = person.client.moveTo(server.url);
      }
      await verifyAll(people, report);
      log(`cycle ${cycle}: up in ${Math.round(server.startMs)} ms, ${people.length} people verified, ${report.lost.length} lost so far`);
      if (isLast) {
        await server.stop();
        break;
      }

      let running = true;
      // After the kill a request fails for want of a server; before it, that is a bug.
      const noteFailure = (error: unknown) => {
        if (running) {
          report.errors.push(String(error));
        } else {
          report.unansweredWrites += 1;
        }
      };
      const signUpLoop = async (): Promise<void> => {
        while (running) {
          const email = `p${++sequence}-${randomBytes(3).toString('hex')}@example.org`;
          let client: HttpClient;
          try {
            client = await signUpPerson(server.url, server, email, `Person ${sequence}`);
          } catch (error) {
            noteFailure(error);
            return;
          }
          const person: Person = {
            client,
            email,
            userId: client.userId!,
            coupleId: null,
            coupleUnknown: false,
            preferences: { acked: null, pending: [] },
            audience: { acked: null, pending: [] },
            busy: true,
          };
          people.push(person);
          report.acknowledgedWrites += 1;
          try {
            const couple = await client.post('/api/couple');
            if (couple.status === 201) {
              person.coupleId = couple.body.id;
              report.acknowledgedWrites += 1;
            } else {
              throw new Error(`POST /api/couple answered ${couple.status}`);
            }
          } catch (error) {
            person.coupleUnknown = true;
            noteFailure(error);
            return;
          } finally {
            person.busy = false;
          }
        }
      };

      const writeLoop = async (): Promise<void> => {
        while (running) {
          const idle = people.filter((person) => !person.busy);
          const person = idle[randomInt(idle.length || 1)];
          if (!person) {
            await sleep(20);
            continue;
          }
          person.busy = true;
          try {
            if (randomInt(4) === 0) {
              const audience = audiences[randomInt(audiences.length)]!;
              person.audience.pending.push(audience);
              const answer = await person.client.put('/api/me/sharing/support-preferences', { audience });
              if (answer.status !== 200) {
                throw new Error(`PUT sharing answered ${answer.status}`);
              }
              person.audience = { acked: audience, pending: [] };
            } else {
              const content = `helps #${++sequence} ${randomBytes(6).toString('hex')}`;
              person.preferences.pending.push(content);
              const answer = await person.client.put('/api/me/support-preferences', { helps: content, doesNotHelp: `not ${content}` });
              if (answer.status !== 200) {
                throw new Error(`PUT support-preferences answered ${answer.status}`);
              }
              person.preferences = { acked: content, pending: [] };
            }
            report.acknowledgedWrites += 1;
          } catch (error) {
            noteFailure(error);
            return;
          } finally {
            person.busy = false;
          }
        }
      };

      const loops = [signUpLoop(), ...Array.from({ length: writers }, () => writeLoop())];
      await sleep(randomInt(killAfterMs[0], killAfterMs[1]));
      running = false;
      await server.kill();
      await Promise.allSettled(loops);
    }
  } finally {
    await database?.drop();
    removeDir(dataDir);
  }
  return report;
}

/** Reads back, as its owner, everything each person was told had been saved. */
async function verifyAll(people: Person[], report: DurabilityReport): Promise<void> {
  for (const person of people) {
    const lose = (what: string) => report.lost.push(`${person.email}: ${what}`);
    const me = await person.client.get('/api/me');
    report.checks += 1;
    if (me.status !== 200 || me.body.user.id !== person.userId) {
      lose(`account or session gone (GET /api/me answered ${me.status})`);
      continue;
    }
    if (person.coupleId !== null) {
      report.checks += 1;
      if (me.body.coupleId !== person.coupleId) {
        lose(`couple ${person.coupleId} gone (now ${me.body.coupleId})`);
      }
    } else if (person.coupleUnknown && me.body.coupleId) {
      person.coupleId = me.body.coupleId; // the unanswered create did land: from now on it is required
    }
    const preferences = await person.client.get('/api/me/support-preferences');
    const stored = preferences.body.helps === '' ? null : preferences.body.helps;
    if (person.preferences.acked !== null || person.preferences.pending.length > 0) {
      report.checks += 1;
      const allowed = [person.preferences.acked, ...person.preferences.pending];
      if (
        preferences.status !== 200 ||
        !allowed.includes(stored) ||
        (stored !== null && preferences.body.doesNotHelp !== `not ${stored}`)
      ) {
        lose(`support preferences: expected ${JSON.stringify(allowed)}, read ${preferences.status} ${JSON.stringify(stored)}`);
      }
      person.preferences = { acked: stored, pending: [] };
    }
    if (person.audience.acked !== null || person.audience.pending.length > 0) {
      const sharing = await person.client.get('/api/me/sharing');
      const setting = (sharing.body.settings as Array<{ kind: string; audience: string; updatedAt: string | null }>).find(
        (s) => s.kind === 'support-preferences',
      );
      const read = setting?.updatedAt ? setting.audience : null;
      const allowed = [person.audience.acked, ...person.audience.pending];
      report.checks += 1;
      if (sharing.status !== 200 || !allowed.includes(read)) {
        lose(`sharing: expected ${JSON.stringify(allowed)}, read ${sharing.status} ${JSON.stringify(read)}`);
      }
      person.audience = { acked: read, pending: [] };
    }
  }
}

function requireUrl(url: string | undefined): string {
  if (!url) {
    throw new Error('The PostgreSQL run needs an admin URL (TEST_DATABASE_URL).');
  }
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
