import type { ContractVersion } from '@twofold/core/together/contract.schemas';
import { streakCelebrations } from '@twofold/core/together/streaks';
import type { CouplePeople } from './people';

export type SignState = 'unsigned' | 'signed-by-me' | 'signed-by-partner' | 'signed-by-both';

/** Who has signed this version, as this phone sees it. */
export function signState(version: Pick<ContractVersion, 'signatures'>, people: CouplePeople): SignState {
  const byMe = version.signatures.some((s) => s.partnerId === people.me.id);
  const byPartner = version.signatures.some((s) => s.partnerId === people.partner.id);
  return byMe && byPartner ? 'signed-by-both' : byMe ? 'signed-by-me' : byPartner ? 'signed-by-partner' : 'unsigned';
}

/** A version is in force, waiting for signatures (the newest, not yet signed by both), or replaced. */
export function versionStatus(
  version: Pick<ContractVersion, 'id'>,
  contract: { active: { id: string } | null; latest: { id: string } | null },
): 'in-force' | 'waiting' | 'replaced' {
  if (contract.active?.id === version.id) {
    return 'in-force';
  }
  return contract.latest?.id === version.id ? 'waiting' : 'replaced';
}

/** The streak milestone reached (7, 14, 30 … days), if any: celebrated on both phones. */
export function streakMilestone(current: number): number | null {
  const reached = streakCelebrations.filter((days) => days <= current);
  return reached.length > 0 ? reached[reached.length - 1]! : null;
}
