import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type ServerProcess } from './server-process';
import { makeCouple, signUpPerson } from './http-client';

/**
 * Prepares a real Twofold database for a benchmark: starts the server once with info logging
 * (the sign-up e-mail is logged when SMTP_URL is unset), signs two people up through the
 * e-mailed links, makes them a couple, and stops it. The session of partner A is returned: the
 * benchmark then sends it as a real browser would.
 */
export async function seedCouple(env: Record<string, string | undefined>): Promise<{ cookie: string; seedServer: ServerProcess }> {
  const server = await startServer({ env: { ...env, LOG_LEVEL: 'info', RATE_LIMIT_AUTH_PER_MINUTE: '1000', SMTP_URL: undefined } });
  try {
    const tag = randomBytes(4).toString('hex');
    const a = await signUpPerson(server.url, server, `alex-${tag}@example.org`, 'Alex');
    const b = await signUpPerson(server.url, server, `blake-${tag}@example.org`, 'Blake');
    await makeCouple(a, b);
    const check = await a.get('/api/couple');
    if (check.status !== 200 || check.body.partners.length !== 2) {
      throw new Error(`the seeded couple does not read back: ${check.status}`);
    }
    const session = a.cookieHeader().match(/twofold_session=[^;]+/)?.[0];
    if (!session) {
      throw new Error('no session cookie after sign-up');
    }
    return { cookie: session, seedServer: server };
  } finally {
    await server.stop();
  }
}

/** A fresh PostgreSQL database for one run, dropped by `drop()`. */
export async function freshPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function isPostgresReachable(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
  rmSync(`${path}.pid`, { force: true });
}
