import { useEffect } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { coupleEventMessageSchema } from '@twofold/core/couples/couple-events.schemas';
import { onUnauthenticated } from '../../../lib/api-client';

/**
 * The react-query keys each couple event makes stale, by the event type's first word
 * ('contract.signed' → 'contract'). Events carry ids only: the screens refetch through REST.
 * The keys are the ones the together and communication features use (features do not import
 * each other, so they are spelled out here; use-couple-events.test.ts checks them).
 */
const keysByTopic: Record<string, QueryKey[]> = {
  contract: [
    ['together', 'contract'],
    ['together', 'trust'],
    ['together', 'celebrations'],
  ],
  trust: [
    ['together', 'trust'],
    ['together', 'celebrations'],
  ],
  commitment: [['together', 'commitments']],
  appreciation: [['together', 'appreciations']],
  boundary: [['together', 'boundaries']],
  goal: [
    ['together', 'goals'],
    ['together', 'celebrations'],
  ],
  activity: [['together', 'activities']],
  celebration: [['together']],
  pause: [['communication', 'pause']],
  exercise: [
    ['communication', 'exercise'],
    ['communication', 'exercises'],
  ],
  connection: [['communication', 'connection']],
  plan: [['setbacks', 'plan']],
  // A lapse report told or taken back, a note from a partner who is struggling (ids only).
  lapse: [['setbacks', 'partner-lapses']],
  struggling: [['setbacks', 'struggling-notes']],
  // Someone joined or left: everything about the couple may have changed.
  couple: [['couple'], ['together'], ['communication'], ['setbacks', 'plan']],
};

/** The queries an event of this type makes stale; an unknown type refreshes the whole shared space. */
export function queryKeysForEvent(type: string): QueryKey[] {
  const topic = type.split('.')[0] ?? '';
  return keysByTopic[topic] ?? [['together'], ['communication']];
}

/** After the stream gave up (a 401/409 answer, the server restarting), try again this much later. */
export const reopenDelayMs = 5_000;

/**
 * While a couple page is open: one EventSource on GET /api/couple/events. Each event invalidates
 * the queries it concerns, so what the other partner just did shows within a second. The browser
 * reconnects by itself with Last-Event-ID after a drop; when the stream was closed for good (an
 * error answer) it is opened again later from the last id seen. It closes when the page closes,
 * on log-out (the page unmounts) and when the session ends (any 401).
 */
export function useCoupleEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const open = () => {
      const url = lastEventId ? `/api/couple/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/couple/events';
      const current = new EventSource(url, { withCredentials: true });
      source = current;
      current.onmessage = (message: MessageEvent<string>) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.data);
        } catch {
          return;
        }
        const event = coupleEventMessageSchema.safeParse(parsed);
        if (!event.success) {
          return;
        }
        lastEventId = event.data.id;
        for (const queryKey of queryKeysForEvent(event.data.type)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      };
      current.addEventListener('ready', (message) => {
        const id = (message as MessageEvent<string>).lastEventId;
        if (id) {
          lastEventId = id;
        }
      });
      current.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later.
        if (current.readyState === EventSource.CLOSED && !stopped && reopenTimer === null) {
          reopenTimer = setTimeout(() => {
            reopenTimer = null;
            if (!stopped) {
              // Whatever happened meanwhile was missed only if the replay cannot cover it: refetch once.
              void queryClient.invalidateQueries({ queryKey: ['together'] });
              void queryClient.invalidateQueries({ queryKey: ['communication'] });
              open();
            }
          }, reopenDelayMs);
        }
      };
    };

    const stop = () => {
      stopped = true;
      if (reopenTimer !== null) {
        clearTimeout(reopenTimer);
      }
      source?.close();
    };
    const unsubscribe = onUnauthenticated(stop);
    open();
    return () => {
      unsubscribe();
      stop();
    };
  }, [enabled, queryClient]);
}
