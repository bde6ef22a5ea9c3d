import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryKeysForEvent, reopenDelayMs, useCoupleEvents } from './use-couple-events';

/** A stand-in EventSource: tests push messages and errors into it. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (event: MessageEvent<string>) => void>();
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(message: { id: string; type: string }) {
    const data = JSON.stringify({ ...message, actorId: '11111111-1111-4111-8111-111111111111', data: {}, at: '2026-11-25T10:00:00.000Z' });
    this.onmessage?.(new MessageEvent('message', { data, lastEventId: message.id }));
  }
}

function setup(enabled = true) {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(({ on }) => useCoupleEvents(on), { wrapper, initialProps: { on: enabled } });
  return { hook, invalidate, invalidated: () => invalidate.mock.calls.map(([filters]) => filters?.queryKey) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('couple events', () => {
  it('invalidates the queries of each event type', async () => {
    const { invalidated } = setup();
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/couple/events');
    source.emit({ id: '7', type: 'pause.started' });
    expect(invalidated()).toEqual([['communication', 'pause']]);
    source.emit({ id: '8', type: 'contract.signed' });
    expect(invalidated()).toContainEqual(['together', 'contract']);
    expect(invalidated()).toContainEqual(['together', 'trust']);
  });

  it('maps every event the server sends to the keys the screens use', () => {
    expect(queryKeysForEvent('trust.recorded')).toContainEqual(['together', 'trust']);
    expect(queryKeysForEvent('commitment.updated')).toEqual([['together', 'commitments']]);
    expect(queryKeysForEvent('appreciation.told')).toEqual([['together', 'appreciations']]);
    expect(queryKeysForEvent('boundary.updated')).toEqual([['together', 'boundaries']]);
    expect(queryKeysForEvent('goal.updated')).toContainEqual(['together', 'goals']);
    expect(queryKeysForEvent('activity.updated')).toEqual([['together', 'activities']]);
    expect(queryKeysForEvent('exercise.updated')).toEqual([
      ['communication', 'exercise'],
      ['communication', 'exercises'],
    ]);
    expect(queryKeysForEvent('connection.answered')).toEqual([['communication', 'connection']]);
    expect(queryKeysForEvent('couple.left')).toContainEqual(['couple']);
    // Something new the web app does not know yet: refresh the whole shared space rather than miss it.
    expect(queryKeysForEvent('something.new')).toEqual([['together'], ['communication']]);
  });

  it('ignores what is not a couple event', () => {
    const { invalidate } = setup();
    const source = FakeEventSource.instances[0]!;
    source.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    source.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ hello: 'there' }) }));
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('opens nothing when disabled, and closes the stream when the page closes', () => {
    setup(false);
    expect(FakeEventSource.instances).toHaveLength(0);
    const { hook } = setup(true);
    const source = FakeEventSource.instances[0]!;
    hook.unmount();
    expect(source.closed).toBe(true);
  });

  it('after the server closed the stream, opens it again from the last event it saw', () => {
    vi.useFakeTimers();
    setup();
    const first = FakeEventSource.instances[0]!;
    first.emit({ id: '41', type: 'trust.recorded' });
    first.readyState = FakeEventSource.CLOSED;
    first.onerror?.();
    vi.advanceTimersByTime(reopenDelayMs);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.instances[1]!.url).toBe('/api/couple/events?lastEventId=41');
  });

  it('leaves reconnecting to the browser while it is still trying', () => {
    vi.useFakeTimers();
    setup();
    const first = FakeEventSource.instances[0]!;
    first.readyState = FakeEventSource.CONNECTING;
    first.onerror?.();
    vi.advanceTimersByTime(reopenDelayMs * 2);
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
