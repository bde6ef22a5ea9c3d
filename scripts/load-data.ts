import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Db } from '../server/src/platform/db';
import type { Cipher } from '../server/src/platform/crypto';
import { addDays, todayIn } from '../server/src/platform/local-date';
import { encryptionContext } from '../server/src/db/encrypted-columns';
import { seededRandom } from './demo-history';

/**
 * Bulk data for benchmarks and load tests: `couples` couples, both partners with `days` days of
 * daily check-ins ending today, written straight into the tables (the services would take hours
 * for 730,000 check-ins) but in exactly the shapes the services write, notes encrypted with the
 * row-bound context. Every partner shares check-ins and milestones with the other.
 * Accounts log in with `loadDataPassword`; e-mails are `load-<n>-<a|b>@load.twofold.test`.
 */
export const loadDataPassword = 'load test passphrase';
const timeZone = 'America/Chicago';

export interface LoadDataSummary {
  couples: number;
  people: number;
  checkins: number;
  firstEmail: string;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
  }
}

export async function generateLoadData(
  db: Db,
  cipher: Cipher,
  options: { couples: number; days: number; seed?: number },
): Promise<LoadDataSummary> {
  const random = seededRandom(options.seed ?? 7);
  const passwordHash = await argon2.hash(loadDataPassword, { type: argon2.argon2id });
  const today = todayIn(timeZone);
  const startDate = addDays(today, -(options.days - 1));
  let checkins = 0;

  for (let couple = 0; couple < options.couples; couple += 1) {
    const people = (['a', 'b'] as const).map((side) => ({
      id: randomUUID(),
      email: `load-${couple}-${side}@load.twofold.test`,
      displayName: `Load ${couple}${side}`,
    }));
    const coupleId = randomUUID();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values(people.map((p) => ({ ...p, passwordHash, locale: 'en', timeZone })))
        .execute();
      await tx.insertInto('couples').values({ id: coupleId, createdBy: people[0]!.id }).execute();
      await tx
        .insertInto('coupleMembers')
        .values(people.map((p) => ({ coupleId, userId: p.id })))
        .execute();
      await tx
        .insertInto('sharingSettings')
        .values(
          people.flatMap((p) =>
            (['checkins', 'milestones'] as const).map((kind) => ({
              ownerId: p.id,
              kind,
              audience: 'partner' as const,
              updatedAt: new Date(),
            })),
          ),
        )
        .execute();
      await tx
        .insertInto('intakes')
        .values(
          people.map((p, index) => ({
            ownerId: p.id,
            inRecovery: index === 0,
            substances: index === 0 ? ['alcohol'] : [],
            otherSubstanceCiphertext: cipher.encrypt('', encryptionContext('intakes', p.id, 'other_substance')),
            recoveryStartDate: index === 0 ? startDate : null,
            supportNoteCiphertext: cipher.encrypt('', encryptionContext('intakes', p.id, 'support_note')),
            updatedAt: new Date(),
          })),
        )
        .execute();
      const rows = people.flatMap((p, index) =>
        Array.from({ length: options.days }, (_, day) => {
          const date = addDays(startDate, day);
          const conflict = random() < 0.1 ? 'high' : random() < 0.25 ? 'some' : 'none';
          const used = index === 0 && random() < 0.02;
          return {
            ownerId: p.id,
            localDate: date,
            mood: 1 + Math.floor(random() * 5),
            craving: index === 0 ? Math.floor(random() * 8) : 0,
            used,
            substancesUsed: used ? ['alcohol'] : [],
            sleep: 1 + Math.floor(random() * 5),
            stress: 1 + Math.floor(random() * 5),
            closeness: 1 + Math.floor(random() * 5),
            conflict: conflict as 'high' | 'some' | 'none',
            triggerIds: [],
            noteCiphertext: cipher.encrypt('', encryptionContext('checkins', `${p.id}/${date}`, 'note')),
            isLate: false,
            writtenOn: date,
            updatedAt: new Date(),
          };
        }),
      );
      checkins += rows.length;
      await insertInBatches(rows, 1000, (batch) => tx.insertInto('checkins').values(batch).execute());
    });
  }
  return { couples: options.couples, people: options.couples * 2, checkins, firstEmail: 'load-0-a@load.twofold.test' };
}
