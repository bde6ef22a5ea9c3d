import { sql } from 'kysely';
import type { Db, DbOrTx } from './db';
import type { ListenHandlers, Listener } from './db-listen';

/**
 * The couple's live events: what one partner does appears on the other's open screen.
 *
 * A feature calls `publishCoupleEvent` inside the transaction that makes the change. The event
 * is stored in `couple_events` and announced with `pg_notify`, which PostgreSQL delivers only on
 * commit: a rolled-back change sends nothing. Every server process LISTENs on one connection
 * (`CoupleEventHub`); on a notification it reads the couple's new rows by id (so the payload's
 * size limit never matters, and order is the id order) and writes them to the open streams of
 * that couple in this process (GET /api/couple/events, features/couple-events). Two processes on
 * one database therefore behave as one.
 *
 * Events carry ids and small facts only (`{ type: 'contract.signed', data: { contractId } }`):
 * a client refetches through the REST routes, which authorize for themselves. Never put private
 * free text in an event: string values are limited to 64 characters to keep it that way.
 */
export interface CoupleEvent {
  type: string;
  actorId: string;
  data?: Record<string, string | number | boolean | null>;
}

/** What a stream delivers: the stored event with its id and time. */
export interface StoredCoupleEvent extends Required<CoupleEvent> {
  id: string;
  coupleId: string;
  at: string;
}

export const coupleEventsChannel = 'twofold_couple_events';
/** Announces that sessions of a user ended (log-out, log-out everywhere): payload the user id. */
export const sessionsEndedChannel = 'twofold_sessions_ended';

/**
 * Event types starting with `couple.` are about the membership itself (`couple.left`,
 * `couple.joined`) and reach the members whatever the joint-features gate says; every other type
 * belongs to a joint feature and flows only while the couple's joint features are open.
 */
export const membershipEventPrefix = 'couple.';

const eventType = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const maxDataKeys = 16;
const maxStringLength = 64;

function checkEvent(event: CoupleEvent): void {
  if (!eventType.test(event.type) || event.type.length > 64) {
    throw new Error(`publishCoupleEvent: bad event type ${JSON.stringify(event.type)} (e.g. 'contract.signed')`);
  }
  const entries = Object.entries(event.data ?? {});
  if (entries.length > maxDataKeys) {
    throw new Error(`publishCoupleEvent: at most ${maxDataKeys} data fields`);
  }
  for (const [key, value] of entries) {
    const isSmall =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= maxStringLength);
    if (!isSmall || key.length > maxStringLength) {
      throw new Error(`publishCoupleEvent: data.${key} must be an id or a small fact, never free text`);
    }
  }
}

/**
 * Call inside the transaction that makes the change: stored in couple_events and NOTIFYed on
 * commit; nothing is sent if it rolls back.
 *
 * Ids of one couple's events are in commit order: the statement takes a transaction-level lock
 * on the couple's event stream before the id is drawn, so a second writer of the same couple
 * waits for the first to commit. (Otherwise an event with a lower id could commit after a higher
 * one was delivered, and a client resuming after the higher id would never get it.) Call it as
 * the last statement of the transaction, so the lock is held only for the commit.
 */
export async function publishCoupleEvent(tx: DbOrTx, coupleId: string, event: CoupleEvent): Promise<void> {
  checkEvent(event);
  await sql`
    with stream_lock as (select pg_advisory_xact_lock(hashtext(${`couple-events:${coupleId}`})) as locked),
    stored as (
      insert into couple_events (couple_id, type, actor_id, data)
      select ${coupleId}::uuid, ${event.type}, ${event.actorId}::uuid, ${JSON.stringify(event.data ?? {})}::jsonb from stream_lock
      returning couple_id
    )
    select pg_notify(${coupleEventsChannel}, couple_id::text) from stored`.execute(tx);
}

/** How long events are kept for a resuming client (docs/OPERATIONS.md). */
export const eventRetentionDays = 7;

/** Deletes events older than `days`: a client away longer refetches everything anyway. */
export async function pruneCoupleEvents(db: DbOrTx, days = eventRetentionDays): Promise<number> {
  const result = await sql`delete from couple_events where created_at < now() - make_interval(days => ${days})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** The newest event id of a couple ('0' when none), where a stream without Last-Event-ID starts. */
export async function latestCoupleEventId(db: DbOrTx, coupleId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    select coalesce(max(id), 0)::text as id from couple_events where couple_id = ${coupleId}`.execute(db);
  return rows[0]?.id ?? '0';
}

/** One open event stream of one signed-in member, as the hub sees it. */
export interface EventStream {
  coupleId: string;
  userId: string;
  sessionId: string;
  /** Events created before this are never delivered (the member was not in the couple yet). */
  joinedAt: Date;
  /** The last event id this stream has (been given); it receives only events after it. */
  cursor: bigint;
  send(events: StoredCoupleEvent[]): void;
  /** Ends the stream (membership or session ended, server closing, too slow a client). */
  close(): void;
}

export interface HubPolicy {
  /** Of these streams, those whose session is live and whose person is still a member of the stream's couple. */
  stillAllowed(db: Db, streams: EventStream[]): Promise<Set<EventStream>>;
  /** Whether the couple's joint features are open (access/joint-features.ts). */
  jointFeaturesOpen(db: Db, coupleId: string): Promise<boolean>;
  /** Streams per user per process; opening one more closes that user's oldest. */
  maxStreamsPerUser: number;
  /** Comment line and session sweep interval. */
  heartbeatMs: number;
  log(message: string, error?: unknown): void;
}

type Listen = (channels: string[], handlers: ListenHandlers) => Promise<Listener>;

const fetchLimit = 1000;

/**
 * One per server process: the LISTEN connection and the open streams by couple. Notifications
 * mark a couple dirty; a flush (one at a time, batching every couple marked meanwhile) reads each
 * dirty couple's rows after its streams' lowest cursor in one query, re-checks before delivering
 * that each stream's session is live and its person still a member (and drops joint-feature
 * events while the gate is closed), then writes. A stream whose check fails is closed.
 */
export class CoupleEventHub {
  private readonly byCouple = new Map<string, Set<EventStream>>();
  private readonly byUser = new Map<string, EventStream[]>();
  private readonly dirty = new Set<string>();
  private isFlushing = false;
  private isScheduled = false;
  private retryDelayMs = 50;
  private listener: Listener | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private readonly heartbeatListeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly policy: HubPolicy,
  ) {}

  async start(listen: Listen): Promise<void> {
    this.listener = await listen([coupleEventsChannel, sessionsEndedChannel], {
      onNotify: (channel, payload) => {
        if (channel === coupleEventsChannel) {
          this.markDirty(payload);
        } else if (channel === sessionsEndedChannel) {
          void this.recheck(this.byUser.get(payload) ?? []);
        }
      },
      // Notifications may have been lost while the connection was down: read every couple.
      onResync: () => {
        for (const coupleId of this.byCouple.keys()) {
          this.markDirty(coupleId);
        }
        void this.recheck(this.allStreams());
      },
      log: (message) => this.policy.log(message),
    });
    this.heartbeat = setInterval(() => {
      for (const beat of this.heartbeatListeners) {
        beat();
      }
      // Sessions also end by idling out, which announces nothing: sweep every stream.
      void this.recheck(this.allStreams());
    }, this.policy.heartbeatMs);
    this.heartbeat.unref();
    // Events older than the retention go, hourly, from every process (a delete is harmless twice).
    const prune = () =>
      void pruneCoupleEvents(this.db, eventRetentionDays).catch((error: unknown) =>
        this.policy.log('couple events: pruning failed', error),
      );
    this.pruner = setInterval(prune, 60 * 60 * 1000);
    this.pruner.unref();
    prune();
  }

  /** Called by each stream for its heartbeat comment; returns the unsubscribe. */
  onHeartbeat(beat: () => void): () => void {
    this.heartbeatListeners.add(beat);
    return () => this.heartbeatListeners.delete(beat);
  }

  get streamCount(): number {
    let count = 0;
    for (const streams of this.byCouple.values()) {
      count += streams.size;
    }
    return count;
  }

  /** Adds a stream and delivers what it missed since its cursor (and then everything live). */
  add(stream: EventStream): void {
    const own = this.byUser.get(stream.userId) ?? [];
    while (own.length >= this.policy.maxStreamsPerUser) {
      own.shift()!.close();
    }
    own.push(stream);
    this.byUser.set(stream.userId, own);
    let streams = this.byCouple.get(stream.coupleId);
    if (!streams) {
      streams = new Set();
      this.byCouple.set(stream.coupleId, streams);
    }
    streams.add(stream);
    this.markDirty(stream.coupleId);
  }

  remove(stream: EventStream): void {
    const streams = this.byCouple.get(stream.coupleId);
    streams?.delete(stream);
    if (streams?.size === 0) {
      this.byCouple.delete(stream.coupleId);
    }
    const own = this.byUser.get(stream.userId)?.filter((other) => other !== stream) ?? [];
    if (own.length > 0) {
      this.byUser.set(stream.userId, own);
    } else {
      this.byUser.delete(stream.userId);
    }
  }

  /** Closes every stream and stops listening (the server is closing). */
  async stop(): Promise<void> {
    if (this.heartbeat) {
      clearInterval(this.heartbeat);
    }
    if (this.pruner) {
      clearInterval(this.pruner);
    }
    for (const stream of this.allStreams()) {
      stream.close();
    }
    await this.listener?.stop();
    this.listener = null;
  }

  private allStreams(): EventStream[] {
    return [...this.byCouple.values()].flatMap((streams) => [...streams]);
  }

  private markDirty(coupleId: string): void {
    if (!this.byCouple.has(coupleId)) {
      return;
    }
    this.dirty.add(coupleId);
    this.schedule();
  }

  private schedule(delayMs = 0): void {
    if (this.isFlushing || this.isScheduled || this.dirty.size === 0) {
      return;
    }
    this.isScheduled = true;
    const run = () => {
      this.isScheduled = false;
      void this.flush();
    };
    if (delayMs > 0) {
      setTimeout(run, delayMs).unref();
    } else {
      setImmediate(run);
    }
  }

  private async flush(): Promise<void> {
    this.isFlushing = true;
    const couples = [...this.dirty].filter((coupleId) => this.byCouple.has(coupleId));
    this.dirty.clear();
    let failed = false;
    try {
      for (let start = 0; start < couples.length; start += 500) {
        await this.deliver(couples.slice(start, start + 500));
      }
      this.retryDelayMs = 50;
    } catch (error) {
      // The database is away: try again later, nothing is lost (cursors did not move).
      failed = true;
      this.policy.log('couple events: delivery failed, retrying', error);
      for (const coupleId of couples) {
        this.dirty.add(coupleId);
      }
    } finally {
      this.isFlushing = false;
    }
    if (failed) {
      this.schedule(this.retryDelayMs);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5_000);
    } else {
      this.schedule();
    }
  }

  private async deliver(couples: string[]): Promise<void> {
    const after = couples.map((coupleId) => {
      let lowest: bigint | null = null;
      for (const stream of this.byCouple.get(coupleId) ?? []) {
        lowest = lowest === null || stream.cursor < lowest ? stream.cursor : lowest;
      }
      return (lowest ?? 0n).toString();
    });
    const { rows } = await sql<{ id: string; coupleId: string; type: string; actorId: string; data: StoredCoupleEvent['data']; at: Date }>`
      select e.id::text as id, e.couple_id, e.type, e.actor_id, e.data, e.created_at as at
      from unnest(${couples}::uuid[], ${after}::bigint[]) as w(couple_id, after_id)
      cross join lateral (
        select * from couple_events e
        where e.couple_id = w.couple_id and e.id > w.after_id
        order by e.id
        limit ${fetchLimit}
      ) e
      order by e.id`.execute(this.db);
    if (rows.length === 0) {
      return;
    }
    const eventsByCouple = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = eventsByCouple.get(row.coupleId) ?? [];
      list.push(row);
      eventsByCouple.set(row.coupleId, list);
    }
    const streams = [...eventsByCouple.keys()].flatMap((coupleId) => [...(this.byCouple.get(coupleId) ?? [])]);
    const needsGate = [...eventsByCouple].filter(([, events]) => events.some((event) => !event.type.startsWith(membershipEventPrefix)));
    const [allowed, gates] = await Promise.all([
      this.policy.stillAllowed(this.db, streams),
      Promise.all(needsGate.map(async ([coupleId]) => [coupleId, await this.policy.jointFeaturesOpen(this.db, coupleId)] as const)),
    ]);
    const isOpen = new Map(gates);
    for (const [coupleId, events] of eventsByCouple) {
      if (events.length === fetchLimit) {
        this.dirty.add(coupleId);
      }
      for (const stream of this.byCouple.get(coupleId) ?? []) {
        if (!allowed.has(stream)) {
          stream.close();
          continue;
        }
        const fresh = events.filter((event) => BigInt(event.id) > stream.cursor);
        if (fresh.length === 0) {
          continue;
        }
        stream.cursor = BigInt(fresh.at(-1)!.id);
        const visible = fresh.filter(
          (event) => event.at >= stream.joinedAt && (event.type.startsWith(membershipEventPrefix) || isOpen.get(coupleId) === true),
        );
        if (visible.length > 0) {
          stream.send(
            visible.map((event) => ({
              id: event.id,
              coupleId: event.coupleId,
              type: event.type,
              actorId: event.actorId,
              data: event.data,
              at: event.at.toISOString(),
            })),
          );
        }
      }
    }
  }

  /** Closes the streams among these whose session ended or whose person left the couple. */
  private async recheck(streams: EventStream[]): Promise<void> {
    if (streams.length === 0) {
      return;
    }
    try {
      for (let start = 0; start < streams.length; start += 1000) {
        const chunk = streams.slice(start, start + 1000);
        const allowed = await this.policy.stillAllowed(this.db, chunk);
        for (const stream of chunk) {
          if (!allowed.has(stream)) {
            stream.close();
          }
        }
      }
    } catch (error) {
      this.policy.log('couple events: session check failed', error);
    }
  }
}
