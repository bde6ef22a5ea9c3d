import type { Db } from '../server/src/platform/db';
import type { Cipher } from '../server/src/platform/crypto';
import { createCapturingMailer } from '../server/src/platform/mailer';
import type { Actor } from '../server/src/platform/sessions';
import { confirmSignup, requestSignup, type AuthContext } from '../server/src/features/auth/auth.service';
import { confirmEnrolment, startEnrolment } from '../server/src/features/auth/two-factor.service';
import { throttlePolicy } from '../server/src/platform/throttle';
import { TOTP, Secret } from 'otpauth';
import { createCouple, invitePartner } from '../server/src/features/couples/couples.service';
import { acceptInvite } from '../server/src/features/invites/invites.service';
import { acceptEnrollment, createProgram, inviteClinician, inviteCouple } from '../server/src/features/programs/programs.service';
import { updateMySharing } from '../server/src/features/sharing/sharing.service';
import { findSupportPreferences, saveSupportPreferences } from '../server/src/features/support-preferences/support-preferences.service';
import type { Substance } from '@twofold/core/recovery/substances';
import type { DataKind } from '@twofold/core/sharing/data-kinds';
import { seededRandom, seedPersonalTools, seedPersonHistory } from './demo-history';
import { seedAssessmentHistory } from './demo-assessments';

export const demoPassword = 'twofold demo passphrase';

/**
 * Creates the demo program, its staff and two couples through the services; returns the logins.
 * Staff use two-step sign-in, as they must: their TOTP secret (base32) comes fourth, to add to an app.
 */
export async function seedDemo(
  db: Db,
  publicUrl: string,
  cipher: Cipher,
): Promise<Array<[role: string, email: string, name: string, twoFactorSecret?: string]>> {
  const mailer = createCapturingMailer();
  const sessionPolicy = { idleMinutes: 30, maxHours: 24, staffIdleMinutes: 15, staffMaxHours: 12 };
  const throttle = throttlePolicy(1000, 1);
  const log = { error: () => {} } as unknown as AuthContext['log'];
  const ctx: AuthContext = { db, mailer, publicUrl, sessionPolicy, cipher, throttle, passwordResetTtlMinutes: 30, log };
  const invites = { ttlDays: 7, publicUrl };
  const logins: Array<[string, string, string, string?]> = [];
  const enableTwoFactor = async (actor: Actor, index: number) => {
    const { secret } = await startEnrolment({ db, cipher, sessionPolicy, throttle }, actor);
    await confirmEnrolment({ db, cipher, sessionPolicy, throttle }, actor, TOTP.generate({ secret: Secret.fromBase32(secret) }));
    logins[index]![3] = secret;
  };

  const person = async (displayName: string, email: string, role: string, timeZone = 'America/Chicago'): Promise<Actor> => {
    await requestSignup(ctx, { email, password: demoPassword, displayName, locale: 'en', timeZone });
    const token = mailer.outbox.at(-1)!.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    const { user } = await confirmSignup(ctx, token);
    logins.push([role, email, displayName]);
    return { userId: user.id, sessionId: 'demo' };
  };

  const admin = await person('Morgan Lee', 'admin@demo.twofold.test', 'program admin');
  const clinician = await person('Dr. Rosa Alvarez', 'clinician@demo.twofold.test', 'clinician');
  await enableTwoFactor(admin, 0);
  const program = await createProgram(db, admin, 'Riverside Couples Recovery (demo)');
  await acceptInvite(db, clinician, (await inviteClinician(db, admin, program.id, invites)).token);
  await enableTwoFactor(clinician, 1);

  const couples = [
    {
      label: 'couple 1 (one partner in recovery)',
      a: {
        name: 'Jordan',
        email: 'jordan@demo.twofold.test',
        helps: 'A short walk together after work. Being asked how my day was, not whether I used.',
        doesNotHelp: 'Checking my phone or counting bottles. Bringing up last year in an argument.',
      },
      b: {
        name: 'Sam',
        email: 'sam@demo.twofold.test',
        helps: 'Hearing that Jordan noticed when I took time for myself. Planning Sunday breakfast together.',
        doesNotHelp: 'Being told everything is fine when it clearly is not.',
      },
      sharing: { a: 'both', b: 'partner' } as const,
      history: {
        // Jordan's last two weeks: craving climbing, then no check-in for three days (flags on the caseload).
        a: {
          inRecovery: true,
          substances: ['alcohol'],
          startDaysAgo: 75,
          lapsesDaysAgo: [21],
          cravingRisesOverDays: 11,
          silentLastDays: 4,
        },
        b: { inRecovery: false, substances: [], startDaysAgo: 60, lapsesDaysAgo: [] },
      },
      assessments: {
        a: { phq9From: 13, gad7From: 11, ecr: [3, 5, 3, 4, 3, 4, 3, 4, 3, 5, 3, 5] },
        b: { phq9From: 8, gad7From: 9, ecr: [5, 3, 2, 3, 5, 2, 2, 5, 5, 4, 2, 3] },
        shared: { a: ['assessments-mood-anxiety'], b: [] } as Record<'a' | 'b', DataKind[]>,
      },
    },
    {
      label: 'couple 2 (both partners in recovery)',
      a: {
        name: 'Alex',
        email: 'alex@demo.twofold.test',
        helps: 'Going to the Tuesday SMART Recovery meeting and talking on the drive home.',
        doesNotHelp: 'Keeping score of who slipped first.',
      },
      b: {
        name: 'Riley',
        email: 'riley@demo.twofold.test',
        helps: 'Space for twenty minutes when I get home, then cooking together.',
        doesNotHelp: 'Texts asking where I am every hour.',
      },
      sharing: { a: 'both', b: 'care-team' } as const,
      history: {
        a: { inRecovery: true, substances: ['alcohol', 'cannabis'], startDaysAgo: 120, lapsesDaysAgo: [] },
        b: { inRecovery: true, substances: ['opioids'], startDaysAgo: 45, lapsesDaysAgo: [10] },
      },
      // Alex worries about closeness, Riley keeps a distance: the pursue-withdraw pattern, shared by both.
      assessments: {
        a: { phq9From: 11, gad7From: 14, ecr: [4, 6, 3, 6, 4, 6, 2, 2, 4, 6, 2, 6] },
        b: { phq9From: 15, gad7From: 10, ecr: [2, 3, 6, 2, 2, 2, 6, 6, 3, 3, 5, 2], item9DaysAgo: 31 },
        shared: { a: ['assessments-attachment', 'assessments-mood-anxiety'], b: ['assessments-attachment'] } as Record<
          'a' | 'b',
          DataKind[]
        >,
      },
    },
  ];

  for (const couple of couples) {
    const a = await person(couple.a.name, couple.a.email, `partner, ${couple.label}`);
    const b = await person(couple.b.name, couple.b.email, `partner, ${couple.label}`);
    await createCouple(db, a);
    await acceptInvite(db, b, (await invitePartner(db, a, 7, publicUrl)).token);
    await acceptInvite(db, a, (await inviteCouple(db, clinician, program.id, invites)).token);
    await acceptEnrollment(db, { cipher }, b, program.id);
    for (const [actor, words, audience] of [
      [a, couple.a, couple.sharing.a],
      [b, couple.b, couple.sharing.b],
    ] as const) {
      await saveSupportPreferences(db, cipher, actor, { helps: words.helps, doesNotHelp: words.doesNotHelp });
      await updateMySharing(db, { cipher }, actor, 'support-preferences', audience);
    }
    // Daily history: both partners check in; the couple's high-conflict days are the same for both.
    const random = seededRandom(couple.a.email.length);
    const conflictDaysAgo = new Set(Array.from({ length: 120 }, (_, day) => day).filter(() => random() < 0.12));
    for (const [index, [actor, history]] of (
      [
        [a, couple.history.a],
        [b, couple.history.b],
      ] as const
    ).entries()) {
      await seedPersonHistory(
        db,
        cipher,
        {
          actor,
          timeZone: 'America/Chicago',
          ...history,
          substances: [...history.substances] as Substance[],
          lapsesDaysAgo: [...history.lapsesDaysAgo],
          seed: index + couple.a.email.length,
          ...('cravingRisesOverDays' in history
            ? { cravingRisesOverDays: history.cravingRisesOverDays, silentLastDays: history.silentLastDays }
            : {}),
        },
        conflictDaysAgo,
      );
      await seedPersonalTools(db, cipher, actor);
      await updateMySharing(db, { cipher }, actor, 'milestones', 'both');
      const side = index === 0 ? 'a' : 'b';
      await seedAssessmentHistory(db, {
        actor,
        timeZone: 'America/Chicago',
        inRecovery: history.inRecovery,
        startDaysAgo: history.startDaysAgo,
        ...couple.assessments[side],
        ecr: [...couple.assessments[side].ecr],
        seed: 100 + index + couple.a.email.length,
      });
      for (const kind of couple.assessments.shared[side]) {
        await updateMySharing(db, { cipher }, actor, kind, 'both');
      }
    }
    await updateMySharing(db, { cipher }, a, 'checkins', 'both');
    // Some history in the access log: the partner and the clinician read what was shared with them.
    await findSupportPreferences(db, cipher, b, a.userId);
    await findSupportPreferences(db, cipher, clinician, a.userId);
  }

  return logins;
}
