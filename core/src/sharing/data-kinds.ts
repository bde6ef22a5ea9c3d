/**
 * The registry of kinds of data a partner owns. Each kind has its own sharing setting; a kind
 * that is not registered here cannot be shared with anyone. Later capabilities add their kinds
 * here (check-ins, triggers, assessments …) and the sharing settings page, the authorization
 * module and the audit trail pick them up without further changes.
 */
/** Who a partner shares one kind of data with. The default for every kind is `private`. */
export const audiences = ['private', 'partner', 'care-team', 'both'] as const;
export type Audience = (typeof audiences)[number];
export const defaultAudience: Audience = 'private';

const anyone = audiences;

export const dataKinds = [
  { id: 'support-preferences', audiences: anyone },
  { id: 'intake', audiences: anyone },
  { id: 'relationship-reflection', audiences: anyone },
  { id: 'checkins', audiences: anyone },
  { id: 'milestones', audiences: anyone },
  { id: 'triggers', audiences: anyone },
  { id: 'coping', audiences: anyone },
  { id: 'goals', audiences: anyone },
  // Assessment results, per instrument family (core/src/assessments). The relationship-safety
  // screen is not a kind at all: it can never be shared with anyone.
  { id: 'assessments-mood-anxiety', audiences: anyone },
  { id: 'assessments-substance-use', audiences: anyone },
  { id: 'assessments-attachment', audiences: anyone },
  { id: 'assessments-relationship', audiences: anyone },
  // The couple's joint work (Recovery Contract, Trust Discussion calendar, commitments, told
  // appreciations, boundaries, shared goals and activities). Both partners always see it; it reaches
  // the care team only when BOTH partners choose 'care-team' here (server/src/access/together.ts).
  { id: 'together', audiences: ['private', 'care-team'] },
  // My check-in ratings (mood, craving, stress, closeness, conflict: never notes, use or triggers)
  // in our couple's insights, and my insights themselves (server/src/access/insights.ts).
  { id: 'insights', audiences: anyone },
  // Never shared as a whole: its owner may share single entries with the care team.
  { id: 'journal', audiences: ['private'], entriesShareableWithCareTeam: true },
  // Lapse reports (issue 7): never shared as a whole; its owner tells single reports to the
  // partner and/or the care team, and can take that back (server/src/access/access.ts, readToldEntries).
  { id: 'lapses', audiences: ['private'], entriesTold: true },
] as const satisfies ReadonlyArray<{
  id: string;
  audiences: readonly Audience[];
  entriesShareableWithCareTeam?: boolean;
  entriesTold?: boolean;
}>;

export type DataKind = (typeof dataKinds)[number]['id'];
export const dataKindIds = dataKinds.map((kind) => kind.id) as [DataKind, ...DataKind[]];

/** Kinds whose owner may share single entries with the care team, while the kind stays private. */
export function hasEntrySharing(kind: DataKind): boolean {
  return dataKinds.some((entry) => entry.id === kind && 'entriesShareableWithCareTeam' in entry && entry.entriesShareableWithCareTeam);
}

/** Kinds whose owner tells single entries to the partner and/or the care team, while the kind stays private. */
export function hasToldEntries(kind: DataKind): boolean {
  return dataKinds.some((entry) => entry.id === kind && 'entriesTold' in entry && entry.entriesTold);
}

export function allowedAudiences(kind: DataKind): readonly Audience[] {
  return dataKinds.find((entry) => entry.id === kind)?.audiences ?? ['private'];
}

export function includesPartner(audience: Audience): boolean {
  return audience === 'partner' || audience === 'both';
}

export function includesCareTeam(audience: Audience): boolean {
  return audience === 'care-team' || audience === 'both';
}
