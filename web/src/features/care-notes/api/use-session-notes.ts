import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  SessionNote,
  SessionNoteInput,
  SessionNoteList,
  SharedSessionNote,
  sessionNoteVersionListSchema,
} from '@twofold/core/care-notes/session-note.schemas';
import type { CareSessionList } from '@twofold/core/care/session.schemas';
import { api } from '../../../lib/api-client';

const notesPath = (programId: string, coupleId: string) =>
  `/api/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}/notes`;
const key = (programId: string, coupleId: string) => ['program', programId, 'couple', coupleId, 'notes'];

/** A couple's session notes, for a clinician of their program. */
export function useSessionNotes(programId: string, coupleId: string) {
  return useQuery({ queryKey: key(programId, coupleId), queryFn: () => api.get<SessionNoteList>(notesPath(programId, coupleId)) });
}

export function useSessionNoteVersions(programId: string, coupleId: string, noteId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key(programId, coupleId), noteId, 'versions'],
    queryFn: () =>
      api.get<z.infer<typeof sessionNoteVersionListSchema>>(`${notesPath(programId, coupleId)}/${encodeURIComponent(noteId)}/versions`),
    enabled,
  });
}

type NoteAction =
  | { kind: 'write'; input: SessionNoteInput }
  | { kind: 'edit'; noteId: string; body: string; baseVersion: number }
  | { kind: 'sign'; noteId: string }
  | { kind: 'addendum'; noteId: string; body: string }
  | { kind: 'share'; noteId: string; shared: boolean };

/** Every change to a note: write, edit (a new version), sign, add an addendum, share with the couple. */
export function useSessionNoteAction(programId: string, coupleId: string) {
  const queryClient = useQueryClient();
  const base = notesPath(programId, coupleId);
  return useMutation({
    mutationFn: (action: NoteAction): Promise<SessionNote> => {
      switch (action.kind) {
        case 'write':
          return api.post<SessionNote>(base, action.input);
        case 'edit':
          return api.put<SessionNote>(`${base}/${encodeURIComponent(action.noteId)}`, {
            body: action.body,
            baseVersion: action.baseVersion,
          });
        case 'sign':
          return api.post<SessionNote>(`${base}/${encodeURIComponent(action.noteId)}/signature`);
        case 'addendum':
          return api.post<SessionNote>(`${base}/${encodeURIComponent(action.noteId)}/addenda`, { body: action.body });
        case 'share':
          return api.put<SessionNote>(`${base}/${encodeURIComponent(action.noteId)}/sharing`, { sharedWithCouple: action.shared });
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key(programId, coupleId) }),
  });
}

/** Joint notes the care team shared with my couple. */
export function useSharedSessionNotes() {
  return useQuery({
    queryKey: ['couple', 'session-notes'],
    queryFn: async () => (await api.get<{ notes: SharedSessionNote[] }>('/api/couple/session-notes')).notes,
  });
}

/** Where the progress report PDF is downloaded from (a plain GET: the session cookie is enough). */
export function progressReportUrl(programId: string, coupleId: string, range: { from: string; to: string; partnerId?: string }): string {
  const query = new URLSearchParams({ from: range.from, to: range.to, ...(range.partnerId ? { partnerId: range.partnerId } : {}) });
  return `/api/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}/report.pdf?${query.toString()}`;
}

/** The couple's care sessions (scheduled by the care team), to link a note to the session it records. */
export function useCoupleSessionsForNotes(programId: string, coupleId: string) {
  return useQuery({
    queryKey: ['program', programId, 'couple', coupleId, 'sessions'],
    queryFn: () =>
      api.get<CareSessionList>(`/api/programs/${encodeURIComponent(programId)}/couples/${encodeURIComponent(coupleId)}/sessions`),
  });
}
