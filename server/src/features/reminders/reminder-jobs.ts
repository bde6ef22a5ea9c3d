import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle, Tx } from '../../platform/db';
import { clock } from '../../platform/local-date';
import { computeWeeklySummaries } from '../weekly-summaries/weekly-summaries.service';
import { deliverSend, sweepReminders, type SendContext, type SendJob } from './reminders.service';

/**
 * The durable jobs behind reminders, on pg-boss (ARCHITECTURE.md, "Reminders and jobs"). pg-boss
 * keeps its queues in the same database (schema `pgboss`), through our own connection: on
 * PostgreSQL the pool, on the embedded PGlite the one connection in turn with every other query.
 *
 * - `reminders-sweep`: every process offers one sweep job per interval; pg-boss keeps one per
 *   time slot (singleton key) and one process takes it. The sweep itself is also safe to run
 *   twice at once (row locks, unique occurrences).
 * - `reminders-send`: one job per channel and showing, inserted in the transaction that shows
 *   the reminder, so it exists if and only if the reminder was shown; retried with backoff.
 * - `weekly-summaries`: offered like the sweep (its own singleton key); writes the summaries due
 *   in each time zone (Monday 06:00 local) that are not written yet, with their "ready" notices
 *   (features/weekly-summaries). Nothing due: a few cheap statements.
 */
export interface ReminderJobs {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const sweepQueue = 'reminders-sweep';
const sendQueue = 'reminders-send';
const weeklyQueue = 'weekly-summaries';

export function createReminderJobs(options: {
  database: DatabaseHandle;
  sweepSeconds: number;
  send: SendContext;
  offeredInstruments: readonly string[];
  log: FastifyBaseLogger;
}): ReminderJobs {
  const { database, sweepSeconds, log } = options;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Its own cron is not used: the sweep interval may be shorter than a minute (tests, e2e).
    schedule: false,
    supervise: true,
  });
  boss.on('error', (error) => log.warn({ err: error }, 'reminder jobs: the job queue reported an error'));
  let timer: NodeJS.Timeout | undefined;

  const inTransaction = (tx: Tx) => ({
    executeSql: async (text: string, values?: unknown[]) => {
      const result = await tx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows };
    },
  });
  const enqueueSends = async (tx: Tx, sends: SendJob[]) => {
    await boss.insert(
      sends.map((data) => ({ name: sendQueue, data, retryLimit: 5, retryDelay: 30, retryBackoff: true })),
      { db: inTransaction(tx) },
    );
  };
  // Processes starting together may create the same queue at once: pg-boss's create_queue then
  // fails with a deadlock (40P01) or a duplicate (23505) in one of them. Look again and retry.
  const ensureQueue = async (name: string, policy: 'singleton' | 'standard') => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if ((await boss.getQueue(name)) === null) {
          await boss.createQueue(name, { name, policy });
        }
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
      }
    }
  };
  const offerSweep = () => {
    boss.send(sweepQueue, {}, { singletonKey: 'sweep', singletonSeconds: sweepSeconds, retryLimit: 0 }).catch((error: unknown) => {
      log.warn({ err: error }, 'reminder jobs: could not offer a sweep');
    });
    boss.send(weeklyQueue, {}, { singletonKey: 'weekly', singletonSeconds: sweepSeconds, retryLimit: 0 }).catch((error: unknown) => {
      log.warn({ err: error }, 'reminder jobs: could not offer the weekly summaries');
    });
  };

  return {
    async start() {
      await boss.start();
      await ensureQueue(sweepQueue, 'singleton');
      await ensureQueue(sendQueue, 'standard');
      await ensureQueue(weeklyQueue, 'singleton');
      const pollingIntervalSeconds = Math.max(0.5, Math.min(2, sweepSeconds / 2));
      await boss.work(sweepQueue, { pollingIntervalSeconds }, async () => {
        const result = await sweepReminders(database.db, clock.now(), { enqueueSends, offeredInstruments: options.offeredInstruments });
        if (result.shown + result.dropped > 0) {
          log.info({ reminders: result }, 'reminders swept');
        }
      });
      await boss.work(weeklyQueue, { pollingIntervalSeconds }, async () => {
        const result = await computeWeeklySummaries(database.db, clock.now());
        if (result.written > 0) {
          log.info({ weeklySummaries: result }, 'weekly summaries written');
        }
      });
      // One job per call (pg-boss's default batch of 1): a failed send is retried alone.
      await boss.work<SendJob>(sendQueue, { pollingIntervalSeconds }, async ([job]) => {
        if (job) {
          await deliverSend(database.db, options.send, job.data);
        }
      });
      offerSweep();
      timer = setInterval(offerSweep, sweepSeconds * 1000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
