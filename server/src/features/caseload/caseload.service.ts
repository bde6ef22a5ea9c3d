import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import {
  caseloadThresholds,
  compareFlags,
  flagFromAdherence,
  flagFromAlerts,
  flagFromCraving,
  flagFromLapses,
  flagFromMissedCheckins,
  flagFromScore,
  isNewEvidence,
  severityScore,
  type DerivedFlag,
} from '@twofold/core/caseload/caseload-rules';
import {
  overviewDays,
  type AcknowledgeFlagInput,
  type CaseloadFlag,
  type CaseloadSort,
  type CoupleOverview,
  type FlaggedCaseload,
  type FlaggedCouple,
} from '@twofold/core/caseload/caseload.schemas';
import type { Db, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { DomainError } from '../../platform/errors';
import { encryptionContext } from '../../db/encrypted-columns';
import { readCaseloadAsClinician, writeCaseloadAsClinician, type CaseloadCouple, type Disclosures } from '../../access/caseload';
import { findCoupleHomework } from '../care-homework/care-homework.service';
import {
  findAdherence,
  findCheckinSeries,
  findLatestAcknowledgements,
  findPersonAggregates,
  findPlanStatus,
  findScoreSeries,
  findToldLapses,
  findTrustDays,
  insertAcknowledgement,
  type AcknowledgementRow,
} from './caseload.repository';

interface ComputedFlag extends DerivedFlag {
  coupleId: string;
  personId: string | null;
  instrumentId: string | null;
}

interface ComputedCaseload {
  flags: ComputedFlag[];
  /** Latest shared activity per person (only from kinds they share with the care team). */
  lastActivity: Map<string, string>;
  disclosed: Disclosures;
}

function disclose(
  disclosed: Disclosures,
  personId: string,
  kind: 'checkins' | 'assessments-mood-anxiety' | 'lapses' | 'together' | 'safety-alerts' | 'care-homework',
) {
  const kinds = disclosed.get(personId) ?? new Set();
  kinds.add(kind);
  disclosed.set(personId, kinds);
}

const instantOf = (date: Date) => Temporal.Instant.fromEpochMilliseconds(date.getTime());

const later = (a: string | undefined, b: string | null | undefined) => (!b ? a : !a || b > a ? b : a);

/**
 * Computes every flag of these couples from what each person shares now (`couples` as decided by
 * `access/caseload.ts`): one statement for the people, one for the couples' joint work.
 */
async function computeFlags(tx: Tx, programId: string, couples: CaseloadCouple[]): Promise<ComputedCaseload> {
  const now = clock.now();
  const rule = caseloadThresholds;
  // Most people of a caseload share a handful of time zones: each zone's today is worked out once.
  const todays = new Map<string, LocalDate>();
  const todayOf = (timeZone: string) => {
    const known = todays.get(timeZone);
    if (known !== undefined) {
      return known;
    }
    const today = todayIn(timeZone, now);
    todays.set(timeZone, today);
    return today;
  };
  const people = couples.flatMap((couple) =>
    couple.people
      .filter((person) => person.enrollment === 'accepted')
      .map((person) => ({ couple, person, today: todayOf(person.timeZone) })),
  );
  const jointCouples = couples.filter((couple) => couple.isJointVisible);
  const coupleToday = (couple: CaseloadCouple) =>
    couple.people
      .map((person) => todayOf(person.timeZone))
      .sort()
      .at(-1)!;
  const [aggregates, adherence] = await Promise.all([
    findPersonAggregates(
      tx,
      programId,
      people.map(({ person, today }) => ({ id: person.id, today, ...person.shares })),
      { windowDays: rule.risingCraving.windowDays, lapseDays: rule.lapseToldDays, lookbackDays: rule.scoreLookbackDays },
    ),
    findAdherence(
      tx,
      jointCouples.map((couple) => ({
        coupleId: couple.coupleId,
        today: coupleToday(couple),
        since: todayIn(couple.people[0]!.timeZone, instantOf(couple.pairSince)),
      })),
      rule.adherence.windowDays,
    ),
  ]);
  const flags: ComputedFlag[] = [];
  const lastActivity = new Map<string, string>();
  const disclosed: Disclosures = new Map();
  const byId = new Map(aggregates.map((row) => [row.id, row]));
  for (const { couple, person, today } of people) {
    const row = byId.get(person.id);
    if (!row) {
      continue;
    }
    const add = (flag: DerivedFlag | null, instrumentId: string | null = null) => {
      if (flag) {
        flags.push({ ...flag, coupleId: couple.coupleId, personId: person.id, instrumentId });
      }
    };
    let activity: string | undefined;
    if (person.shares.safetyAlerts && row.alerts > 0 && row.alertsLatest) {
      disclose(disclosed, person.id, 'safety-alerts');
      add(flagFromAlerts({ count: row.alerts, higherRisk: row.alertsHigherRisk ?? false, latestAt: row.alertsLatest.toISOString() }));
    }
    if (person.shares.lapses && row.lapses > 0 && row.lapseLatest) {
      disclose(disclosed, person.id, 'lapses');
      add(flagFromLapses({ count: row.lapses, latestAt: row.lapseLatest.toISOString() }));
      activity = later(activity, row.lapseLatest.toISOString());
    }
    if (person.shares.checkins) {
      disclose(disclosed, person.id, 'checkins');
      const facts = {
        today,
        lastDate: row.lastDate,
        // Needed only for someone who never checked in.
        enrolledOn: row.lastDate === null ? todayIn(person.timeZone, instantOf(person.enrolledAt)) : today,
        recent: { n: row.nRecent, mean: row.meanRecent, slope: row.slopeRecent },
        previous: { n: row.nPrevious, mean: row.meanPrevious },
      };
      add(flagFromMissedCheckins(facts));
      add(flagFromCraving(facts));
      activity = later(activity, row.lastDate);
    }
    if (person.shares.assessments) {
      disclose(disclosed, person.id, 'assessments-mood-anxiety');
      for (const score of row.scores ?? []) {
        activity = later(activity, score.date);
        add(
          flagFromScore({
            instrumentId: score.instrumentId,
            latest: { total: score.total, date: score.date, submittedAt: new Date(score.submittedAt).toISOString(), band: score.band },
            lowest: score.lowestTotal === null || score.lowestDate === null ? null : { total: score.lowestTotal, date: score.lowestDate },
          }),
          score.instrumentId,
        );
      }
    }
    if (activity) {
      lastActivity.set(person.id, activity);
    }
  }
  const jointById = new Map(jointCouples.map((couple) => [couple.coupleId, couple]));
  for (const row of adherence) {
    const couple = jointById.get(row.coupleId)!;
    for (const person of couple.people) {
      disclose(disclosed, person.id, 'together');
    }
    if (row.start === null) {
      continue;
    }
    const today = coupleToday(couple);
    const window = rule.adherence.windowDays;
    const daysFrom = (from: LocalDate, to: LocalDate) => {
      const first = from > row.start! ? from : row.start!;
      return first > to ? 0 : Math.round((Date.parse(to) - Date.parse(first)) / 86_400_000) + 1;
    };
    const flag = flagFromAdherence({
      recent: { done: row.recentDone, days: daysFrom(addDays(today, -window), addDays(today, -1)) },
      previous: { done: row.previousDone, days: daysFrom(addDays(today, -2 * window), addDays(today, -window - 1)) },
      to: addDays(today, -1),
    });
    if (flag) {
      flags.push({ ...flag, coupleId: couple.coupleId, personId: null, instrumentId: null });
    }
  }
  return { flags, lastActivity, disclosed };
}

const ackKey = (coupleId: string, personId: string | null, kind: string, instrumentId: string | null) =>
  `${coupleId}|${personId ?? ''}|${kind}|${instrumentId ?? ''}`;

/** Attaches the latest acknowledgement to each flag, dimmed unless there is new evidence since. */
function withAcknowledgements(
  cipher: Cipher,
  flags: ComputedFlag[],
  acknowledgements: AcknowledgementRow[],
): Array<ComputedFlag & CaseloadFlag> {
  const byKey = new Map(acknowledgements.map((row) => [ackKey(row.coupleId, row.personId, row.kind, row.instrumentId), row]));
  return flags.map((flag) => {
    const ack = byKey.get(ackKey(flag.coupleId, flag.personId, flag.kind, flag.instrumentId));
    const isDimmed = ack !== undefined && !isNewEvidence(flag.kind, { at: ack.evidenceAt, value: ack.evidenceValue }, flag.evidence);
    return {
      ...flag,
      isDimmed,
      acknowledgement: ack
        ? {
            at: ack.acknowledgedAt.toISOString(),
            byName: ack.byName ?? '',
            note: cipher.decrypt(ack.noteCiphertext, encryptionContext('caseload_flag_acknowledgements', ack.id, 'note')),
          }
        : null,
    };
  });
}

function toFlag(flag: ComputedFlag & CaseloadFlag): CaseloadFlag {
  return {
    kind: flag.kind,
    personId: flag.personId,
    severity: flag.severity,
    since: flag.since,
    facts: flag.facts,
    isDimmed: flag.isDimmed,
    acknowledgement: flag.acknowledgement,
  };
}

function sortCouples(couples: FlaggedCouple[], sort: CaseloadSort): FlaggedCouple[] {
  const name = (couple: FlaggedCouple) => couple.partners.map((partner) => partner.displayName).join(' & ');
  const byName = (a: FlaggedCouple, b: FlaggedCouple) => name(a).localeCompare(name(b));
  switch (sort) {
    case 'name':
      return couples.sort(byName);
    case 'activity':
      return couples.sort((a, b) => (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') || byName(a, b));
    case 'severity':
      return couples.sort((a, b) => severityScore(a.flags) - severityScore(b.flags) || byName(a, b));
  }
}

/**
 * The actor's caseload with flags, sorted. Clinicians of the program only (`not-found` otherwise);
 * every flag comes only from data the person shares with the care team now; one audit row per
 * person whose data fed a flag, naming the kinds (`access/caseload.ts`).
 */
export async function findFlaggedCaseload(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  sort: CaseloadSort,
): Promise<FlaggedCaseload> {
  return readCaseloadAsClinician(db, actor, programId, 'caseload-flags', async (tx, couples) => {
    const computed = await computeFlags(tx, programId, couples);
    const acknowledgements = await findLatestAcknowledgements(tx, programId, [...new Set(computed.flags.map((flag) => flag.coupleId))]);
    const flags = withAcknowledgements(cipher, computed.flags, acknowledgements);
    const result: FlaggedCouple[] = couples.map((couple) => {
      const partners = couple.people.map((person) => ({
        id: person.id,
        displayName: person.displayName,
        enrollment: person.enrollment,
        lastActivity: computed.lastActivity.get(person.id) ?? null,
      }));
      return {
        coupleId: couple.coupleId,
        partners,
        flags: flags
          .filter((flag) => flag.coupleId === couple.coupleId)
          .sort(compareFlags)
          .map(toFlag),
        lastActivity: partners.reduce<string | undefined>((acc, partner) => later(acc, partner.lastActivity), undefined) ?? null,
      };
    });
    return { result: { sort, couples: sortCouples(result, sort) }, disclosed: computed.disclosed };
  });
}

/**
 * Acknowledges one flag with a note (encrypted, attributed to the actor, audited as a write about
 * the person or both partners). The flag must show for the actor right now (`not-found` otherwise):
 * it is recomputed, and the evidence it rests on is kept, so newer evidence lifts the acknowledgement.
 */
export async function acknowledgeFlag(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  input: AcknowledgeFlagInput,
): Promise<CaseloadFlag> {
  return writeCaseloadAsClinician(db, actor, programId, input.coupleId, async (tx, couple) => {
    const computed = await computeFlags(tx, programId, [couple]);
    const matching = computed.flags.filter((flag) => flag.kind === input.kind && flag.personId === input.personId);
    // Two scores can be flagged for one person: the note acknowledges both.
    if (matching.length === 0) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    for (const flag of matching) {
      const id = randomUUID();
      await insertAcknowledgement(tx, {
        id,
        programId,
        coupleId: couple.coupleId,
        personId: flag.personId,
        kind: flag.kind,
        instrumentId: flag.instrumentId,
        evidenceAt: flag.evidence.at,
        evidenceValue: flag.evidence.value,
        noteCiphertext: cipher.encrypt(input.note, encryptionContext('caseload_flag_acknowledgements', id, 'note')),
        acknowledgedBy: actor.userId,
      });
    }
    const [first] = withAcknowledgements(cipher, matching, await findLatestAcknowledgements(tx, programId, [couple.coupleId]));
    const subjects = input.personId === null ? couple.people.map((person) => person.id) : [input.personId];
    return { result: toFlag(first!), subjects };
  });
}

/**
 * Both partners side by side (or one, with `personId`), each limited to what they share with the
 * care team now: check-ins of the last 90 days (craving, mood, use calendar), PHQ-9 and GAD-7 with
 * bands, lapses told to the care team, their flags; and the joint work (Trust Discussion, plan
 * status) only while both share `together` with the care team. One audit row per partner shown.
 */
export async function findCoupleOverview(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  personId?: string,
): Promise<CoupleOverview> {
  return readCaseloadAsClinician(
    db,
    actor,
    programId,
    'couple-overview',
    async (tx, [couple]) => {
      const shown = couple!.people.filter((person) => personId === undefined || person.id === personId);
      if (shown.length === 0) {
        throw new DomainError('not-found', 'Nothing to show here.');
      }
      const scoped: CaseloadCouple = {
        ...couple!,
        people: couple!.people,
        isJointVisible: personId === undefined && couple!.isJointVisible,
      };
      const now = clock.now();
      const to = shown
        .map((person) => todayIn(person.timeZone, now))
        .sort()
        .at(-1)!;
      const from = addDays(to, -(overviewDays - 1));
      const accepted = shown.filter((person) => person.enrollment === 'accepted');
      const checkinOwners = accepted.filter((person) => person.shares.checkins).map((person) => person.id);
      const scoreOwners = accepted.filter((person) => person.shares.assessments).map((person) => person.id);
      const lapseOwners = accepted.filter((person) => person.shares.lapses).map((person) => person.id);
      const computed = await computeFlags(tx, programId, [{ ...scoped, people: personId === undefined ? scoped.people : shown }]);
      const inCare = accepted.map((person) => ({ id: person.id, displayName: person.displayName, timeZone: person.timeZone }));
      const [acknowledgements, checkins, scores, lapses, trustDays, plan, homework] = await Promise.all([
        findLatestAcknowledgements(tx, programId, [coupleId]),
        findCheckinSeries(tx, checkinOwners, from, to),
        findScoreSeries(tx, scoreOwners, new Date(now.epochMilliseconds - 365 * 86_400_000)),
        findToldLapses(tx, lapseOwners, 50),
        scoped.isJointVisible ? findTrustDays(tx, coupleId, addDays(to, -27), to) : Promise.resolve(null),
        scoped.isJointVisible ? findPlanStatus(tx, coupleId, couple!.pairSince) : Promise.resolve(null),
        inCare.length === 0 ? Promise.resolve([]) : findCoupleHomework(tx, cipher, { programId, coupleId, partners: inCare }),
      ]);
      for (const item of homework) {
        for (const assignee of item.assignees) {
          disclose(computed.disclosed, assignee.personId, 'care-homework');
        }
      }
      const flags = withAcknowledgements(cipher, computed.flags, acknowledgements);
      const disclosed: Disclosures = computed.disclosed;
      for (const lapse of lapses) {
        disclose(disclosed, lapse.ownerId, 'lapses');
      }
      const partners = shown.map((person) => ({
        id: person.id,
        displayName: person.displayName,
        enrollment: person.enrollment,
        shares: { checkins: person.shares.checkins, assessments: person.shares.assessments, lapses: person.shares.lapses },
        checkins: person.shares.checkins
          ? checkins
              .filter((row) => row.ownerId === person.id)
              .map((row) => ({ date: row.localDate, craving: row.craving, mood: row.mood, used: row.used }))
          : null,
        assessments: person.shares.assessments
          ? {
              'phq-9': scores
                .filter((row) => row.ownerId === person.id && row.instrumentId === 'phq-9')
                .map((row) => ({ date: row.localDate, total: row.total, band: row.band })),
              'gad-7': scores
                .filter((row) => row.ownerId === person.id && row.instrumentId === 'gad-7')
                .map((row) => ({ date: row.localDate, total: row.total, band: row.band })),
            }
          : null,
        lapses: lapses
          .filter((row) => row.ownerId === person.id)
          .map((row) => ({ date: row.localDate, toldAt: row.toldCareTeamAt.toISOString(), substances: row.substances })),
        flags: flags
          .filter((flag) => flag.personId === person.id)
          .sort(compareFlags)
          .map(toFlag),
      }));
      const together =
        trustDays && plan
          ? {
              trustDiscussion: {
                days: trustDays,
                donePercent: trustDays.length === 0 ? null : Math.round((100 * trustDays.filter((day) => day.parts >= 2).length) / 28),
              },
              plan: {
                status: Number(plan.versions) === 0 ? ('none' as const) : plan.signedAt ? ('signed' as const) : ('waiting' as const),
                signedAt: plan.signedAt ? new Date(plan.signedAt).toISOString() : null,
              },
              flags: flags
                .filter((flag) => flag.personId === null)
                .sort(compareFlags)
                .map(toFlag),
            }
          : null;
      const shownIds = new Set(shown.map((person) => person.id));
      for (const id of [...disclosed.keys()]) {
        if (!shownIds.has(id)) {
          disclosed.delete(id);
        }
      }
      return { result: { coupleId, programId, from, to, partners, together, homework }, disclosed };
    },
    coupleId,
  );
}
