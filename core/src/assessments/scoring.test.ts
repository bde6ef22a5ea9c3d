import { describe, expect, it } from 'vitest';
import { instruments } from './instruments';
import { applicableAnswers, bandsFor, checkAnswers, findCriticalHits, requiredItems, scoreAssessment, scorerVersion } from './scoring';
import type { AssessmentScore } from './scoring';

// Every expected total, mean and band below is worked out by hand from the reference
// (../shared/reference/instruments.md); the helpers only lay answers out.

const phq9 = instruments['phq-9'];
const gad7 = instruments['gad-7'];
const auditC = instruments['audit-c'];
const dast10 = instruments['dast-10'];
const pcPtsd5 = instruments['pc-ptsd-5'];
const ecrS = instruments['ecr-s'];
const csi4 = instruments['csi-4'];
const hark = instruments.hark;

/** Answers keyed '1'..'n' from a list of raw codes. */
function numbered(values: number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [String(index + 1), value]));
}

/** `count` items whose raw codes add up to `total`, each at most `max`, filled from item 1. */
function spread(total: number, count: number, max: number): Record<string, number> {
  const values: number[] = [];
  let left = total;
  for (let index = 0; index < count; index += 1) {
    const value = Math.min(max, left);
    values.push(value);
    left -= value;
  }
  if (left !== 0) {
    throw new Error(`cannot spread ${total} over ${count} items of at most ${max}`);
  }
  return numbered(values);
}

function scored(score: AssessmentScore) {
  if (score.status !== 'scored') {
    throw new Error(`expected a score, got ${JSON.stringify(score)}`);
  }
  return score;
}

describe('PHQ-9', () => {
  it('scores all-minimum as 0, minimal, negative', () => {
    const score = scored(scoreAssessment(phq9, numbered([0, 0, 0, 0, 0, 0, 0, 0, 0])));
    expect(score).toMatchObject({ total: 0, subscales: null, positive: false, critical: [], scorerVersion });
    expect(score.band).toEqual({ id: 'minimal', label: 'None or minimal', source: 'Kroenke 2001; LOINC answer list LL382-3' });
    expect(score.rule).toContain('>= 10');
  });

  it('scores all-maximum as 27, severe, positive, with the higher-risk item-9 flow', () => {
    const score = scored(scoreAssessment(phq9, numbered([3, 3, 3, 3, 3, 3, 3, 3, 3])));
    expect(score).toMatchObject({ total: 27, positive: true, band: { id: 'severe' } });
    expect(score.critical).toEqual([{ itemId: '9', flow: 'self-harm', value: 3, higherRisk: true }]);
  });

  it('sums a mixed response: 1+2+0+3+1+0+2+1+0 = 10, moderate, positive', () => {
    const score = scored(scoreAssessment(phq9, numbered([1, 2, 0, 3, 1, 0, 2, 1, 0])));
    expect(score).toMatchObject({ total: 10, band: { id: 'moderate' }, positive: true, critical: [] });
  });

  it.each([
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately-severe', true],
    [19, 'moderately-severe', true],
    [20, 'severe', true],
  ])('puts total %i in band %s (positive: %s)', (total, band, positive) => {
    // Item 9 stays 0 here (spread fills from item 1; 24 would be the first total to reach item 9).
    const score = scored(scoreAssessment(phq9, spread(total, 9, 3)));
    expect(score).toMatchObject({ total, band: { id: band }, positive, critical: [] });
  });

  it.each([
    [0, []],
    [1, [{ itemId: '9', flow: 'self-harm', value: 1, higherRisk: false }]],
    [2, [{ itemId: '9', flow: 'self-harm', value: 2, higherRisk: true }]],
    [3, [{ itemId: '9', flow: 'self-harm', value: 3, higherRisk: true }]],
  ])('flags item 9 = %i whatever the total (total = item 9 alone)', (value, critical) => {
    const score = scored(scoreAssessment(phq9, numbered([0, 0, 0, 0, 0, 0, 0, 0, value])));
    expect(score.total).toBe(value);
    expect(score.band?.id).toBe('minimal');
    expect(score.critical).toEqual(critical);
  });

  it('does not score the difficulty item: it is optional and leaves the total unchanged', () => {
    const answers = { ...numbered([1, 1, 1, 1, 1, 1, 1, 1, 0]), difficulty: 3 };
    expect(scored(scoreAssessment(phq9, answers)).total).toBe(8);
    expect(requiredItems(phq9, {})).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('does not score a response with a missing item, and names what is missing', () => {
    const answers = numbered([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    delete answers['4'];
    delete answers['7'];
    expect(scoreAssessment(phq9, answers)).toEqual({
      status: 'incomplete',
      scorerVersion,
      missing: ['4', '7'],
      critical: [{ itemId: '9', flow: 'self-harm', value: 3, higherRisk: true }],
    });
  });

  it('still reports item 9 when it is the only answer', () => {
    const score = scoreAssessment(phq9, { '9': 1 });
    expect(score.status).toBe('incomplete');
    expect(score.critical).toEqual([{ itemId: '9', flow: 'self-harm', value: 1, higherRisk: false }]);
  });

  it('scores an empty response as incomplete with every scored item missing', () => {
    expect(scoreAssessment(phq9, {})).toMatchObject({
      status: 'incomplete',
      missing: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      critical: [],
    });
  });
});

describe('GAD-7', () => {
  it('scores all-minimum 0 and all-maximum 21', () => {
    expect(scored(scoreAssessment(gad7, numbered([0, 0, 0, 0, 0, 0, 0])))).toMatchObject({
      total: 0,
      band: { id: 'minimal' },
      positive: false,
    });
    expect(scored(scoreAssessment(gad7, numbered([3, 3, 3, 3, 3, 3, 3])))).toMatchObject({
      total: 21,
      band: { id: 'severe' },
      positive: true,
    });
  });

  it.each([
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
  ])('puts total %i in band %s (positive: %s)', (total, band, positive) => {
    expect(scored(scoreAssessment(gad7, spread(total, 7, 3)))).toMatchObject({
      total,
      band: { id: band, source: 'Spitzer 2006' },
      positive,
    });
  });

  it('has no critical item, even at the maximum', () => {
    expect(scoreAssessment(gad7, numbered([3, 3, 3, 3, 3, 3, 3])).critical).toEqual([]);
  });

  it('does not score a response missing item 7', () => {
    expect(scoreAssessment(gad7, numbered([1, 1, 1, 1, 1, 1]))).toMatchObject({ status: 'incomplete', missing: ['7'] });
  });
});

describe('AUDIT-C', () => {
  it('scores all-minimum 0 and all-maximum 12 under every threshold', () => {
    for (const auditCThreshold of ['female', 'male', 'not-stated'] as const) {
      expect(scored(scoreAssessment(auditC, numbered([0, 0, 0]), { auditCThreshold }))).toMatchObject({
        total: 0,
        positive: false,
        band: { id: 'negative' },
      });
      expect(scored(scoreAssessment(auditC, numbered([4, 4, 4]), { auditCThreshold }))).toMatchObject({
        total: 12,
        positive: true,
        band: { id: 'positive' },
      });
    }
  });

  it.each([
    // [total, female, male, not stated]
    [2, false, false, false],
    [3, true, false, true],
    [4, true, true, true],
  ])('at total %i is positive for women: %s, men: %s, sex not stated: %s', (total, female, male, notStated) => {
    const answers = spread(total, 3, 4);
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'female' })).positive).toBe(female);
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'male' })).positive).toBe(male);
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'not-stated' })).positive).toBe(notStated);
    expect(scored(scoreAssessment(auditC, answers)).positive).toBe(notStated);
  });

  it('says which rule it applied', () => {
    const answers = numbered([1, 1, 1]);
    expect(scored(scoreAssessment(auditC, answers)).rule).toBe('AUDIT-C >= 3 (conservative, sex not stated), Bradley 2007');
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'not-stated' })).rule).toBe(
      'AUDIT-C >= 3 (conservative, sex not stated), Bradley 2007',
    );
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'female' })).rule).toBe(
      'AUDIT-C >= 3 (threshold for women), Bradley 2007',
    );
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'male' })).rule).toBe(
      'AUDIT-C >= 4 (threshold for men), Bradley 2007',
    );
  });

  it('uses the men’s bands only when the person says so', () => {
    // 3 = 1 + 1 + 1: negative (0-3) for men, positive (3-12) otherwise.
    const answers = numbered([1, 1, 1]);
    expect(scored(scoreAssessment(auditC, answers, { auditCThreshold: 'male' })).band?.id).toBe('negative');
    expect(scored(scoreAssessment(auditC, answers)).band?.id).toBe('positive');
    expect(bandsFor(auditC, { auditCThreshold: 'male' }).map((band) => band.max)).toEqual([3, 12]);
    expect(bandsFor(auditC).map((band) => band.max)).toEqual([2, 12]);
  });

  it('notes when all points come from item 1 (LOINC 75626-2), and only then', () => {
    // 4 + 0 + 0 = 4: positive for everyone, but drinking likely below recommended limits.
    const fromItem1 = scored(scoreAssessment(auditC, numbered([4, 0, 0])));
    expect(fromItem1).toMatchObject({ total: 4, positive: true });
    expect(fromItem1.notes).toEqual(['All points come from item 1: drinking is likely below recommended limits (LOINC 75626-2).']);
    expect(scored(scoreAssessment(auditC, numbered([3, 1, 0]))).notes).toBeUndefined();
    expect(scored(scoreAssessment(auditC, numbered([0, 0, 0]))).notes).toBeUndefined();
  });

  it('does not score a response missing item 2', () => {
    expect(scoreAssessment(auditC, { '1': 4, '3': 4 })).toMatchObject({ status: 'incomplete', missing: ['2'] });
  });
});

describe('DAST-10', () => {
  // Raw codes: Yes = 1, No = 0. Item 3 ("always able to stop") scores 1 for No.
  it('scores all "No" as 1 (item 3 reversed), low level', () => {
    const score = scored(scoreAssessment(dast10, numbered([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
    expect(score).toMatchObject({ total: 1, band: { id: 'low', label: 'Low level' }, positive: null });
  });

  it('scores the minimum 0: all No except Yes on item 3', () => {
    const score = scored(scoreAssessment(dast10, numbered([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])));
    expect(score).toMatchObject({ total: 0, band: { id: 'none', label: 'No problems reported' }, positive: null });
  });

  it('scores the maximum 10: all Yes except No on item 3', () => {
    const score = scored(scoreAssessment(dast10, numbered([1, 1, 0, 1, 1, 1, 1, 1, 1, 1])));
    expect(score).toMatchObject({ total: 10, band: { id: 'severe' } });
  });

  it('scores all "Yes" as 9 (item 3 Yes scores 0), severe level', () => {
    expect(scored(scoreAssessment(dast10, numbered([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])))).toMatchObject({ total: 9, band: { id: 'severe' } });
  });

  it.each([
    // Item 3 answered Yes (0 points); `yes` of the other nine items answered Yes.
    [0, 'none'],
    [1, 'low'],
    [2, 'low'],
    [3, 'moderate'],
    [5, 'moderate'],
    [6, 'substantial'],
    [8, 'substantial'],
    [9, 'severe'],
  ])('with item 3 Yes and %i other Yes answers is in band %s', (yes, band) => {
    const others = [1, 2, 4, 5, 6, 7, 8, 9, 10];
    const answers: Record<string, number> = { '3': 1 };
    others.forEach((item, index) => {
      answers[String(item)] = index < yes ? 1 : 0;
    });
    expect(scored(scoreAssessment(dast10, answers))).toMatchObject({ total: yes, band: { id: band } });
  });

  it('crosses the 2/3 edge by item 3 alone: Yes on items 1, 2 is 2 (low); then No on item 3 makes 3 (moderate)', () => {
    const base = numbered([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(scored(scoreAssessment(dast10, base))).toMatchObject({ total: 2, band: { id: 'low' } });
    expect(scored(scoreAssessment(dast10, { ...base, '3': 0 }))).toMatchObject({ total: 3, band: { id: 'moderate' } });
  });

  it('carries the source’s suggested action in the band definition', () => {
    expect(dast10.bands.find((band) => band.id === 'moderate')?.action).toBe('Further investigation');
  });

  it('has no critical item (item 9 withdrawal is a UI message, not a safety flow)', () => {
    expect(scoreAssessment(dast10, numbered([1, 1, 0, 1, 1, 1, 1, 1, 1, 1])).critical).toEqual([]);
  });

  it('does not score a response missing item 3', () => {
    const answers = numbered([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    delete answers['3'];
    expect(scoreAssessment(dast10, answers)).toMatchObject({ status: 'incomplete', missing: ['3'] });
  });
});

describe('PC-PTSD-5', () => {
  const withGate = (values: number[]) => ({ gate: 1, ...numbered(values) });

  it('scores gate No as total 0, negative, under both cut-offs, without items 1-5', () => {
    for (const ptsdCutoff of [3, 4] as const) {
      const score = scored(scoreAssessment(pcPtsd5, { gate: 0 }, { ptsdCutoff }));
      expect(score).toMatchObject({ total: 0, positive: false, band: { id: 'negative' }, critical: [] });
    }
  });

  it('ignores answers to items 1-5 sent with gate No', () => {
    const answers = { gate: 0, ...numbered([1, 1, 1, 1, 1]) };
    expect(scored(scoreAssessment(pcPtsd5, answers))).toMatchObject({ total: 0, positive: false });
    expect(applicableAnswers(pcPtsd5, answers)).toEqual({ gate: 0 });
    expect(checkAnswers(pcPtsd5, answers)).toEqual([]);
  });

  it('scores gate Yes with all No as 0 and all Yes as 5', () => {
    expect(scored(scoreAssessment(pcPtsd5, withGate([0, 0, 0, 0, 0])))).toMatchObject({ total: 0, positive: false });
    expect(scored(scoreAssessment(pcPtsd5, withGate([1, 1, 1, 1, 1])))).toMatchObject({
      total: 5,
      positive: true,
      band: { id: 'positive' },
    });
    expect(scored(scoreAssessment(pcPtsd5, withGate([1, 1, 1, 1, 1]), { ptsdCutoff: 4 }))).toMatchObject({ total: 5, positive: true });
  });

  it.each([
    // [Yes count, positive at cut-off 3 (default), positive at cut-off 4]
    [2, false, false],
    [3, true, false],
    [4, true, true],
  ])('with %i Yes answers is positive at 3: %s, at 4: %s', (yes, at3, at4) => {
    const answers = withGate([0, 1, 2, 3, 4].map((index) => (index < yes ? 1 : 0)));
    const byDefault = scored(scoreAssessment(pcPtsd5, answers));
    const cut3 = scored(scoreAssessment(pcPtsd5, answers, { ptsdCutoff: 3 }));
    const cut4 = scored(scoreAssessment(pcPtsd5, answers, { ptsdCutoff: 4 }));
    expect([byDefault.total, cut3.total, cut4.total]).toEqual([yes, yes, yes]);
    expect(byDefault.positive).toBe(at3);
    expect(cut3.positive).toBe(at3);
    expect(cut4.positive).toBe(at4);
    expect(cut3.band?.id).toBe(at3 ? 'positive' : 'negative');
    expect(cut4.band?.id).toBe(at4 ? 'positive' : 'negative');
  });

  it('records the cut-point applied and its source', () => {
    const answers = withGate([1, 1, 1, 0, 0]);
    expect(scored(scoreAssessment(pcPtsd5, answers)).rule).toContain('>= 3 (Prins 2016)');
    expect(scored(scoreAssessment(pcPtsd5, answers, { ptsdCutoff: 4 })).rule).toContain('>= 4 (Bovin 2021)');
    expect(scored(scoreAssessment(pcPtsd5, answers, { ptsdCutoff: 4 })).band?.source).toBe('Bovin 2021 (cut-point 4)');
  });

  it('requires the gate, and items 1-5 unless the gate is No', () => {
    expect(requiredItems(pcPtsd5, {})).toEqual(['gate', '1', '2', '3', '4', '5']);
    expect(requiredItems(pcPtsd5, { gate: 1 })).toEqual(['gate', '1', '2', '3', '4', '5']);
    expect(requiredItems(pcPtsd5, { gate: 0 })).toEqual(['gate']);
    expect(scoreAssessment(pcPtsd5, numbered([1, 1, 1, 1, 1]))).toMatchObject({ status: 'incomplete', missing: ['gate'] });
    expect(scoreAssessment(pcPtsd5, { gate: 1, '1': 1 })).toMatchObject({ status: 'incomplete', missing: ['2', '3', '4', '5'] });
  });
});

describe('ECR-S', () => {
  // Anxiety: items 2, 4, 6, 8(R), 10, 12. Avoidance: items 1(R), 3, 5(R), 7, 9(R), 11. Reverse = 8 − raw.
  it('scores all 1s: anxiety (1+1+1+7+1+1)/6 = 2, avoidance (7+1+7+1+7+1)/6 = 4', () => {
    const score = scored(scoreAssessment(ecrS, numbered(Array<number>(12).fill(1))));
    expect(score).toMatchObject({ total: null, band: null, positive: null, critical: [] });
    expect(score.subscales).toEqual({ anxiety: 2, avoidance: 4 });
    expect(Object.keys(score.subscales ?? {})).toEqual(['anxiety', 'avoidance']);
    expect(score.rule).toContain('items 1, 5, 8, 9');
  });

  it('scores all 7s: anxiety (7·5 + 1)/6 = 6, avoidance (1+7+1+7+1+7)/6 = 4', () => {
    expect(scored(scoreAssessment(ecrS, numbered(Array<number>(12).fill(7)))).subscales).toEqual({ anxiety: 6, avoidance: 4 });
  });

  it('reaches the scale minimum 1 and maximum 7 on both dimensions once reverse items are answered the other way', () => {
    const lowest = numbered([7, 1, 1, 1, 7, 1, 1, 7, 7, 1, 1, 1]);
    const highest = numbered([1, 7, 7, 7, 1, 7, 7, 1, 1, 7, 7, 7]);
    expect(scored(scoreAssessment(ecrS, lowest)).subscales).toEqual({ anxiety: 1, avoidance: 1 });
    expect(scored(scoreAssessment(ecrS, highest)).subscales).toEqual({ anxiety: 7, avoidance: 7 });
  });

  it('works a mixed response by hand, rounding means to two decimals', () => {
    // raw:      1  2  3  4  5  6  7  8  9 10 11 12
    const raw = [6, 5, 2, 4, 6, 3, 1, 2, 5, 6, 2, 5];
    // anxiety   = items 2, 4, 6, 8R, 10, 12 = 5 + 4 + 3 + (8−2=6) + 6 + 5 = 29 → 29/6 = 4.8333… → 4.83
    // avoidance = items 1R, 3, 5R, 7, 9R, 11 = (8−6=2) + 2 + (8−6=2) + 1 + (8−5=3) + 2 = 12 → 12/6 = 2
    expect(scored(scoreAssessment(ecrS, numbered(raw))).subscales).toEqual({ anxiety: 4.83, avoidance: 2 });
  });

  it('gives the interface example: avoidance 13/6 = 2.17, anxiety 21/6 = 3.5', () => {
    // avoidance: 1R=7 → 1, 3=2, 5R=6 → 2, 7=3, 9R=5 → 3, 11=2: 1+2+2+3+3+2 = 13 → 2.1666… → 2.17
    // anxiety:   2=4, 4=3, 6=4, 8R=5 → 3, 10=4, 12=3: 4+3+4+3+4+3 = 21 → 3.5
    const raw = [7, 4, 2, 3, 6, 4, 3, 5, 5, 4, 2, 3];
    expect(scored(scoreAssessment(ecrS, numbered(raw))).subscales).toEqual({ anxiety: 3.5, avoidance: 2.17 });
  });

  it('changes each reverse item in the opposite direction: raising item 1 from 1 to 7 lowers avoidance by 1', () => {
    const base = numbered(Array<number>(12).fill(4));
    expect(scored(scoreAssessment(ecrS, base)).subscales).toEqual({ anxiety: 4, avoidance: 4 });
    // item 1: 8−1 = 7 → avoidance (7+4·5)/6 = 4.5; 8−7 = 1 → (1+20)/6 = 3.5
    expect(scored(scoreAssessment(ecrS, { ...base, '1': 1 })).subscales).toEqual({ anxiety: 4, avoidance: 4.5 });
    expect(scored(scoreAssessment(ecrS, { ...base, '1': 7 })).subscales).toEqual({ anxiety: 4, avoidance: 3.5 });
    // item 8 (anxiety, R): raw 7 → 1 → anxiety (1+20)/6 = 3.5
    expect(scored(scoreAssessment(ecrS, { ...base, '8': 7 })).subscales).toEqual({ anxiety: 3.5, avoidance: 4 });
    // item 5, item 9 (avoidance, R): raw 7 each → 1 + 1 + 16 = 18/6 = 3
    expect(scored(scoreAssessment(ecrS, { ...base, '5': 7, '9': 7 })).subscales).toEqual({ anxiety: 4, avoidance: 3 });
    // item 2 (anxiety, not R): raw 7 → (7+20)/6 = 4.5
    expect(scored(scoreAssessment(ecrS, { ...base, '2': 7 })).subscales).toEqual({ anxiety: 4.5, avoidance: 4 });
  });

  it('does not score a response missing one item, rather than averaging the rest', () => {
    const answers = numbered(Array<number>(12).fill(4));
    delete answers['12'];
    expect(scoreAssessment(ecrS, answers)).toEqual({ status: 'incomplete', scorerVersion, missing: ['12'], critical: [] });
  });
});

describe('CSI-4', () => {
  it('scores all-minimum 0 (positive: notable dissatisfaction) and all-maximum 6+5+5+5 = 21', () => {
    expect(scored(scoreAssessment(csi4, numbered([0, 0, 0, 0])))).toMatchObject({
      total: 0,
      band: { id: 'below-threshold' },
      positive: true,
    });
    expect(scored(scoreAssessment(csi4, numbered([6, 5, 5, 5])))).toMatchObject({
      total: 21,
      band: { id: 'above-threshold' },
      positive: false,
    });
  });

  it('puts 13 below the 13.5 threshold and 14 above it', () => {
    // 4 + 3 + 3 + 3 = 13; 4 + 4 + 3 + 3 = 14
    expect(scored(scoreAssessment(csi4, numbered([4, 3, 3, 3])))).toMatchObject({
      total: 13,
      band: { id: 'below-threshold' },
      positive: true,
    });
    expect(scored(scoreAssessment(csi4, numbered([4, 4, 3, 3])))).toMatchObject({
      total: 14,
      band: { id: 'above-threshold' },
      positive: false,
    });
  });

  it('names the rule and its (unverified) source', () => {
    const score = scored(scoreAssessment(csi4, numbered([3, 3, 3, 3])));
    expect(score.rule).toContain('13.5');
    expect(score.band?.source).toContain('Funk & Rogge 2007');
  });

  it('accepts 6 on item 1 only', () => {
    expect(checkAnswers(csi4, numbered([6, 5, 5, 5]))).toEqual([]);
    expect(checkAnswers(csi4, numbered([6, 6, 5, 5]))).toEqual([{ itemId: '2', problem: 'invalid-value' }]);
  });
});

describe('HARK', () => {
  it('scores all No as 0, negative, with no critical answer', () => {
    expect(scored(scoreAssessment(hark, { H: 0, A: 0, R: 0, K: 0 }))).toMatchObject({
      total: 0,
      band: { id: 'negative' },
      positive: false,
      critical: [],
    });
  });

  it('scores all Yes as 4, positive, with four critical answers', () => {
    const score = scored(scoreAssessment(hark, { H: 1, A: 1, R: 1, K: 1 }));
    expect(score).toMatchObject({ total: 4, band: { id: 'positive' }, positive: true });
    expect(score.critical).toEqual([
      { itemId: 'H', flow: 'ipv', value: 1, higherRisk: false },
      { itemId: 'A', flow: 'ipv', value: 1, higherRisk: true },
      { itemId: 'R', flow: 'ipv', value: 1, higherRisk: true },
      { itemId: 'K', flow: 'ipv', value: 1, higherRisk: true },
    ]);
  });

  it.each([
    ['H', false],
    ['A', true],
    ['R', true],
    ['K', true],
  ])('makes a single Yes on %s a positive screen of 1 (higher risk: %s)', (itemId, higherRisk) => {
    const answers = { H: 0, A: 0, R: 0, K: 0, [itemId]: 1 };
    const score = scored(scoreAssessment(hark, answers));
    expect(score).toMatchObject({ total: 1, positive: true, band: { id: 'positive' } });
    expect(score.critical).toEqual([{ itemId, flow: 'ipv', value: 1, higherRisk }]);
  });

  it('reports a Yes even before the screen is complete', () => {
    const score = scoreAssessment(hark, { K: 1 });
    expect(score).toMatchObject({ status: 'incomplete', missing: ['H', 'A', 'R'] });
    expect(score.critical).toEqual([{ itemId: 'K', flow: 'ipv', value: 1, higherRisk: true }]);
  });
});

describe('checkAnswers', () => {
  it('accepts a complete, valid response', () => {
    expect(checkAnswers(phq9, numbered([0, 1, 2, 3, 0, 1, 2, 3, 0]))).toEqual([]);
  });

  it('reports unknown items, invalid values and missing items, in definition order with unknown items last', () => {
    const answers: Record<string, unknown> = { '1': 0, '2': 4, '3': 1.5, '4': -1, '5': '2', '6': null, '7': 1, '8': 1, '10': 1, extra: 0 };
    expect(checkAnswers(phq9, answers)).toEqual([
      { itemId: '2', problem: 'invalid-value' },
      { itemId: '3', problem: 'invalid-value' },
      { itemId: '4', problem: 'invalid-value' },
      { itemId: '5', problem: 'invalid-value' },
      { itemId: '6', problem: 'invalid-value' },
      { itemId: '9', problem: 'missing' },
      { itemId: '10', problem: 'unknown-item' },
      { itemId: 'extra', problem: 'unknown-item' },
    ]);
  });

  it('rejects a value that is an integer in range for another instrument but not among this item’s options', () => {
    expect(checkAnswers(ecrS, { ...numbered(Array<number>(12).fill(4)), '3': 0 })).toEqual([{ itemId: '3', problem: 'invalid-value' }]);
    expect(checkAnswers(hark, { H: 2, A: 0, R: 0, K: 0 })).toEqual([{ itemId: 'H', problem: 'invalid-value' }]);
  });

  it('does not require the optional difficulty item, but checks its value when given', () => {
    expect(checkAnswers(gad7, numbered([0, 0, 0, 0, 0, 0, 0]))).toEqual([]);
    expect(checkAnswers(gad7, { ...numbered([0, 0, 0, 0, 0, 0, 0]), difficulty: 4 })).toEqual([
      { itemId: 'difficulty', problem: 'invalid-value' },
    ]);
  });

  it('takes the PC-PTSD-5 gate into account', () => {
    expect(checkAnswers(pcPtsd5, { gate: 0 })).toEqual([]);
    expect(checkAnswers(pcPtsd5, { gate: 1 })).toEqual(['1', '2', '3', '4', '5'].map((itemId) => ({ itemId, problem: 'missing' })));
    // An invalid gate counts as no gate: items 1-5 stay required.
    expect(checkAnswers(pcPtsd5, { gate: 2 })).toEqual([
      { itemId: 'gate', problem: 'invalid-value' },
      ...['1', '2', '3', '4', '5'].map((itemId) => ({ itemId, problem: 'missing' })),
    ]);
    // Gate No with items 1-5: accepted and ignored, but an invalid value there is still reported.
    expect(checkAnswers(pcPtsd5, { gate: 0, '1': 3 })).toEqual([{ itemId: '1', problem: 'invalid-value' }]);
  });

  it('treats inherited property names as unknown items, not as answers', () => {
    const answers = JSON.parse('{"__proto__": 1, "H": 0, "A": 0, "R": 0, "K": 0}') as Record<string, unknown>;
    expect(checkAnswers(hark, answers)).toEqual([{ itemId: '__proto__', problem: 'unknown-item' }]);
    expect(checkAnswers(hark, { constructor: 1 } as Record<string, unknown>)).toEqual([
      ...['H', 'A', 'R', 'K'].map((itemId) => ({ itemId, problem: 'missing' })),
      { itemId: 'constructor', problem: 'unknown-item' },
    ]);
  });
});

describe('scoreAssessment on answers checkAnswers would reject', () => {
  it('throws rather than score an invalid value or an unknown item', () => {
    expect(() => scoreAssessment(phq9, { ...numbered([0, 0, 0, 0, 0, 0, 0, 0, 0]), '1': 4 })).toThrow(RangeError);
    expect(() => scoreAssessment(phq9, { ...numbered([0, 0, 0, 0, 0, 0, 0, 0, 0]), '10': 0 })).toThrow(/10 \(unknown-item\)/);
    expect(() => scoreAssessment(ecrS, { ...numbered(Array<number>(12).fill(4)), '1': 4.5 })).toThrow(RangeError);
  });
});

describe('findCriticalHits', () => {
  it('skips invalid answers and answers to items that do not apply', () => {
    expect(findCriticalHits(phq9, { '9': 7 })).toEqual([]);
    expect(findCriticalHits(phq9, { '9': '2' })).toEqual([]);
    expect(findCriticalHits(phq9, { '9': 2 })).toEqual([{ itemId: '9', flow: 'self-harm', value: 2, higherRisk: true }]);
  });
});
