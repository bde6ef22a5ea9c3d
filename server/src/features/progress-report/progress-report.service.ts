import { Temporal } from 'temporal-polyfill';
import { sharedFamilies, type SharedFamily } from '@twofold/core/assessments/assessment.schemas';
import type { ProgressReportQuery } from '@twofold/core/care-notes/progress-report.schemas';
import type { CareHomework } from '@twofold/core/care/homework.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { clock } from '../../platform/local-date';
import { readJointAsCareTeam } from '../../access/together';
import { readCoupleCareRecords, requireCoupleInCare } from '../../access/care-sessions';
import { findCoupleHomework } from '../care-homework/care-homework.service';
import { findCheckins } from '../checkins/checkins.service';
import { findSharedAssessments } from '../assessments/assessments.service';
import { findLapsesToldTo } from '../setbacks/lapse.service';
import { findContractAndCalendarForCareTeam } from '../together-contract/together-contract.service';
import { buildReportModel, type ReportAssessment, type ReportInput, type ReportPerson } from './progress-report.model';
import { renderReportPdf } from './progress-report.pdf';
import { findReportNames } from './progress-report.repository';

/** A read the care team may not make (not shared, no consent) answers `not-found`: in a report, that kind is simply absent. */
async function unlessNotShared<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') {
      return null;
    }
    throw error;
  }
}

async function personInput(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  person: { id: string; displayName: string },
  query: ProgressReportQuery,
  homework: CareHomework[],
) {
  const [checkins, lapses, ...families] = await Promise.all([
    unlessNotShared(findCheckins(db, cipher, actor, person.id, query.from, query.to)),
    unlessNotShared(findLapsesToldTo(db, cipher, actor, person.id)),
    ...sharedFamilies.map((family) => unlessNotShared(findSharedAssessments(db, actor, person.id, family))),
  ]);
  const assessments = Object.fromEntries(
    sharedFamilies.map((family, index) => [
      family,
      families[index]?.map((result): ReportAssessment => ({
        instrumentId: result.instrumentId,
        date: result.date,
        total: result.total,
        band: result.band ? { label: result.band.label, source: result.band.source } : null,
        rule: result.rule,
      })) ?? null,
    ]),
  ) as Record<SharedFamily, ReportAssessment[] | null>;
  const reportPerson: ReportPerson = {
    id: person.id,
    displayName: person.displayName,
    checkins: checkins?.checkins.map((c) => ({ date: c.date, mood: c.mood, craving: c.craving, used: c.used })) ?? null,
    assessments,
    lapses: (lapses ?? []).map((lapse) => ({ date: lapse.date, substances: lapse.substances })),
    homework: homework.flatMap((item) =>
      item.withdrawn
        ? []
        : item.assignees
            .filter((assignee) => assignee.personId === person.id)
            .map((assignee) => ({ kind: item.kind, target: item.target, dueDate: item.dueDate, doneAt: assignee.doneAt })),
    ),
  };
  return reportPerson;
}

/**
 * The content of a progress report for a couple (or one partner, `partnerId`) in the clinician's
 * care in `programId`, over `from`..`to`. Every kind of data is read through access/ as the
 * clinician (consent and sharing checked, each disclosure audited); what they may not read is
 * absent, with a "not shared" line. Someone not caring for the couple there: `not-found`.
 */
export async function buildProgressReport(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  query: ProgressReportQuery,
): Promise<ReportInput> {
  const care = await requireCoupleInCare(db, actor, programId, coupleId);
  const people = query.partnerId === undefined ? care.partners : care.partners.filter((partner) => partner.id === query.partnerId);
  if (people.length === 0) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  const now = clock.now();
  const today = now.toZonedDateTimeISO('UTC').toPlainDate().toString();
  // Homework is a care record of the program (access/care-sessions.ts): read and audited for each partner in care.
  const homework = await readCoupleCareRecords(db, actor, programId, coupleId, 'care-homework', (tx, couple) =>
    findCoupleHomework(tx, cipher, couple),
  );
  const [names, reportPeople, trustDays] = await Promise.all([
    findReportNames(db, programId, actor.userId),
    Promise.all(people.map((person) => personInput(db, cipher, actor, person, query, homework))),
    query.partnerId === undefined
      ? unlessNotShared(
          readJointAsCareTeam(db, actor, programId, coupleId, async (tx, access) => {
            // The care team's calendar counts back from the couple's latest "today": ask for enough days to reach `from`.
            const days = Math.max(1, Temporal.PlainDate.from(query.from).until(Temporal.PlainDate.from(today)).days + 3);
            const { trust } = await findContractAndCalendarForCareTeam(tx, cipher, access, Math.min(days, 800));
            return trust.days.map((day) => ({ date: day.date, status: day.status }));
          }),
        )
      : Promise.resolve(undefined),
  ]);
  return {
    ...names,
    from: query.from,
    to: query.to,
    today,
    generatedAt: `${now.toString().slice(0, 16).replace('T', ' ')} UTC`,
    scope: query.partnerId === undefined ? 'couple' : 'partner',
    people: reportPeople,
    ...(trustDays === undefined ? {} : { trustDays }),
  };
}

/** The progress report as a PDF (see `buildProgressReport`). */
export async function renderProgressReport(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  programId: string,
  coupleId: string,
  query: ProgressReportQuery,
): Promise<Buffer> {
  return renderReportPdf(buildReportModel(await buildProgressReport(db, cipher, actor, programId, coupleId, query)));
}
