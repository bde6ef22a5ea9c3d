import { z } from 'zod';
import { noControlCharacters } from '../auth/auth.schemas';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * Sessions with the care team (issue 8): a clinician of the program schedules joint sessions (both
 * partners) and individual sessions (one partner) for an enrolled couple. A session has no title:
 * it shows as "Joint session" or "Individual session", so nothing clinical appears on a screen,
 * a lock screen or a calendar. Each person sees times in their own time zone.
 */

export const sessionFormats = ['joint', 'individual'] as const;
export type SessionFormat = (typeof sessionFormats)[number];

/** Attendance as the clinician records it, per partner. */
export const attendanceValues = ['attended', 'late', 'missed', 'cancelled-late'] as const;
export type Attendance = (typeof attendanceValues)[number];

export const sessionDurations = [30, 45, 50, 60, 75, 90, 120] as const;

const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time, HH:MM.')
  .describe('A time of day, HH:MM (24-hour).');

export const sessionStartSchema = z
  .strictObject({
    date: localDateSchema,
    time: localTime,
  })
  .describe(
    "When the session starts, on the clock of the clinician scheduling it (their profile's time zone). A time skipped by a daylight-saving change moves forward.",
  );

const place = z
  .string()
  .trim()
  .min(2)
  .max(200)
  .regex(noControlCharacters, { message: 'Use letters, numbers, spaces and punctuation only.' })
  .describe('Where, e.g. "Riverside clinic, room 3". Shown to the participants in the app, never in a calendar feed.');
const videoUrl = z
  .url({ protocol: /^https$/ })
  .max(500)
  .describe('A video-call link (https). Shown to the participants in the app, never in a calendar feed.');
const durationMinutes = z.number().int().min(15).max(240).describe('Length in minutes.');

export const scheduleSessionInputSchema = z
  .strictObject({
    format: z.enum(sessionFormats).describe('joint: both partners; individual: one partner (partnerId).'),
    partnerId: z.uuid().nullable().default(null).describe('For an individual session: the partner it is with. Null for a joint session.'),
    start: sessionStartSchema,
    durationMinutes: durationMinutes.default(50),
    place: place.nullable().default(null),
    videoUrl: videoUrl.nullable().default(null),
  })
  .refine((input) => (input.format === 'individual') === (input.partnerId !== null), {
    message: 'An individual session is with one partner; a joint session with both.',
    path: ['partnerId'],
  })
  .refine((input) => input.place !== null || input.videoUrl !== null, { message: 'Give a place or a video link.', path: ['place'] });
export type ScheduleSessionInput = z.infer<typeof scheduleSessionInputSchema>;

export const rescheduleSessionInputSchema = z
  .strictObject({
    start: sessionStartSchema,
    durationMinutes,
    place: place.nullable(),
    videoUrl: videoUrl.nullable(),
  })
  .refine((input) => input.place !== null || input.videoUrl !== null, { message: 'Give a place or a video link.', path: ['place'] });
export type RescheduleSessionInput = z.infer<typeof rescheduleSessionInputSchema>;

export const attendanceInputSchema = z.strictObject({
  attendance: z
    .array(
      z.strictObject({
        personId: z.uuid(),
        attendance: z.enum(attendanceValues).nullable().describe('Null clears it.'),
      }),
    )
    .min(1)
    .max(2)
    .refine((entries) => new Set(entries.map((entry) => entry.personId)).size === entries.length, 'Each person once.')
    .describe('Attendance of each participant: attended, late, missed, or cancelled too late.'),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const careSessionSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  coupleId: z.uuid(),
  format: z.enum(sessionFormats),
  startsAt: z.iso.datetime().describe('The start, as an instant (UTC).'),
  endsAt: z.iso.datetime(),
  local: z
    .object({ date: localDateSchema, time: localTime, endTime: localTime, timeZone: z.string() })
    .describe("The start and end on the viewer's own clock (their profile's time zone)."),
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  clinician: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  participants: z
    .array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        attendance: z
          .enum(attendanceValues)
          .nullable()
          .describe("As recorded by the clinician. A partner sees only their own; the other partner's is always null for them."),
      }),
    )
    .describe('Who takes part: both partners for a joint session, one for an individual session.'),
  can: z.object({ reschedule: z.boolean(), cancel: z.boolean(), recordAttendance: z.boolean() }),
});
export type CareSession = z.infer<typeof careSessionSchema>;

export const careSessionListSchema = z.object({ sessions: z.array(careSessionSchema) });
export type CareSessionList = z.infer<typeof careSessionListSchema>;

export const coupleCareParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid() });
export const careSessionParamsSchema = z.strictObject({ programId: z.uuid(), sessionId: z.uuid() });

/** The secret calendar-feed address (.ics) of a person: their own sessions only, in neutral words. */
export const calendarFeedSchema = z.object({
  active: z.boolean().describe('Whether a feed address exists. The address itself is shown only once, when it is made.'),
  createdAt: z.iso.datetime().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const createdCalendarFeedSchema = z.object({
  url: z.url().describe('The secret address to subscribe to in a calendar app. Shown once; making a new one stops this one.'),
  createdAt: z.iso.datetime(),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;

export const calendarFeedTokenPattern = /^[A-Za-z0-9_-]{43}$/;
export const calendarFeedParamsSchema = z.strictObject({
  token: z.string().regex(calendarFeedTokenPattern, 'Not a feed address.'),
});

/** The one title an event carries in a calendar feed: no clinical word, no name. */
export const calendarEventTitle = 'Twofold session';
