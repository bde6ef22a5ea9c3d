import { describe, expect, it } from 'vitest';
import { deploymentInstruments, familyOf, instrumentIds, instruments, isInstrumentId } from './instruments';

// Facts checked against ../shared/reference/instruments.md, typed out here by hand.

describe('instrument definitions', () => {
  it('defines every instrument id once, under its own id, at version 1.0.0', () => {
    expect(Object.keys(instruments).sort()).toEqual([...instrumentIds].sort());
    for (const id of instrumentIds) {
      expect(instruments[id].id).toBe(id);
      expect(instruments[id].version).toBe('1.0.0');
    }
  });

  it('puts each instrument in its sharing family', () => {
    expect(instrumentIds.map((id) => [id, familyOf(id)])).toEqual([
      ['phq-9', 'mood-anxiety'],
      ['gad-7', 'mood-anxiety'],
      ['audit-c', 'substance-use'],
      ['dast-10', 'substance-use'],
      ['pc-ptsd-5', 'mood-anxiety'],
      ['ecr-s', 'attachment'],
      ['csi-4', 'relationship'],
      ['hark', 'safety'],
    ]);
    for (const id of instrumentIds) {
      expect(instruments[id].family).toBe(familyOf(id));
    }
  });

  it('records the licence status the reference gives', () => {
    expect(Object.fromEntries(instrumentIds.map((id) => [id, instruments[id].licence.status]))).toEqual({
      'phq-9': 'free',
      'gad-7': 'free',
      'audit-c': 'free',
      'dast-10': 'non-commercial',
      'pc-ptsd-5': 'free',
      'ecr-s': 'unconfirmed',
      'csi-4': 'unconfirmed',
      hark: 'unconfirmed',
    });
    for (const id of instrumentIds) {
      expect(instruments[id].licence.notice.length).toBeGreaterThan(20);
      expect(instruments[id].copyright.length).toBeGreaterThan(10);
    }
  });

  it('has the item ids, scored-item counts and total ranges of the reference', () => {
    const shape = (id: (typeof instrumentIds)[number]) => ({
      items: instruments[id].items.map((item) => item.id),
      scored: instruments[id].items.filter((item) => item.scored).length,
      range: instruments[id].totalRange,
    });
    expect(shape('phq-9')).toEqual({
      items: ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'difficulty'],
      scored: 9,
      range: { min: 0, max: 27 },
    });
    expect(shape('gad-7')).toEqual({ items: ['1', '2', '3', '4', '5', '6', '7', 'difficulty'], scored: 7, range: { min: 0, max: 21 } });
    expect(shape('audit-c')).toEqual({ items: ['1', '2', '3'], scored: 3, range: { min: 0, max: 12 } });
    expect(shape('dast-10')).toEqual({
      items: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      scored: 10,
      range: { min: 0, max: 10 },
    });
    expect(shape('pc-ptsd-5')).toEqual({ items: ['gate', '1', '2', '3', '4', '5'], scored: 5, range: { min: 0, max: 5 } });
    expect(shape('ecr-s')).toEqual({ items: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], scored: 12, range: null });
    expect(shape('csi-4')).toEqual({ items: ['1', '2', '3', '4'], scored: 4, range: { min: 0, max: 21 } });
    expect(shape('hark')).toEqual({ items: ['H', 'A', 'R', 'K'], scored: 4, range: { min: 0, max: 4 } });
  });

  it('marks only DAST-10 item 3 and ECR-S items 1, 5, 8, 9 as reverse-scored', () => {
    const reversed = instrumentIds.flatMap((id) => instruments[id].items.filter((item) => item.reverse).map((item) => `${id}:${item.id}`));
    expect(reversed).toEqual(['dast-10:3', 'ecr-s:1', 'ecr-s:5', 'ecr-s:8', 'ecr-s:9']);
  });

  it('keys the ECR-S subscales as the reference does', () => {
    const of = (subscale: string) => instruments['ecr-s'].items.filter((item) => item.subscale === subscale).map((item) => item.id);
    expect(of('anxiety')).toEqual(['2', '4', '6', '8', '10', '12']);
    expect(of('avoidance')).toEqual(['1', '3', '5', '7', '9', '11']);
  });

  it('uses the LOINC panel and total codes of the reference (AUDIT-C total is 75626-2, not the full AUDIT 75624-7)', () => {
    expect(Object.fromEntries(instrumentIds.map((id) => [id, instruments[id].loinc]))).toEqual({
      'phq-9': { panel: '44249-1', total: '44261-6' },
      'gad-7': { panel: '69737-5', total: '70274-6' },
      'audit-c': { panel: '72109-2', total: '75626-2' },
      'dast-10': { panel: '82666-9', total: '82667-7' },
      'pc-ptsd-5': { panel: '102010-6', total: '102017-1' },
      'ecr-s': {},
      'csi-4': {},
      hark: { panel: '76499-3', total: '76504-0' },
    });
  });

  it('uses the LOINC item codes of the reference, and none for DAST-10, ECR-S and CSI-4', () => {
    const codes = (id: (typeof instrumentIds)[number]) => instruments[id].items.map((item) => item.loinc ?? null);
    expect(codes('phq-9')).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
    ]);
    expect(codes('gad-7')).toEqual(['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7', '69726-8']);
    expect(codes('audit-c')).toEqual(['68518-0', '68519-8', '68520-6']);
    expect(codes('pc-ptsd-5')).toEqual(['102011-4', '102012-2', '102013-0', '102014-8', '102015-5', '102016-3']);
    expect(codes('hark')).toEqual(['76500-8', '76501-6', '76502-4', '76503-2']);
    expect(codes('dast-10').every((code) => code === null)).toBe(true);
    expect(codes('ecr-s').every((code) => code === null)).toBe(true);
    expect(codes('csi-4').every((code) => code === null)).toBe(true);
  });

  it('gives PHQ-9 and GAD-7 items the four frequency options with their LOINC answer codes', () => {
    const expected = [
      { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
      { value: 1, label: 'Several days', loinc: 'LA6569-3' },
      { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
      { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
    ];
    for (const id of ['phq-9', 'gad-7'] as const) {
      for (const item of instruments[id].items.filter((candidate) => candidate.scored)) {
        expect(item.options).toEqual(expected);
      }
    }
  });

  it('reproduces the official wording where the reference gives it', () => {
    expect(instruments['phq-9'].items[8]?.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(instruments['phq-9'].stem).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(instruments['gad-7'].stem).toBe('Over the last 2 weeks, how often have you been bothered by the following problems?');
    expect(instruments['gad-7'].items[6]?.text).toBe('Feeling afraid, as if something awful might happen');
    expect(instruments['audit-c'].items[2]?.text).toBe('How often do you have six or more drinks on one occasion?');
    expect(instruments['pc-ptsd-5'].items[4]?.text).toBe('Felt numb or detached from people, activities, or your surroundings?');
    expect(instruments.hark.items[1]?.text).toBe('Within the last year, have you been afraid of your partner or ex-partner?');
    expect(instruments['ecr-s'].items[0]?.text).toBe('It helps to turn to my romantic partner in times of need.');
  });

  it('gives AUDIT-C, CSI-4 and ECR-S the option values of the reference', () => {
    expect(instruments['audit-c'].items[1]?.options.map((option) => [option.value, option.label])).toEqual([
      [0, '1 or 2'],
      [1, '3 or 4'],
      [2, '5 or 6'],
      [3, '7 to 9'],
      [4, '10 or more'],
    ]);
    expect(instruments['csi-4'].items.map((item) => item.options.map((option) => option.value))).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5],
    ]);
    expect(instruments['csi-4'].items[0]?.options.map((option) => option.label)).toEqual([
      'Extremely unhappy',
      'Fairly unhappy',
      'A little unhappy',
      'Happy',
      'Very happy',
      'Extremely happy',
      'Perfect',
    ]);
    for (const item of instruments['ecr-s'].items) {
      expect(item.options.map((option) => option.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    for (const id of ['dast-10', 'pc-ptsd-5', 'hark'] as const) {
      for (const item of instruments[id].items) {
        expect(item.options).toEqual([
          { value: 1, label: 'Yes' },
          { value: 0, label: 'No' },
        ]);
      }
    }
  });

  it('makes only the unscored difficulty items optional and gates PC-PTSD-5 items 1-5 on the trauma question', () => {
    const optional = instrumentIds.flatMap((id) =>
      instruments[id].items.filter((item) => !item.required).map((item) => `${id}:${item.id}`),
    );
    expect(optional).toEqual(['phq-9:difficulty', 'gad-7:difficulty']);
    const gated = instruments['pc-ptsd-5'].items.filter((item) => item.gatedBy).map((item) => [item.id, item.gatedBy]);
    expect(gated).toEqual(['1', '2', '3', '4', '5'].map((id) => [id, { itemId: 'gate', value: 1 }]));
    expect(instruments['pc-ptsd-5'].items[0]).toMatchObject({ id: 'gate', scored: false, required: true });
  });

  it('names the critical items: PHQ-9 item 9 (self-harm, higher risk from 2) and each HARK item (A, R, K higher risk)', () => {
    const critical = Object.fromEntries(instrumentIds.map((id) => [id, instruments[id].criticalItems]));
    expect(critical).toEqual({
      'phq-9': [{ itemId: '9', minValue: 1, flow: 'self-harm', higherRiskMinValue: 2 }],
      'gad-7': [],
      'audit-c': [],
      'dast-10': [],
      'pc-ptsd-5': [],
      'ecr-s': [],
      'csi-4': [],
      hark: [
        { itemId: 'H', minValue: 1, flow: 'ipv' },
        { itemId: 'A', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
        { itemId: 'R', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
        { itemId: 'K', minValue: 1, flow: 'ipv', higherRiskMinValue: 1 },
      ],
    });
  });

  it('has the bands of the reference, as [id, min, max]', () => {
    const bands = (id: (typeof instrumentIds)[number]) => instruments[id].bands.map((band) => [band.id, band.min, band.max]);
    expect(bands('phq-9')).toEqual([
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['moderately-severe', 15, 19],
      ['severe', 20, 27],
    ]);
    expect(bands('gad-7')).toEqual([
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['severe', 15, 21],
    ]);
    expect(bands('audit-c')).toEqual([
      ['negative', 0, 2],
      ['positive', 3, 12],
    ]);
    expect(instruments['audit-c'].alternativeBands?.['male']?.map((band) => [band.id, band.min, band.max])).toEqual([
      ['negative', 0, 3],
      ['positive', 4, 12],
    ]);
    expect(bands('dast-10')).toEqual([
      ['none', 0, 0],
      ['low', 1, 2],
      ['moderate', 3, 5],
      ['substantial', 6, 8],
      ['severe', 9, 10],
    ]);
    expect(bands('pc-ptsd-5')).toEqual([
      ['negative', 0, 2],
      ['positive', 3, 5],
    ]);
    expect(instruments['pc-ptsd-5'].alternativeBands?.['cutoff-4']?.map((band) => [band.id, band.min, band.max])).toEqual([
      ['negative', 0, 3],
      ['positive', 4, 5],
    ]);
    expect(bands('ecr-s')).toEqual([]);
    expect(bands('csi-4')).toEqual([
      ['below-threshold', 0, 13],
      ['above-threshold', 14, 21],
    ]);
    expect(bands('hark')).toEqual([
      ['negative', 0, 0],
      ['positive', 1, 4],
    ]);
  });

  it('has bands that are closed, contiguous, non-overlapping and cover the whole total range', () => {
    for (const id of instrumentIds) {
      const def = instruments[id];
      const sets = [def.bands, ...Object.values(def.alternativeBands ?? {})];
      for (const bands of sets) {
        if (def.totalRange === null) {
          expect(bands).toEqual([]);
          continue;
        }
        expect(bands[0]?.min).toBe(def.totalRange.min);
        expect(bands.at(-1)?.max).toBe(def.totalRange.max);
        bands.forEach((band, index) => {
          expect(band.min).toBeLessThanOrEqual(band.max);
          if (index > 0) {
            expect(band.min).toBe((bands[index - 1]?.max ?? Number.NaN) + 1);
          }
        });
      }
    }
  });

  it('uses no type label for a person and no diagnosis in any band label', () => {
    const labels = instrumentIds.flatMap((id) => [
      ...instruments[id].bands,
      ...Object.values(instruments[id].alternativeBands ?? {}).flat(),
    ]);
    for (const band of labels) {
      expect(band.label).not.toMatch(/depress|disorder|ptsd|alcoholi|addict|abuser|victim|preoccupied|dismissing|fearful|secure/i);
    }
  });

  it('has unique item ids and option values within each instrument', () => {
    for (const id of instrumentIds) {
      const ids = instruments[id].items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of instruments[id].items) {
        const values = item.options.map((option) => option.value);
        expect(new Set(values).size).toBe(values.length);
        expect(values.every((value) => Number.isInteger(value) && value >= 0 && value <= 10)).toBe(true);
      }
    }
  });
});

describe('deploymentInstruments', () => {
  it('offers every instrument by default, in a stable order', () => {
    expect(deploymentInstruments([]).map((def) => def.id)).toEqual([...instrumentIds]);
  });

  it('leaves out the instruments a deployment switched off', () => {
    expect(deploymentInstruments(['dast-10', 'ecr-s', 'csi-4']).map((def) => def.id)).toEqual([
      'phq-9',
      'gad-7',
      'audit-c',
      'pc-ptsd-5',
      'hark',
    ]);
  });
});

describe('isInstrumentId', () => {
  it('accepts known ids only', () => {
    expect(isInstrumentId('phq-9')).toBe(true);
    expect(isInstrumentId('phq9')).toBe(false);
    expect(isInstrumentId('toString')).toBe(false);
  });
});
