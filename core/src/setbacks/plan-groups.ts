/**
 * Mutual-help groups a person in the Continuing Recovery Plan attends or wants to try, each with
 * its own public meeting finder. Source: each fellowship's own public website (the meeting-search
 * page it publishes for newcomers; Twofold adds nothing to the address and sends nothing there — the
 * browser goes there only when the person taps the link). A fellowship may move its pages; the
 * link then still lands on its site. Add a group here, with its finder, to offer it in the plan.
 */
export interface MutualHelpGroup {
  id: string;
  name: string;
  /** Who the group is for: people in recovery, or family and friends of someone who uses. */
  audience: 'recovery' | 'family';
  /** The group's own public meeting finder. */
  finderUrl: string;
}

export const mutualHelpGroups = [
  { id: 'aa', name: 'Alcoholics Anonymous (AA)', audience: 'recovery', finderUrl: 'https://www.aa.org/find-aa' },
  { id: 'na', name: 'Narcotics Anonymous (NA)', audience: 'recovery', finderUrl: 'https://www.na.org/meetingsearch/' },
  { id: 'smart', name: 'SMART Recovery', audience: 'recovery', finderUrl: 'https://meetings.smartrecovery.org/meetings/' },
  { id: 'ca', name: 'Cocaine Anonymous (CA)', audience: 'recovery', finderUrl: 'https://ca.org/meetings/' },
  { id: 'ma', name: 'Marijuana Anonymous (MA)', audience: 'recovery', finderUrl: 'https://marijuana-anonymous.org/find-a-meeting/' },
  { id: 'lifering', name: 'LifeRing Secular Recovery', audience: 'recovery', finderUrl: 'https://lifering.org/meetings/' },
  { id: 'recovery-dharma', name: 'Recovery Dharma', audience: 'recovery', finderUrl: 'https://recoverydharma.org/meetings/' },
  { id: 'al-anon', name: 'Al-Anon Family Groups', audience: 'family', finderUrl: 'https://al-anon.org/al-anon-meetings/' },
  { id: 'nar-anon', name: 'Nar-Anon Family Groups', audience: 'family', finderUrl: 'https://www.nar-anon.org/find-a-meeting' },
  {
    id: 'smart-family',
    name: 'SMART Recovery Family & Friends',
    audience: 'family',
    finderUrl: 'https://meetings.smartrecovery.org/meetings/',
  },
] as const satisfies readonly MutualHelpGroup[];

/** The ids a plan may name; `other` is a group the couple names themselves (no link). */
export const mutualHelpGroupIds = [
  'aa',
  'na',
  'smart',
  'ca',
  'ma',
  'lifering',
  'recovery-dharma',
  'al-anon',
  'nar-anon',
  'smart-family',
  'other',
] as const satisfies ReadonlyArray<(typeof mutualHelpGroups)[number]['id'] | 'other'>;
export type MutualHelpGroupId = (typeof mutualHelpGroupIds)[number];

/** The listed group with this id, or undefined for `other`. */
export function findMutualHelpGroup(id: MutualHelpGroupId): MutualHelpGroup | undefined {
  return mutualHelpGroups.find((group) => group.id === id);
}
