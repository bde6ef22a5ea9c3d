import { careTeamCalendarDays, type CareTeamJointWork } from '@twofold/core/together/care-team.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { readJointAsCareTeam } from '../../access/together';
import { findContractAndCalendarForCareTeam } from '../together-contract/together-contract.service';
import { commitmentListOf } from '../together-accountability/together-accountability.service';
import { boundaryListOf } from '../together-boundaries/together-boundaries.service';
import { activitiesOf, goalsOf } from '../together-future/together-future.service';

function withoutCan<T extends { can: unknown }>({ can: _can, ...rest }: T): Omit<T, 'can'> {
  return rest;
}

/**
 * A couple's joint work for a clinician of their program: contract status, the Trust Discussion
 * calendar and adherence, commitments with follow-through, boundaries, shared goals and
 * activities. Only when both partners share `together` with the care team, decided and audited
 * (one row per partner) by `readJointAsCareTeam`; otherwise `not-found`.
 */
export async function findJointWorkForCareTeam(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
): Promise<CareTeamJointWork> {
  return readJointAsCareTeam(db, actor, programId, coupleId, async (tx, access) => {
    const viewer = { userId: access.partnerIds[0] };
    const [contract, commitments, boundaries, goals, activities, people] = await Promise.all([
      findContractAndCalendarForCareTeam(tx, cipher, access, careTeamCalendarDays),
      commitmentListOf(tx, cipher, access, viewer),
      boundaryListOf(tx, cipher, access, viewer),
      goalsOf(tx, cipher, access, null),
      activitiesOf(tx, cipher, access, null),
      tx.selectFrom('users').select(['id', 'displayName']).where('id', 'in', access.partnerIds).execute(),
    ]);
    const { active, latest, trust } = contract;
    const counts = { done: 0, partly: 0, missed: 0, pending: 0 };
    for (const day of trust.days) {
      counts[day.status] += 1;
    }
    return {
      coupleId,
      programId,
      partners: access.partnerIds.map((id) => ({ id, displayName: people.find((person) => person.id === id)?.displayName ?? '' })),
      contract: {
        status: latest === null ? 'none' : active === null ? 'waiting' : active.id === latest.id ? 'in-force' : 'change-waiting',
        active: active ? withoutCan(active) : null,
        latest: latest ? withoutCan(latest) : null,
      },
      trustDiscussion: { ...trust, counts },
      commitments: { commitments: commitments.commitments.map(withoutCan), followThrough: commitments.followThrough },
      boundaries: boundaries.map(withoutCan),
      goals: goals.map(withoutCan),
      activities: activities.map(withoutCan),
    };
  });
}
