import { describe, expect, it } from 'vitest';
import { buildReportModel, daysElapsed, reportText, type ReportInput, type ReportPerson } from './progress-report.model';

const noAssessments = { 'mood-anxiety': null, 'substance-use': null, attachment: null, relationship: null };

function person(overrides: Partial<ReportPerson> = {}): ReportPerson {
  return { id: 'a', displayName: 'Alex', checkins: null, assessments: noAssessments, lapses: [], ...overrides };
}
function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    programName: 'Riverside',
    clinicianName: 'Dr. Casey',
    from: '2026-11-01',
    to: '2026-11-10',
    today: '2026-11-30',
    generatedAt: '2026-11-30 10:00 UTC',
    scope: 'couple',
    people: [person()],
    ...overrides,
  };
}

describe('progress report content', () => {
  it('says "not shared" for every kind a person keeps from the care team, and draws nothing for it', () => {
    const model = buildReportModel(input({ trustDays: null }));
    const text = reportText(model);
    expect(text).toContain('Daily check-ins: not shared with the care team by Alex.');
    expect(text).toContain('Questionnaires (Mood and anxiety): not shared with the care team by Alex.');
    expect(text).toContain('Questionnaires (Relationship): not shared with the care team by Alex.');
    expect(text).toContain('Recovery Contract and Trust Discussion: not shared with the care team by both partners.');
    expect(model.sections.flatMap((section) => section.blocks).filter((block) => block.type === 'chart')).toEqual([]);
    expect(model.notice).toMatch(
      /^This information has been disclosed to you from records protected by federal confidentiality rules \(42 CFR part 2\)/,
    );
  });

  it('counts check-ins within the range against the days elapsed, and charts craving and mood', () => {
    const checkins = [
      { date: '2026-10-31', mood: 1, craving: 9, used: true },
      { date: '2026-11-01', mood: 3, craving: 4, used: false },
      { date: '2026-11-02', mood: 4, craving: 2, used: true },
      { date: '2026-11-11', mood: 5, craving: 0, used: false },
    ];
    const model = buildReportModel(input({ people: [person({ checkins })] }));
    const text = reportText(model);
    expect(text).toContain('Check-ins completed: 2 of 10 day(s) (20%). Days with use reported in a check-in: 1.');
    expect(text).toContain('Average craving 3.0 (0-10); average mood 3.5 (1-5); n = 2.');
    const chart = model.sections[0]!.blocks.find((block) => block.type === 'chart');
    expect(chart).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-10',
      joinAcrossGaps: false,
      series: [
        {
          label: 'Craving',
          points: [
            { date: '2026-11-01', value: 4 },
            { date: '2026-11-02', value: 2 },
          ],
        },
        {
          label: 'Mood',
          points: [
            { date: '2026-11-01', value: 3 },
            { date: '2026-11-02', value: 4 },
          ],
        },
      ],
    });
  });

  it('does not count days after today as missed check-ins', () => {
    expect(daysElapsed('2026-11-01', '2026-11-30', '2026-11-10')).toBe(10);
    expect(daysElapsed('2026-11-01', '2026-11-30', '2026-12-31')).toBe(30);
    expect(daysElapsed('2026-11-05', '2026-11-30', '2026-11-01')).toBe(0);
  });

  it('lists scores with their band and source, and charts an instrument with two results or more', () => {
    const band = { label: 'Moderate', source: 'Kroenke 2001' };
    const assessments = {
      ...noAssessments,
      'mood-anxiety': [
        { instrumentId: 'phq-9' as const, date: '2026-11-02', total: 12, band, rule: 'PHQ-9 total' },
        {
          instrumentId: 'phq-9' as const,
          date: '2026-11-09',
          total: 8,
          band: { label: 'Mild', source: 'Kroenke 2001' },
          rule: 'PHQ-9 total',
        },
        { instrumentId: 'gad-7' as const, date: '2026-11-09', total: 3, band: { label: 'Minimal', source: 'Spitzer 2006' }, rule: 'GAD-7' },
      ],
    };
    const model = buildReportModel(input({ people: [person({ assessments })] }));
    const text = reportText(model);
    expect(text).toContain('2026-11-02 | PHQ-9 | 12 | Moderate (Kroenke 2001)');
    expect(text).toContain('2026-11-09 | GAD-7 | 3 | Minimal (Spitzer 2006)');
    const charts = model.sections[0]!.blocks.filter((block) => block.type === 'chart');
    expect(charts.map((chart) => [chart.title, chart.joinAcrossGaps])).toEqual([['PHQ-9 total (0-27)', true]]);
    expect(text).toContain('Questionnaires (Substance use): not shared with the care team by Alex.');
  });

  it('lists only lapses in the range, with dates and substances and never words', () => {
    const lapses = [
      { date: '2026-11-03', substances: ['alcohol'] },
      { date: '2026-12-01', substances: ['cannabis'] },
    ];
    const text = reportText(buildReportModel(input({ people: [person({ lapses })] })));
    expect(text).toContain('Lapses told to the care team: 1.');
    expect(text).toContain('2026-11-03 | alcohol');
    expect(text.join('\n')).not.toContain('cannabis');
  });

  it('measures Trust Discussion adherence over finished days of the range, and leaves it out of a one-partner report', () => {
    const trustDays = [
      { date: '2026-10-31', status: 'missed' as const },
      { date: '2026-11-01', status: 'done' as const },
      { date: '2026-11-02', status: 'done' as const },
      { date: '2026-11-03', status: 'partly' as const },
      { date: '2026-11-04', status: 'missed' as const },
      { date: '2026-11-10', status: 'pending' as const },
    ];
    expect(reportText(buildReportModel(input({ trustDays })))).toContain(
      'Trust Discussion adherence: done 2, partly 1, missed 1 of 4 finished day(s) (done 50%); 1 day(s) still open.',
    );
    expect(reportText(buildReportModel(input({ trustDays: [] })))).toContain(
      'Trust Discussion: no Recovery Contract in force in this period.',
    );
    const alone = buildReportModel(input({ scope: 'partner' }));
    expect(alone.sections.map((section) => section.heading)).toEqual(['Alex']);
    expect(alone.subtitle[1]).toContain('Individual report');
  });

  it('counts homework due in the range and done, leaving out homework due outside it', () => {
    const homework = [
      { kind: 'skill-practice' as const, target: 'breathing', dueDate: '2026-11-03', doneAt: '2026-11-02T19:00:00.000Z' },
      { kind: 'plan-review' as const, target: null, dueDate: '2026-11-08', doneAt: null },
      { kind: 'assessment' as const, target: 'phq-9', dueDate: '2026-12-01', doneAt: null },
    ];
    const text = reportText(buildReportModel(input({ people: [person({ homework })] })));
    expect(text).toContain('Homework from the care team: 1 of 2 done (50%).');
    expect(text).toContain('2026-11-03 | Skill practice (breathing) | 2026-11-02');
    expect(text).toContain('2026-11-08 | Plan review | not yet');
    expect(text.join('\n')).not.toContain('phq-9');
    expect(reportText(buildReportModel(input()))).not.toContainEqual(expect.stringContaining('Homework'));
  });
});
