import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/platform/config';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../server/src/platform/db';
import { createCipher, generateKey, type Cipher } from '../../server/src/platform/crypto';
import { createCapturingMailer, type MailMessage } from '../../server/src/platform/mailer';

export interface RunningTwofold {
  url: string;
  outbox: MailMessage[];
  app: FastifyInstance;
  /** The app's database and cipher, for a journey that seeds data through the services (the demo). */
  database: DatabaseHandle;
  cipher: Cipher;
  stop(): Promise<void>;
}

/**
 * The real Twofold (built web app, real routes) on a random port with a fresh in-memory PGlite.
 * E-mails are captured so a journey can open the links a person would get. `env` adds settings
 * (e.g. REMINDERS_SWEEP_SECONDS for the reminder jobs).
 */
export async function startTwofold(env: Record<string, string> = {}): Promise<RunningTwofold> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), PUBLIC_URL: url, ...env });
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db);
  const mailer = createCapturingMailer();
  const cipher = createCipher(generateKey());
  const app = await buildApp({ config, database, cipher, mailer, logger: false });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    outbox: mailer.outbox,
    app,
    database,
    cipher,
    async stop() {
      await app.close();
      await database.close();
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The path and query of the newest link to `to` matching `pattern`, e.g. a sign-up confirmation. */
export function linkFor(outbox: MailMessage[], to: string, pattern: RegExp): string {
  const message = [...outbox].reverse().find((m) => m.to === to && pattern.test(m.text));
  const link = message?.text.match(/https?:\/\/\S+/g)?.find((candidate) => pattern.test(candidate));
  if (!link) {
    throw new Error(`No e-mail to ${to} with a link matching ${pattern}`);
  }
  const parsed = new URL(link);
  return `${parsed.pathname}${parsed.search}`;
}
