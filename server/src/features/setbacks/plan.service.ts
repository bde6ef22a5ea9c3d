import type { MyPlanPart } from '@twofold/core/setbacks/plan.schemas';
import type { DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';

/**
 * The person's OWN part of the Continuing Recovery Plan, for their own flows ("I'm struggling",
 * the lapse report's next steps): their section, and the shared lapse responses, supports and
 * groups of the plan in force (else of the newest draft). Never the partner's section.
 * Null when the person has no current partner, joint features are closed, or no plan exists.
 * Only for a service acting for `personId` themselves.
 */
export async function readMyPlanPart(db: DbOrTx, cipher: Cipher, personId: string): Promise<MyPlanPart | null> {
  // Issue 7: filled in by the plan tables (migration 0012) in the next commit; the signature is final.
  void db;
  void cipher;
  void personId;
  return Promise.resolve(null);
}
