import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * The real Twofold server as a child process (`node --import tsx server/src/main.ts`, what
 * `npm start` runs), for the benchmarks and the kill -9 durability harness. Its JSON log lines are
 * kept so a caller can pick the e-mailed sign-up link out of them (SMTP_URL unset: the mail is
 * logged at info level).
 */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Milliseconds from spawn until /api/health first answered 200. */
  startMs: number;
  /** Log lines printed so far (stdout and stderr). */
  logs: string[];
  /** Resolves with the first log line matching, waiting up to timeoutMs for it. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM and wait for the exit (the server closes its database cleanly). */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up of any kind, as after a crash or an OOM kill. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  env: Record<string, string | undefined>;
  port?: number;
  /** Give up waiting for the port after this long. */
  timeoutMs?: number;
  script?: string[];
  /** Echo the child's output to this process's stderr. */
  echo?: boolean;
  /** Extra flags for node itself (e.g. --cpu-prof when profiling). */
  nodeArgs?: string[];
  /** Where to run it: another checkout of the server (an A/B baseline), else this repository. */
  cwd?: string;
}

export async function startServer({
  env,
  port,
  timeoutMs = 60_000,
  script = ['server/src/main.ts'],
  echo = false,
  nodeArgs = [],
  cwd = repoRoot,
}: StartOptions): Promise<ServerProcess> {
  const chosenPort = port ?? (await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(chosenPort), ...env };
  for (const [key, value] of Object.entries(childEnv)) {
    if (value === undefined) {
      delete childEnv[key];
    }
  }
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...script], {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const listeners = new Set<(line: string) => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        if (echo) {
          process.stderr.write(`  [server] ${line}\n`);
        }
        for (const listener of listeners) {
          listener(line);
        }
      }
    });
  }
  const url = `http://127.0.0.1:${chosenPort}`;
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) {
      throw new Error(`The server exited before answering /api/health:\n${logs.slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /api/health within ${timeoutMs} ms:\n${logs.slice(-30).join('\n')}`);
    }
    try {
      const answer = await fetch(`${url}/api/health`);
      await answer.arrayBuffer();
      if (answer.status === 200) {
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startMs = performance.now() - spawnedAt;

  const waitForLog = (pattern: RegExp, waitMs = 10_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      for (const line of logs) {
        const match = line.match(pattern);
        if (match) {
          resolve(match);
          return;
        }
      }
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no log line matched ${pattern} within ${waitMs} ms`));
      }, waitMs);
      const listener = (line: string) => {
        const match = line.match(pattern);
        if (match) {
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(match);
        }
      };
      listeners.add(listener);
    });

  const signal = async (name: NodeJS.Signals) => {
    if (!hasExited) {
      child.kill(name);
    }
    await exited;
  };
  return { child, url, port: chosenPort, startMs, logs, waitForLog, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL'), exited };
}
