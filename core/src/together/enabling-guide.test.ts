import { describe, expect, it } from 'vitest';
import {
  genericSituations,
  guideExamples,
  guideSize,
  selectGuideExamples,
  situationTypes,
  situationsInText,
  type GuideSignals,
  type SituationType,
} from './enabling-guide';

const nothing: GuideSignals = {
  myPatterns: null,
  mySubstances: [],
  myTriggerTexts: [],
  boundaryTexts: [],
  partnerPatterns: null,
  partnerSubstances: [],
  partnerTriggerTexts: [],
};
const situationsOf = (signals: Partial<GuideSignals>) => selectGuideExamples({ ...nothing, ...signals }).map((e) => e.situation);

describe('situationsInText', () => {
  const table: Array<[string, SituationType[]]> = [
    ['I will leave the party if there is drinking', ['social-events']],
    ['I need us to talk before paying any bills', ['money']],
    ['I will not call your boss for you', ['covering']],
    ['I need you not to check my phone', ['checking']],
    ['Arguments about money', ['money', 'avoiding-conflict']],
    ['No alcohol kept at home', ['substance-at-home']],
    ['Tu medicamento como está recetado', ['medication']],
    ['Después de una discusión', ['avoiding-conflict']],
    ['Estrés en el trabajo', ['stress']],
    ['Fiesta de cumpleaños con amigos', ['social-events']],
    ['People I used with', ['shared-use']],
  ];
  for (const [text, expected] of table) {
    it(`finds ${expected.join(', ')} in “${text}”`, () => {
      expect(situationsInText(text)).toEqual(expected);
    });
  }

  const none = ['I need a quiet hour after class', 'Loneliness', 'Boredom', 'company', 'payroll', 'barrier', 'lied'];
  for (const text of none) {
    it(`finds nothing in “${text}” (whole words only)`, () => {
      expect(situationsInText(text)).toEqual([]);
    });
  }
});

describe('selectGuideExamples', () => {
  it('shows the general examples when the couple has recorded nothing', () => {
    const guide = selectGuideExamples(nothing);
    expect(guide.map((e) => e.situation)).toEqual(genericSituations);
    expect(guide.every((e) => !e.personal && e.reasons.length === 0)).toBe(true);
  });

  it('puts the reflection’s strongest patterns first, and leaves out “not at all”', () => {
    const guide = selectGuideExamples({
      ...nothing,
      myPatterns: { 'shared-use': 'often', enabling: 'not-at-all', 'caretaker-dependent': 'sometimes', 'avoiding-conflict': null },
    });
    expect(guide.map((e) => [e.situation, e.personal])).toEqual([
      ['shared-use', true],
      ['caretaking', true],
      ['checking', true],
      ['money', false],
    ]);
    expect(guide[0]!.reasons).toEqual([{ source: 'my-reflection', detail: 'shared-use' }]);
  });

  it('draws on boundaries, my triggers and my substances, naming each reason', () => {
    const guide = selectGuideExamples({
      ...nothing,
      boundaryTexts: ['I will leave the party if there is drinking'],
      myTriggerTexts: ['Stress', 'Deadline at work'],
      mySubstances: ['opioids'],
    });
    expect(guide.map((e) => e.situation)).toEqual(['social-events', 'stress', 'medication', 'money']);
    expect(guide[0]!.reasons).toEqual([{ source: 'our-boundaries', detail: null }]);
    expect(guide[1]!.reasons).toEqual([{ source: 'my-triggers', detail: null }]);
    expect(guide[2]!.reasons).toEqual([{ source: 'my-intake', detail: 'opioids' }]);
    expect(guide[3]!.personal).toBe(false);
  });

  it('adds up signals that point to the same situation, and counts one text source once per situation', () => {
    const guide = selectGuideExamples({
      ...nothing,
      mySubstances: ['alcohol'],
      boundaryTexts: ['No wine at home', 'No beer in the fridge'],
      myPatterns: { 'avoiding-conflict': 'sometimes' },
    });
    // at home: boundaries 2 + alcohol 1 = 3; avoiding conflict 2; parties: alcohol 1.
    expect(guide.map((e) => e.situation)).toEqual(['substance-at-home', 'avoiding-conflict', 'social-events', 'money']);
    expect(guide[0]!.reasons.map((r) => r.source)).toEqual(['our-boundaries', 'my-intake']);
  });

  it('uses what the partner shares, naming it as theirs', () => {
    const guide = selectGuideExamples({ ...nothing, partnerPatterns: { enabling: 'often' }, partnerSubstances: ['cannabis'] });
    expect(guide.slice(0, 3).map((e) => [e.situation, e.reasons[0]!.source])).toEqual([
      ['money', 'partner-reflection'],
      ['covering', 'partner-reflection'],
      ['substance-at-home', 'partner-intake'],
    ]);
  });

  it('always shows exactly the guide’s size, each situation once', () => {
    const everything: GuideSignals = {
      myPatterns: { 'shared-use': 'often', enabling: 'often', 'caretaker-dependent': 'often', 'avoiding-conflict': 'often' },
      mySubstances: ['alcohol', 'opioids', 'cocaine'],
      myTriggerTexts: ['Stress', 'Party'],
      boundaryTexts: ['No checking my phone'],
      partnerPatterns: { enabling: 'sometimes' },
      partnerSubstances: ['cannabis'],
      partnerTriggerTexts: ['Money'],
    };
    const guide = situationsOf(everything);
    expect(guide).toHaveLength(guideSize);
    expect(new Set(guide).size).toBe(guideSize);
    expect(guide[0]).toBe('money'); // enabling often 3 + partner's sometimes 2 + cocaine 1 + partner's trigger 2
  });
});

describe('guide examples', () => {
  it('has an example for every situation type in English and Spanish, each part written', () => {
    for (const situation of situationTypes) {
      for (const locale of ['en', 'es'] as const) {
        const text = guideExamples[situation][locale];
        expect(text.situation.length, `${situation} ${locale}`).toBeGreaterThan(2);
        expect(text.enabling.length).toBeGreaterThan(20);
        expect(text.supporting.length).toBeGreaterThan(20);
      }
    }
  });
});
