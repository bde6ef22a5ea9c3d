import { sql } from 'kysely';
import type { Audience, DataKind } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx, Tx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntries } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { hasCurrentConsentSql, isVisible, requireProgramRole } from './access';
import { isJointVisibleToCareTeam } from './together';

/**
 * What a clinician may derive flags and overviews from, for MANY people at once (the caseload):
 * decided in one query per request, never cached, so a revoked share, an ended enrollment or a
 * partner who left takes effect on the next view.
 *
 * The rule (the same as `findRelation` + `isVisible` for one person, and `readJointAsCareTeam` for
 * joint work): the viewer is an active clinician of the program with two-step sign-in
 * (`requireProgramRole`), and only couples assigned to them count (`couple_clinicians`); a person
 * counts when they are a current member of their couple with an enrollment in the program they
 * accepted for themselves and have not ended; each kind is read only while that person's setting
 * for it includes the care team AND their consent record for it with the program is current; lapse reports only entry by entry
 * (those told to the care team); safety alerts (PHQ-9 item 9, a positive safety screen) reach the
 * clinicians of the program the person accepted, as they always have; the couple's joint work only
 * while BOTH partners share `together` with the care team. A person who has not accepted is listed
 * by name (the clinician invited them) and nothing else.
 */

/** The kinds the caseload reads of one person, as decided right now. */
export interface CaseloadShares {
  checkins: boolean;
  /** PHQ-9 and GAD-7 results (the `assessments-mood-anxiety` kind). */
  assessments: boolean;
  /** Lapse reports told to the care team (entry by entry). */
  lapses: boolean;
  /** Safety alerts routed to this program's clinicians. */
  safetyAlerts: boolean;
}

export interface CaseloadPerson {
  id: string;
  displayName: string;
  timeZone: string;
  enrollment: 'invited' | 'accepted';
  /** When they accepted (or were invited): the start of "never checked in". */
  enrolledAt: Date;
  shares: CaseloadShares;
}

export interface CaseloadCouple {
  coupleId: string;
  /** The current members enrolled in the program, the first-joined first. */
  people: CaseloadPerson[];
  /** Both partners accepted and share `together` with the care team. */
  isJointVisible: boolean;
  /** When the current pair was formed (joint items before this are not theirs). */
  pairSince: Date;
}

interface ConsentRow {
  coupleId: string;
  userId: string;
  displayName: string;
  timeZone: string;
  joinedAt: Date;
  invitedAt: Date;
  acceptedAt: Date | null;
  checkins: Audience | null;
  moodAnxiety: Audience | null;
  together: Audience | null;
}

const noShares: CaseloadShares = { checkins: false, assessments: false, lapses: false, safetyAlerts: false };

/**
 * The program's couples as the actor (checked to be one of its clinicians) may see them now,
 * with each person's decided shares; one statement. With `coupleId`, that couple only.
 */
async function findCaseloadConsents(tx: DbOrTx, programId: string, clinicianId: string, coupleId?: string): Promise<CaseloadCouple[]> {
  const { rows } = await caseloadConsentsQuery(programId, clinicianId, coupleId).execute(tx);
  return toCouples(rows);
}

/**
 * A person's setting for `kind`, only while their consent record for it with the enrollment's
 * program is current (`access.ts` `hasCurrentConsentSql`); null (private) otherwise.
 */
function consentedAudience(kind: DataKind) {
  return sql`(select ss.audience from sharing_settings ss
      where ss.owner_id = e.user_id and ss.kind = ${kind}
        and ${hasCurrentConsentSql(sql`e.user_id`, sql`e.program_id`, sql`${kind}`)})`;
}

/**
 * The one statement of the decision, also for EXPLAIN ANALYZE in the benchmark: the couples of
 * the program assigned to `clinicianId` (`couple_clinicians`: "my caseload"), each person's
 * settings as they count under a current consent.
 */
export function caseloadConsentsQuery(programId: string, clinicianId: string, coupleId?: string) {
  return sql<ConsentRow>`
    select e.couple_id, e.user_id, u.display_name, u.time_zone, m.joined_at, e.invited_at, e.accepted_at,
      ${consentedAudience('checkins')} as checkins,
      ${consentedAudience('assessments-mood-anxiety')} as mood_anxiety,
      ${consentedAudience('together')} as together
    from program_enrollments e
    join couple_clinicians cc on cc.program_id = e.program_id and cc.couple_id = e.couple_id and cc.clinician_id = ${clinicianId}
    join couple_members m on m.couple_id = e.couple_id and m.user_id = e.user_id and m.left_at is null
    join users u on u.id = e.user_id
    where e.program_id = ${programId} and e.ended_at is null
      ${coupleId === undefined ? sql`` : sql`and e.couple_id = ${coupleId}`}
    order by e.couple_id, m.joined_at, e.user_id`;
}

function toCouples(rows: ConsentRow[]): CaseloadCouple[] {
  const couples = new Map<string, { people: CaseloadPerson[]; together: Array<Audience | null>; joinedAt: Date[] }>();
  for (const row of rows) {
    const accepted = row.acceptedAt !== null;
    // The audience comes back only under a current consent (`consentedAudience`), so the consent holds here.
    const can = (kind: DataKind, audience: Audience | null) =>
      accepted && audience !== null && isVisible('clinician', audience, kind, true);
    const person: CaseloadPerson = {
      id: row.userId,
      displayName: row.displayName,
      timeZone: row.timeZone,
      enrollment: accepted ? 'accepted' : 'invited',
      enrolledAt: row.acceptedAt ?? row.invitedAt,
      shares: accepted
        ? {
            checkins: can('checkins', row.checkins),
            assessments: can('assessments-mood-anxiety', row.moodAnxiety),
            lapses: true,
            safetyAlerts: true,
          }
        : noShares,
    };
    const couple = couples.get(row.coupleId) ?? { people: [], together: [], joinedAt: [] };
    couple.people.push(person);
    couple.together.push(accepted ? row.together : null);
    couple.joinedAt.push(row.joinedAt);
    couples.set(row.coupleId, couple);
  }
  return [...couples.entries()].map(([id, couple]) => {
    const [first, second] = couple.together;
    return {
      coupleId: id,
      people: couple.people,
      isJointVisible:
        couple.people.length === 2 &&
        couple.people.every((person) => person.enrollment === 'accepted') &&
        isJointVisibleToCareTeam([first ?? 'private', second ?? 'private']),
      pairSince: new Date(Math.max(...couple.joinedAt.map((date) => date.getTime()))),
    };
  });
}

/** The kinds a view actually disclosed per person, to be named in their audit row. */
export type Disclosures = Map<string, Set<DataKind | 'safety-alerts' | 'care-homework'>>;

/**
 * Reads flags or overviews derived from many people's data for a clinician of `programId`:
 * decides every person's shares (one statement), runs `read` with them, and appends ONE audit row
 * per person whose data was disclosed, naming the kinds (`<view>:<kind>+<kind>`), in two
 * statements for all of them (`appendAuditEntries`), all in one transaction. `read` reports what it
 * disclosed: a kind read but empty (no told lapses, no alerts) is not named, like `readToldEntries`.
 * With `coupleId`, one couple: not in the program (or not visible) answers `not-found`.
 */
export async function readCaseloadAsClinician<T>(
  db: Db,
  actor: Actor,
  programId: string,
  view: 'caseload-flags' | 'couple-overview',
  read: (tx: Tx, couples: CaseloadCouple[]) => Promise<{ result: T; disclosed: Disclosures }>,
  coupleId?: string,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const couples = await findCaseloadConsents(tx, programId, actor.userId, coupleId);
    if (coupleId !== undefined && couples.length === 0) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const { result, disclosed } = await read(tx, couples);
    const entries = [...disclosed.entries()]
      .filter(([, kinds]) => kinds.size > 0)
      .map(([subjectId, kinds]) => ({
        actorId: actor.userId,
        subjectId,
        kind: auditKindOf(view, [...kinds]),
        action: 'read' as const,
        purpose: 'treatment' as const,
        relation: 'clinician' as const,
        programId,
      }));
    await appendAuditEntries(tx, entries);
    return result;
  });
}

/** The audit kind of a caseload view: the view and the kinds it was derived from, in a fixed order. */
export function auditKindOf(view: 'caseload-flags' | 'couple-overview', kinds: string[]): string {
  return `${view}:${[...kinds].sort().join('+')}`;
}

/**
 * A clinician acknowledges a flag: the person (or couple) must be on the caseload as decided now,
 * and the flag must be one the clinician can see now (the caller recomputes it inside `write`).
 * The acknowledgement is audited as a write about each person it concerns.
 */
export async function writeCaseloadAsClinician<T>(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  write: (tx: Tx, couple: CaseloadCouple) => Promise<{ result: T; subjects: string[] }>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['clinician']);
    const [couple] = await findCaseloadConsents(tx, programId, actor.userId, coupleId);
    if (!couple) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const { result, subjects } = await write(tx, couple);
    await appendAuditEntries(
      tx,
      [...new Set(subjects)].map((subjectId) => ({
        actorId: actor.userId,
        subjectId,
        kind: 'caseload-flags',
        action: 'write' as const,
        purpose: 'treatment' as const,
        relation: 'clinician' as const,
        programId,
      })),
    );
    return result;
  });
}
