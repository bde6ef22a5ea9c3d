import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { pauseSettingsSchema, pauseStateSchema } from '@twofold/core/communication/pause.schemas';
import { api } from '../../../lib/api-client';

export type PauseState = z.infer<typeof pauseStateSchema>;

const pauseKey = ['communication', 'pause'] as const;

/**
 * The difference between the server's clock and this phone's, from an answer's `serverNow`, so
 * both phones count down the same turn or pause even when one phone's clock is off.
 */
export function clockOffsetMs(serverNow: string, receivedAt: number = Date.now()): number {
  return Date.parse(serverNow) - receivedAt;
}

/** Seconds left until `endsAt`, on the server's clock (never below 0). */
export function secondsLeft(endsAt: string, offsetMs: number, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - (now + offsetMs)) / 1000));
}

/** "m:ss" for a countdown. */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A ticking count of seconds left until `endsAt` (server clock), or null without an end. */
export function useCountdown(endsAt: string | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) {
      return undefined;
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  return endsAt ? secondsLeft(endsAt, offsetMs, now) : null;
}

/** Keeps the server clock offset of the latest answer that carried one. */
export function withOffset<T extends { serverNow: string }>(answer: T): T & { offsetMs: number } {
  return { ...answer, offsetMs: clockOffsetMs(answer.serverNow) };
}

// The conflict pause ----------------------------------------------------------------------

export function usePause(enabled = true) {
  return useQuery({
    queryKey: pauseKey,
    queryFn: async () => withOffset(await api.get<PauseState>('/api/couple/pause')),
    enabled,
    // A pause's end comes from the clock, not from an event: look again now and then while one runs.
    refetchInterval: (query) => (query.state.data?.pause?.status === 'active' ? 30_000 : false),
  });
}

function useSetPause() {
  const queryClient = useQueryClient();
  return (state: PauseState) => queryClient.setQueryData(pauseKey, withOffset(state));
}

export function useCallPause() {
  const setPause = useSetPause();
  return useMutation({ mutationFn: () => api.post<PauseState>('/api/couple/pause'), onSuccess: setPause });
}

export function useReadyToReturn() {
  const setPause = useSetPause();
  return useMutation({ mutationFn: () => api.post<PauseState>('/api/couple/pause/ready'), onSuccess: setPause });
}

export function useProposeCoolDown() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (coolDownMinutes: number) =>
      api.put<z.infer<typeof pauseSettingsSchema>>('/api/couple/pause-settings', { coolDownMinutes }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pauseKey }),
  });
}
