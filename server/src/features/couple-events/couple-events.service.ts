import type { Db } from '../../platform/db';
import type { Actor, SessionPolicy } from '../../platform/sessions';
import { CoupleEventHub, latestCoupleEventId, type EventStream, type HubPolicy } from '../../platform/events';
import { requireMembership } from '../../access/access';
import { jointFeaturesOpen } from '../../access/joint-features';
import { liveMemberSessions } from './couple-events.repository';

export interface StreamStart {
  coupleId: string;
  joinedAt: Date;
  /** The stream delivers events after this id. */
  cursor: bigint;
}

/**
 * Opening the couple's event stream: only a current member (anyone else: `not-in-couple`, like
 * every couple route). It starts after `lastEventId` when the client resumes (replaying what it
 * missed, never anything from before the person joined), else at the couple's newest event.
 */
export async function startCoupleStream(db: Db, actor: Actor, lastEventId: string | null): Promise<StreamStart> {
  const membership = await requireMembership(db, actor);
  const cursor = BigInt(lastEventId ?? (await latestCoupleEventId(db, membership.coupleId)));
  return { coupleId: membership.coupleId, joinedAt: membership.joinedAt, cursor };
}

/**
 * The hub of this process, with the rules it re-checks before every delivery: the stream's
 * session is live and its person still a member of the couple; joint-feature events only while
 * the couple's joint features are open (access/joint-features.ts).
 */
export function createCoupleEventHub(
  db: Db,
  options: { sessionPolicy: SessionPolicy; heartbeatMs?: number; log(message: string, error?: unknown): void },
): CoupleEventHub {
  const policy: HubPolicy = {
    async stillAllowed(database: Db, streams: EventStream[]) {
      const live = await liveMemberSessions(database, streams, options.sessionPolicy);
      return new Set(streams.filter((stream) => live.has(`${stream.sessionId} ${stream.coupleId}`)));
    },
    jointFeaturesOpen: (database: Db, coupleId: string) => jointFeaturesOpen(database, coupleId),
    maxStreamsPerUser: 8,
    heartbeatMs: options.heartbeatMs ?? 20_000,
    log: options.log,
  };
  return new CoupleEventHub(db, policy);
}
