/**
 * The registry of kinds of data a partner owns. Each kind has its own sharing setting; a kind
 * that is not registered here cannot be shared with anyone. Later capabilities add their kinds
 * here (check-ins, triggers, assessments …) and the sharing settings page, the authorization
 * module and the audit trail pick them up without further changes.
 */
export const dataKinds = [
  {
    id: 'support-preferences',
    /** Whether the care team may be offered this kind at all (some kinds stay between partners). */
    careTeamEligible: true,
    partnerEligible: true,
  },
] as const;

export type DataKind = (typeof dataKinds)[number]['id'];
export const dataKindIds = dataKinds.map((kind) => kind.id) as [DataKind, ...DataKind[]];

/** Who a partner shares one kind of data with. The default for every kind is `private`. */
export const audiences = ['private', 'partner', 'care-team', 'both'] as const;
export type Audience = (typeof audiences)[number];
export const defaultAudience: Audience = 'private';

export function includesPartner(audience: Audience): boolean {
  return audience === 'partner' || audience === 'both';
}

export function includesCareTeam(audience: Audience): boolean {
  return audience === 'care-team' || audience === 'both';
}
