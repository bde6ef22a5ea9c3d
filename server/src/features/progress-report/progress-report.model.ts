import { Temporal } from 'temporal-polyfill';
import { instruments, type InstrumentId } from '@twofold/core/assessments/instruments';
import { sharedFamilies, type SharedFamily } from '@twofold/core/assessments/assessment.schemas';
import { redisclosureNotice } from '@twofold/core/care-notes/progress-report.schemas';

/**
 * The content of a progress report, as pure data: the PDF renderer draws exactly this, and tests
 * read it without a PDF. Every kind of data a person did not share with the care team is `null`
 * in the input and becomes one "not shared" line: never a guess, never an empty chart.
 */

export interface ReportCheckin {
  date: string;
  mood: number;
  craving: number;
  used: boolean;
}
export interface ReportAssessment {
  instrumentId: InstrumentId;
  date: string;
  total: number | null;
  band: { label: string; source: string } | null;
  rule: string;
}
export interface ReportLapse {
  date: string;
  substances: string[];
}
export type TrustStatus = 'done' | 'partly' | 'missed' | 'pending';
export interface ReportHomework {
  kind: 'skill-practice' | 'communication-exercise' | 'assessment' | 'plan-review';
  target: string | null;
  dueDate: string;
  /** When this person completed it (UTC instant), null when not (yet). */
  doneAt: string | null;
}

export interface ReportPerson {
  id: string;
  displayName: string;
  /** null: not shared with the care team. */
  checkins: ReportCheckin[] | null;
  assessments: Record<SharedFamily, ReportAssessment[] | null>;
  /** Lapses this person told the care team (never shared as a whole: told one by one). */
  lapses: ReportLapse[];
  /** Homework the care team gave this person, due in the range (undefined: not part of this report). */
  homework?: ReportHomework[];
}

export interface ReportInput {
  programName: string;
  clinicianName: string;
  from: string;
  to: string;
  /** The day the report is made (UTC): days after it are not counted as missed. */
  today: string;
  generatedAt: string;
  scope: 'couple' | 'partner';
  people: ReportPerson[];
  /** The couple's Trust Discussion days in the range; null: not shared by both partners; undefined: not part of this report. */
  trustDays?: { date: string; status: TrustStatus }[] | null;
}

export interface ChartSeries {
  label: string;
  points: { date: string; value: number }[];
}
export type Block =
  | { type: 'text'; text: string }
  | { type: 'not-shared'; text: string }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | {
      type: 'chart';
      title: string;
      from: string;
      to: string;
      yMin: number;
      yMax: number;
      series: ChartSeries[];
      /** Daily data: a missing day breaks the line. Occasional scores: every point is joined. */
      joinAcrossGaps: boolean;
    };
export interface Section {
  heading: string;
  blocks: Block[];
}
export interface ReportModel {
  title: string;
  subtitle: string[];
  notice: string;
  sections: Section[];
}

const familyLabels: Record<SharedFamily, string> = {
  'mood-anxiety': 'Mood and anxiety',
  'substance-use': 'Substance use',
  attachment: 'Attachment',
  relationship: 'Relationship',
};

function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

/** Days from `from` to the earlier of `to` and `today`, both ends counted (0 when the range starts later). */
export function daysElapsed(from: string, to: string, today: string): number {
  const end = to < today ? to : today;
  if (end < from) {
    return 0;
  }
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(end), { largestUnit: 'days' }).days + 1;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}

function notShared(what: string, person: string): Block {
  return { type: 'not-shared', text: `${what}: not shared with the care team by ${person}.` };
}

function checkinBlocks(person: ReportPerson, input: ReportInput): Block[] {
  if (person.checkins === null) {
    return [notShared('Daily check-ins', person.displayName)];
  }
  const checkins = person.checkins.filter((c) => inRange(c.date, input.from, input.to)).sort((a, b) => a.date.localeCompare(b.date));
  const days = daysElapsed(input.from, input.to, input.today);
  const usedDays = checkins.filter((c) => c.used).length;
  const blocks: Block[] = [
    {
      type: 'text',
      text:
        `Check-ins completed: ${checkins.length} of ${days} day(s) (${percent(checkins.length, days)}). ` +
        `Days with use reported in a check-in: ${usedDays}.`,
    },
  ];
  if (checkins.length === 0) {
    return blocks;
  }
  const average = (values: number[]) => (values.reduce((sum, v) => sum + v, 0) / values.length).toFixed(1);
  blocks.push({
    type: 'text',
    text: `Average craving ${average(checkins.map((c) => c.craving))} (0-10); average mood ${average(checkins.map((c) => c.mood))} (1-5); n = ${checkins.length}.`,
  });
  blocks.push({
    type: 'chart',
    title: 'Craving (0-10) and mood (1-5) by day',
    from: input.from,
    to: input.to,
    yMin: 0,
    yMax: 10,
    joinAcrossGaps: false,
    series: [
      { label: 'Craving', points: checkins.map((c) => ({ date: c.date, value: c.craving })) },
      { label: 'Mood', points: checkins.map((c) => ({ date: c.date, value: c.mood })) },
    ],
  });
  return blocks;
}

function assessmentBlocks(person: ReportPerson, input: ReportInput): Block[] {
  const blocks: Block[] = [];
  for (const family of sharedFamilies) {
    const results = person.assessments[family];
    if (results === null) {
      blocks.push(notShared(`Questionnaires (${familyLabels[family]})`, person.displayName));
      continue;
    }
    const shown = results.filter((r) => inRange(r.date, input.from, input.to)).sort((a, b) => a.date.localeCompare(b.date));
    if (shown.length === 0) {
      blocks.push({ type: 'text', text: `Questionnaires (${familyLabels[family]}): none completed in this period.` });
      continue;
    }
    blocks.push({
      type: 'table',
      columns: ['Date', 'Questionnaire', 'Score', 'Band (source)'],
      rows: shown.map((r) => [
        r.date,
        instruments[r.instrumentId].shortName,
        r.total === null ? '–' : String(r.total),
        r.band ? `${r.band.label} (${r.band.source})` : r.rule,
      ]),
    });
    const byInstrument = new Map<InstrumentId, ReportAssessment[]>();
    for (const result of shown) {
      byInstrument.set(result.instrumentId, [...(byInstrument.get(result.instrumentId) ?? []), result]);
    }
    for (const [id, series] of byInstrument) {
      const range = instruments[id].totalRange;
      const scored = series.filter((r) => r.total !== null);
      if (range && scored.length >= 2) {
        blocks.push({
          type: 'chart',
          title: `${instruments[id].shortName} total (${range.min}-${range.max})`,
          from: input.from,
          to: input.to,
          yMin: range.min,
          yMax: range.max,
          joinAcrossGaps: true,
          series: [{ label: instruments[id].shortName, points: scored.map((r) => ({ date: r.date, value: r.total! })) }],
        });
      }
    }
  }
  return blocks;
}

function lapseBlocks(person: ReportPerson, input: ReportInput): Block[] {
  const lapses = person.lapses.filter((l) => inRange(l.date, input.from, input.to)).sort((a, b) => a.date.localeCompare(b.date));
  if (lapses.length === 0) {
    return [{ type: 'text', text: 'Lapses told to the care team: none in this period.' }];
  }
  return [
    { type: 'text', text: `Lapses told to the care team: ${lapses.length}.` },
    { type: 'table', columns: ['Date', 'Substances'], rows: lapses.map((l) => [l.date, l.substances.join(', ')]) },
  ];
}

const homeworkLabels: Record<ReportHomework['kind'], string> = {
  'skill-practice': 'Skill practice',
  'communication-exercise': 'Communication exercise',
  assessment: 'Questionnaire',
  'plan-review': 'Plan review',
};

function homeworkBlocks(person: ReportPerson, input: ReportInput): Block[] {
  if (person.homework === undefined) {
    return [];
  }
  const due = person.homework.filter((h) => inRange(h.dueDate, input.from, input.to)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (due.length === 0) {
    return [{ type: 'text', text: 'Homework from the care team: none due in this period.' }];
  }
  const done = due.filter((h) => h.doneAt !== null).length;
  return [
    { type: 'text', text: `Homework from the care team: ${done} of ${due.length} done (${percent(done, due.length)}).` },
    {
      type: 'table',
      columns: ['Due', 'Homework', 'Done'],
      rows: due.map((h) => [
        h.dueDate,
        h.target ? `${homeworkLabels[h.kind]} (${h.target})` : homeworkLabels[h.kind],
        h.doneAt ? h.doneAt.slice(0, 10) : 'not yet',
      ]),
    },
  ];
}

function trustBlocks(input: ReportInput): Block[] {
  if (input.trustDays === null || input.trustDays === undefined) {
    return [{ type: 'not-shared', text: 'Recovery Contract and Trust Discussion: not shared with the care team by both partners.' }];
  }
  const days = input.trustDays.filter((d) => inRange(d.date, input.from, input.to));
  if (days.length === 0) {
    return [{ type: 'text', text: 'Trust Discussion: no Recovery Contract in force in this period.' }];
  }
  const counted = days.filter((d) => d.status !== 'pending');
  const count = (status: TrustStatus) => counted.filter((d) => d.status === status).length;
  const open = days.length - counted.length;
  return [
    {
      type: 'text',
      text:
        `Trust Discussion adherence: done ${count('done')}, partly ${count('partly')}, missed ${count('missed')} ` +
        `of ${counted.length} finished day(s) (done ${percent(count('done'), counted.length)})` +
        (open > 0 ? `; ${open} day(s) still open.` : '.'),
    },
  ];
}

/** The whole report, section by section: each person's own data, then what the couple did together. */
export function buildReportModel(input: ReportInput): ReportModel {
  const names = input.people.map((person) => person.displayName).join(' & ');
  const sections: Section[] = input.people.map((person) => ({
    heading: person.displayName,
    blocks: [
      ...checkinBlocks(person, input),
      ...assessmentBlocks(person, input),
      ...lapseBlocks(person, input),
      ...homeworkBlocks(person, input),
    ],
  }));
  if (input.trustDays !== undefined) {
    sections.push({ heading: 'Together', blocks: trustBlocks(input) });
  }
  return {
    title: `Progress report: ${names}`,
    subtitle: [
      `${input.programName} · ${input.from} to ${input.to}`,
      `${input.scope === 'couple' ? 'Couple report' : 'Individual report'} · prepared by ${input.clinicianName} · ${input.generatedAt}`,
      'Only data each person chose to share with the care team is included. Scores are screening results, not diagnoses.',
    ],
    notice: redisclosureNotice,
    sections,
  };
}

/** Every line of text in the model, in order (for tests and for checking the PDF's text). */
export function reportText(model: ReportModel): string[] {
  return [
    model.title,
    ...model.subtitle,
    ...model.sections.flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) => {
        switch (block.type) {
          case 'text':
          case 'not-shared':
            return [block.text];
          case 'table':
            return [block.columns.join(' | '), ...block.rows.map((row) => row.join(' | '))];
          case 'chart':
            return [block.title];
        }
      }),
    ]),
  ];
}
