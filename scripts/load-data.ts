import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Db } from '../server/src/platform/db';
import type { Cipher } from '../server/src/platform/crypto';
import { addDays, todayIn } from '../server/src/platform/local-date';
import { encryptionContext } from '../server/src/db/encrypted-columns';
import { seededRandom } from './demo-history';
import { instruments } from '../core/src/assessments/instruments';
import { scoreAssessment } from '../core/src/assessments/scoring';

/**
 * Bulk data for benchmarks and load tests: `couples` couples, both partners with `days` days of
 * daily check-ins ending today, written straight into the tables (the services would take hours
 * for 730,000 check-ins) but in exactly the shapes the services write, notes encrypted with the
 * row-bound context. Every partner shares check-ins and milestones with the other.
 * Accounts log in with `loadDataPassword`; e-mails are `load-<n>-<a|b>@load.twofold.test`.
 */
export const loadDataPassword = 'load test passphrase';
/**
 * The two-step sign-in secret (base32) of every load-data clinician, so the benchmark can log them
 * in with a TOTP code. Load data only: never a real account.
 */
export const loadClinicianTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const loadClinicianEmail = (program: number) => `load-clinician-${program}@load.twofold.test`;
const timeZone = 'America/Chicago';

export interface LoadDataSummary {
  couples: number;
  people: number;
  checkins: number;
  firstEmail: string;
  /** With `careTeam`: the programs, each with one clinician whose caseload is its couples. */
  programs: number;
}

/**
 * The care team's load (issue 8): every `couplesPerClinician` couples form a program with one
 * clinician (two-step sign-in on, secret `loadClinicianTotpSecret`); both partners accept the
 * program and share check-ins, PHQ-9/GAD-7 and their joint work with the care team; each has a
 * PHQ-9 and a GAD-7 every 28 days, the couple a signed contract and 56 days of Trust Discussion.
 * Patterns that raise flags: every 5th couple's first partner has craving rising over the last two
 * weeks and the last 4 days without a check-in (3 missed days before today); every 7th couple's Trust Discussion falls off in the
 * last two weeks; every 10th couple's first partner told a lapse to the care team; every 6th has a
 * PHQ-9 rise beyond reliable change.
 */
export interface CareTeamLoad {
  couplesPerClinician: number;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
  }
}

export async function generateLoadData(
  db: Db,
  cipher: Cipher,
  options: { couples: number; days: number; seed?: number; careTeam?: CareTeamLoad },
): Promise<LoadDataSummary> {
  const random = seededRandom(options.seed ?? 7);
  const passwordHash = await argon2.hash(loadDataPassword, { type: argon2.argon2id });
  const today = todayIn(timeZone);
  const startDate = addDays(today, -(options.days - 1));
  let checkins = 0;
  const programList: Array<{ id: string; clinicianId: string }> = [];
  if (options.careTeam) {
    for (let index = 0; index * options.careTeam.couplesPerClinician < options.couples; index += 1) {
      programList.push(await createLoadProgram(db, cipher, index, passwordHash));
    }
  }
  const programs = programList.length;

  // A few couples at a time (each in its own transaction): the database, not this process, is the limit.
  const writeCouple = async (couple: number) => {
    const program = options.careTeam ? programList[Math.floor(couple / options.careTeam.couplesPerClinician)]! : null;
    const pattern = {
      risingCraving: options.careTeam !== undefined && couple % 5 === 0,
      fallingTrust: options.careTeam !== undefined && couple % 7 === 0,
      toldLapse: options.careTeam !== undefined && couple % 10 === 0,
      worseningScore: options.careTeam !== undefined && couple % 6 === 0,
    };
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
        // With the care team's load, the pair formed long ago, so its joint days count.
        .values(
          people.map((p) => ({
            coupleId,
            userId: p.id,
            ...(options.careTeam ? { joinedAt: new Date(Date.now() - 400 * 86_400_000) } : {}),
          })),
        )
        .execute();
      await tx
        .insertInto('sharingSettings')
        .values(
          people.flatMap((p) =>
            (['checkins', 'milestones'] as const).map((kind) => ({
              ownerId: p.id,
              kind,
              audience: kind === 'checkins' && options.careTeam ? ('both' as const) : ('partner' as const),
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
          const daysAgo = options.days - 1 - day;
          const conflict = random() < 0.1 ? 'high' : random() < 0.25 ? 'some' : 'none';
          const used = index === 0 && random() < 0.02;
          return {
            ownerId: p.id,
            localDate: date,
            mood: 1 + Math.floor(random() * 5),
            craving:
              index === 0
                ? pattern.risingCraving && daysAgo < 14
                  ? Math.min(10, Math.floor((14 - daysAgo) / 1.5))
                  : Math.floor(random() * (pattern.risingCraving ? 3 : 8))
                : 0,
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
      // The rising-craving couple's first partner has not checked in for the last 3 days.
      const kept = pattern.risingCraving
        ? rows.filter((row) => !(row.ownerId === people[0]!.id && row.localDate > addDays(today, -4)))
        : rows;
      checkins += kept.length;
      await insertInBatches(kept, 1000, (batch) => tx.insertInto('checkins').values(batch).execute());
      if (options.careTeam && program) {
        await addCareTeamData(tx, cipher, { coupleId, people: people.map((p) => p.id), program, today, random, pattern });
      }
    });
  };
  let next = 0;
  const worker = async () => {
    for (let couple = next++; couple < options.couples; couple = next++) {
      await writeCouple(couple);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, options.couples) }, worker));
  return { couples: options.couples, people: options.couples * 2, checkins, firstEmail: 'load-0-a@load.twofold.test', programs };
}

async function createLoadProgram(db: Db, cipher: Cipher, index: number, passwordHash: string) {
  return db.transaction().execute(async (tx) => {
    const clinicianId = randomUUID();
    await tx
      .insertInto('users')
      .values({
        id: clinicianId,
        email: loadClinicianEmail(index),
        displayName: `Clinician ${index}`,
        passwordHash,
        locale: 'en',
        timeZone,
      })
      .execute();
    await tx
      .insertInto('twoFactorCredentials')
      .values({
        userId: clinicianId,
        secretCiphertext: cipher.encrypt(loadClinicianTotpSecret, encryptionContext('two_factor_credentials', clinicianId, 'secret')),
        confirmedAt: new Date(),
        lastUsedStep: null,
      })
      .execute();
    const program = await tx
      .insertInto('programs')
      .values({ name: `Load program ${index}`, createdBy: clinicianId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('programStaff').values({ programId: program.id, userId: clinicianId, role: 'clinician' }).execute();
    return { id: program.id, clinicianId };
  });
}

type Tx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

async function addCareTeamData(
  tx: Tx,
  cipher: Cipher,
  input: {
    coupleId: string;
    people: string[];
    program: { id: string; clinicianId: string };
    today: string;
    random: () => number;
    pattern: { fallingTrust: boolean; toldLapse: boolean; worseningScore: boolean };
  },
): Promise<void> {
  const { coupleId, people, program, today, random, pattern } = input;
  const yearAgo = new Date(Date.now() - 400 * 86_400_000);
  await tx
    .insertInto('programEnrollments')
    .values(
      people.map((userId) => ({
        programId: program.id,
        coupleId,
        userId,
        invitedBy: program.clinicianId,
        invitedAt: yearAgo,
        acceptedAt: yearAgo,
      })),
    )
    .execute();
  await tx
    .insertInto('sharingSettings')
    .values(
      people.flatMap((ownerId) =>
        (['assessments-mood-anxiety', 'together'] as const).map((kind) => ({
          ownerId,
          kind,
          audience: 'care-team' as const,
          updatedAt: new Date(),
        })),
      ),
    )
    .execute();
  // The care team reads under a consent record (issue 8): the couple is assigned to the program's
  // clinician, and each partner consents to the kinds they share with the care team, for treatment.
  await tx.insertInto('coupleClinicians').values({ programId: program.id, coupleId, clinicianId: program.clinicianId }).execute();
  await tx
    .insertInto('careConsents')
    .values(
      people.flatMap((ownerId) =>
        (['checkins', 'assessments-mood-anxiety', 'together'] as const).map((kind) => ({
          ownerId,
          programId: program.id,
          kind,
          purpose: 'treatment' as const,
          purposeNoteCiphertext: null,
          expiresAt: new Date(Date.now() + 365 * 86_400_000),
        })),
      ),
    )
    .execute();
  const responses = people.flatMap((ownerId, index) =>
    (['phq-9', 'gad-7'] as const).flatMap((instrumentId) => {
      const def = instruments[instrumentId];
      const items = def.items.map((item) => item.id);
      return Array.from({ length: 13 }, (_, k) => {
        const daysAgo = 364 - k * 28;
        const high = pattern.worseningScore && index === 0 && instrumentId === 'phq-9' && k === 12;
        const answers = Object.fromEntries(
          items.map((id, i) => [id, id === '9' ? 0 : high ? 2 : i % 3 === 0 ? Math.floor(random() * 2) : 0]),
        );
        const score = scoreAssessment(def, answers);
        return {
          ownerId,
          submissionId: randomUUID(),
          instrumentId,
          instrumentVersion: def.version,
          answers: JSON.stringify(answers),
          scoringOptions: JSON.stringify({}),
          score: JSON.stringify(score),
          localDate: addDays(today, -daysAgo),
          submittedAt: new Date(Date.now() - daysAgo * 86_400_000),
        };
      });
    }),
  );
  await tx.insertInto('assessmentResponses').values(responses).execute();
  const contractId = randomUUID();
  const contract = await tx
    .insertInto('contractVersions')
    .values({
      id: contractId,
      coupleId,
      version: 1,
      discussionTime: '20:00',
      itemsCiphertext: cipher.encrypt('[]', encryptionContext('contract_versions', contractId, 'items')),
      keepPastUseInSessions: false,
      createdBy: people[0]!,
      signedByBothAt: new Date(Date.now() - 60 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parts = Array.from({ length: 56 }, (_, k) => k + 1).flatMap((daysAgo) =>
    pattern.fallingTrust && daysAgo <= 14 && daysAgo % 4 !== 0
      ? []
      : people.map((partnerId, index) => ({
          coupleId,
          partnerId,
          localDate: addDays(today, -daysAgo),
          stated: index === 0,
          thanked: index === 1,
          contractVersionId: contract.id,
        })),
  );
  await tx.insertInto('trustDiscussionParts').values(parts).execute();
  if (pattern.toldLapse) {
    const id = randomUUID();
    await tx
      .insertInto('lapseReports')
      .values({
        id,
        ownerId: people[0]!,
        localDate: addDays(today, -2),
        localTime: '21:00',
        timeZone,
        substances: ['alcohol'],
        detailsCiphertext: cipher.encrypt('{}', encryptionContext('lapse_reports', id, 'details')),
        toldPartnerId: null,
        toldPartnerAt: null,
        toldCareTeamAt: new Date(Date.now() - 2 * 86_400_000),
        reflectionCiphertext: null,
        reflectedAt: null,
      })
      .execute();
  }
}
