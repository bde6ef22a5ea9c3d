import { matchWarningSigns } from '@twofold/core/setbacks/warning-sign-watch';
import { watchDaysMax } from '@twofold/core/setbacks/warning-sign-watch';
import type { WarningSignWatchResult } from '@twofold/core/setbacks/struggling.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { addDays, clock, todayIn } from '../../platform/local-date';
import { findTimeZone } from '../intake/intake.service';
import { findCheckins } from '../checkins/checkins.service';
import { readMyPlanPart } from './plan.service';

/**
 * The warning-sign watch, for the actor alone: the warning signs of MY section of the plan that
 * carry a watch, matched against MY own check-ins of the last 15 days (core warning-sign-watch.ts
 * has the rules). Nothing here reads anyone else's data, and no other person can call it: it is a
 * /api/me route answering only about the caller.
 */
export async function findWarningSignMatches(db: Db, cipher: Cipher, actor: Actor): Promise<WarningSignWatchResult> {
  const timeZone = actor.timeZone ?? (await findTimeZone(db, actor.userId));
  const today = todayIn(timeZone, clock.now());
  const plan = await readMyPlanPart(db, cipher, actor.userId);
  const signs = (plan?.mySection?.warningSigns ?? []).map((sign, index) => ({ ...sign, id: String(index) }));
  if (!signs.some((sign) => sign.watch)) {
    return { today, matches: [] };
  }
  // One more day than the longest watch: a run may end yesterday while today has no check-in yet.
  const list = await findCheckins(db, cipher, actor, actor.userId, addDays(today, -watchDaysMax), today);
  return {
    today: list.today,
    matches: matchWarningSigns(list.today, list.checkins, signs).map((match) => {
      const sign = signs[Number(match.signId)]!;
      return {
        index: Number(match.signId),
        kind: sign.kind,
        text: sign.text,
        signal: match.signal,
        days: match.days,
        from: match.from,
        to: match.to,
      };
    }),
  };
}
