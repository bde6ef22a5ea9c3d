import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * LISTEN for one process, on either database. `onNotify` gets each notification's channel and
 * payload. `onResync` is called whenever notifications may have been missed (after the listening
 * connection was lost and came back): the caller then reads what changed from the tables.
 */
export interface Listener {
  stop(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(channel: string, payload: string): void;
  onResync(): void;
  log?: (message: string) => void;
}

/**
 * PostgreSQL: one dedicated connection (not from the pool, which would hand it back), LISTENing
 * on every channel. When it drops (a restart, a failover, a network cut), it reconnects with
 * backoff from 100 ms to 2 s and asks for a resync, so nothing sent meanwhile is lost.
 */
export async function listenOnPostgres(url: string, channels: string[], handlers: ListenHandlers): Promise<Listener> {
  let client: pg.Client | null = null;
  let isStopped = false;
  let delayMs = 100;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => handlers.onNotify(message.channel, message.payload ?? ''));
    const lost = (error?: Error) => {
      if (client !== next || isStopped) {
        return;
      }
      client = null;
      handlers.log?.(`LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    client = next;
    await next.connect();
    for (const channel of channels) {
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    }
    delayMs = 100;
  };

  const scheduleReconnect = () => {
    if (isStopped || retry) {
      return;
    }
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => handlers.onResync(),
        (error: Error) => {
          handlers.log?.(`LISTEN reconnect failed: ${error.message}`);
          if (client) {
            const failed = client;
            client = null;
            void failed.end().catch(() => {});
          }
          delayMs = Math.min(delayMs * 2, 2_000);
          scheduleReconnect();
        },
      );
    }, delayMs);
  };

  await connect();
  return {
    async stop() {
      isStopped = true;
      if (retry) {
        clearTimeout(retry);
      }
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/** PGlite: its own in-process LISTEN; the database lives and dies with this process, so nothing is ever lost. */
export async function listenOnPglite(pglite: PGlite, channels: string[], handlers: ListenHandlers): Promise<Listener> {
  const stops: Array<() => Promise<void>> = [];
  for (const channel of channels) {
    stops.push(await pglite.listen(channel, (payload) => handlers.onNotify(channel, payload)));
  }
  return {
    async stop() {
      for (const stop of stops) {
        await stop().catch(() => {});
      }
    },
  };
}
