import { selectGuideExamples, type EnablingGuide, type GuideSignals } from '@twofold/core/together/enabling-guide';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { requireJointAccess } from '../../access/together';
import { findIntake, findReflection } from '../intake/intake.service';
import { findTriggerLog } from '../triggers/triggers.service';
import { findBoundaries } from '../together-boundaries/together-boundaries.service';

/** The partner's data of one kind when they share it with the viewer (audited by `readAs`), else null. */
async function ifShared<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') {
      return null;
    }
    throw error;
  }
}

/**
 * The supporting-vs-enabling guide for the actor, its examples chosen from the couple's own
 * situation types (core/src/together/enabling-guide.ts): the actor's own reflection, intake and
 * trigger log, both partners' boundaries, and of the partner only what they share with the actor
 * right now. Every read goes through the access rules (a partner's read is audited); nothing the
 * partner keeps private is read. Joint: both partners, while joint features are open.
 */
export async function findEnablingGuide(db: Db, cipher: Cipher, actor: Actor): Promise<EnablingGuide> {
  const access = await requireJointAccess(db, actor);
  const partnerId = access.partnerId;
  const [myReflection, myIntake, myTriggers, boundaries, partnerReflection, partnerIntake, partnerTriggers] = await Promise.all([
    findReflection(db, cipher, actor, actor.userId),
    findIntake(db, cipher, actor, actor.userId),
    findTriggerLog(db, cipher, actor, actor.userId),
    findBoundaries(db, cipher, actor),
    ifShared(() => findReflection(db, cipher, actor, partnerId)),
    ifShared(() => findIntake(db, cipher, actor, partnerId)),
    ifShared(() => findTriggerLog(db, cipher, actor, partnerId)),
  ]);
  const signals: GuideSignals = {
    myPatterns: myReflection.patterns,
    mySubstances: myIntake.inRecovery ? myIntake.substances : [],
    myTriggerTexts: myTriggers.flatMap((entry) => [entry.triggerLabel, entry.situation]),
    boundaryTexts: boundaries.map((boundary) => boundary.text),
    partnerPatterns: partnerReflection?.patterns ?? null,
    partnerSubstances: partnerIntake?.inRecovery ? partnerIntake.substances : [],
    partnerTriggerTexts: partnerTriggers?.flatMap((entry) => [entry.triggerLabel, entry.situation]) ?? [],
  };
  return { examples: selectGuideExamples(signals) };
}
