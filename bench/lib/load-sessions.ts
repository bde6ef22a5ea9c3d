import { spawn } from 'node:child_process';
import { repoRoot } from './server-process';
import { HttpClient } from './http-client';

/**
 * Fills a database with `npm run generate-load-data` (scripts/load-data.ts: couples whose two
 * partners share check-ins with each other, `days` daily check-ins each, ending today in
 * America/Chicago), as a child process with the server's environment, so the encryption key in
 * TWOFOLD_DATA_DIR is the one the server will use.
 */
export async function generateLoadData(
  env: Record<string, string | undefined>,
  couples: number,
  days: number,
  extraArgs: string[] = [],
): Promise<number> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, LOG_LEVEL: 'warn' };
  for (const [key, value] of Object.entries(childEnv)) {
    if (value === undefined) {
      delete childEnv[key];
    }
  }
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-load-data.ts', '--couples', String(couples), '--days', String(days), ...extraArgs],
    {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`generate-load-data exited with ${code}:\n${output}`);
  }
  return performance.now() - started;
}

/** One logged-in load-data person, as a browser would hold them. */
export interface BenchSession {
  userId: string;
  partnerId: string;
  /** `twofold_session` and `twofold_csrf` cookies. */
  cookie: string;
  csrfToken: string;
}

/**
 * Logs `count` load-data people in through the real API (`POST /api/auth/login` with the CSRF
 * token, as the web app does): both partners of couples 0, 1, 2 …, four at a time (argon2).
 * Each gets their own session, CSRF secret and token, and learns their partner's id.
 */
export async function logInLoadPeople(baseUrl: string, count: number): Promise<BenchSession[]> {
  const sessions: BenchSession[] = new Array<BenchSession>(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const email = `load-${Math.floor(index / 2)}-${index % 2 === 0 ? 'a' : 'b'}@load.twofold.test`;
      const client = new HttpClient(baseUrl);
      const login = await client.post('/api/auth/login', { email, password: 'load test passphrase' });
      if (login.status !== 200) {
        throw new Error(`log-in of ${email} answered ${login.status}: ${JSON.stringify(login.body)}`);
      }
      const couple = await client.get<{ partners: Array<{ id: string }> }>('/api/couple');
      const userId: string = login.body.user.id;
      const partner = couple.body.partners.find((p) => p.id !== userId);
      if (couple.status !== 200 || !partner) {
        throw new Error(`${email} has no partner (${couple.status})`);
      }
      // The client fetched its CSRF token for the log-in; a fresh one is just as valid.
      const token = (await client.get<{ token: string }>('/api/csrf-token')).body.token;
      sessions[index] = { userId, partnerId: partner.id, cookie: client.cookieHeader(), csrfToken: token };
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return sessions;
}
