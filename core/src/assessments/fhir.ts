import { instruments, loincNotice } from './instruments';
import type { InstrumentDefinition, InstrumentId, InstrumentItem } from './instruments';
import { applicableAnswers } from './scoring';
import type { AssessmentScore } from './scoring';

/**
 * FHIR R4 export of a person's completed assessments (Capability 16; reference §9), as a Bundle of type
 * `collection`. Per assessment:
 * - a QuestionnaireResponse with the raw answers (`questionnaire` = Twofold canonical `url|version`);
 * - when scored, the score Observation(s): the total with `valueInteger` (LOINC total code where one exists,
 *   always also a Twofold code), or for ECR-S one Observation per dimension;
 * - and a panel Observation (LOINC panel code where one exists) with `hasMember` → those Observations.
 * Every Observation has `derivedFrom` → the QuestionnaireResponse. An incomplete response is exported as an
 * `in-progress` QuestionnaireResponse alone.
 *
 * Decisions:
 * - R4 Observation has no `valueDecimal` (value[x] is Quantity, integer, …), so the ECR-S means use
 *   `valueQuantity` with the UCUM unit `{score}` (as the US Core examples do); totals use `valueInteger`.
 * - Copyright: item text and option labels are exported only for instruments whose licence is `free`.
 *   For the others (DAST-10, ECR-S, CSI-4, HARK) the response carries linkIds and answer codes only, and
 *   the canonical reference to the Questionnaire (reference §9, last bullet).
 * - Yes/No items are answered with `valueBoolean`; options with a LOINC answer code with that `valueCoding`;
 *   other options with a `valueCoding` in a Twofold CodeSystem whose code is the raw answer code.
 * - Resource ids are name-based UUIDs derived from the person's and the assessment's ids, so exporting the
 *   same data twice gives the same ids. Without `baseUrl`, entries are `urn:uuid:` and references use them;
 *   with it, entries are `<baseUrl>/<type>/<id>` and references are relative (`Observation/<id>`).
 * - The Twofold namespace below is a placeholder; replace it with a URL Twofold controls before release.
 */

export const twofoldFhirNamespace = 'https://twofold.example/fhir';
/** Codes for instruments, totals and subscales that have no LOINC code (and a Twofold code for every one). */
export const twofoldInstrumentCodeSystem = `${twofoldFhirNamespace}/CodeSystem/instruments`;
const loincSystem = 'http://loinc.org';
const ucumSystem = 'http://unitsofmeasure.org';
const observationCategorySystem = 'http://terminology.hl7.org/CodeSystem/observation-category';

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}
export interface FhirReference {
  reference: string;
  display?: string;
}
export interface FhirIdentifier {
  system: string;
  value: string;
}
export interface FhirQuantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface FhirPatient {
  resourceType: 'Patient';
  id: string;
  identifier: FhirIdentifier[];
  name?: { text: string }[];
}

export interface FhirQuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueCoding?: FhirCoding;
}
export interface FhirQuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer: FhirQuestionnaireResponseAnswer[];
}
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  identifier: FhirIdentifier;
  questionnaire: string;
  status: 'completed' | 'in-progress';
  subject: FhirReference;
  authored: string;
  author: FhirReference;
  source: FhirReference;
  item: FhirQuestionnaireResponseItem[];
}

export interface FhirObservation {
  resourceType: 'Observation';
  id: string;
  status: 'final';
  category: FhirCodeableConcept[];
  code: FhirCodeableConcept;
  subject: FhirReference;
  effectiveDateTime: string;
  issued: string;
  performer: FhirReference[];
  valueInteger?: number;
  valueQuantity?: FhirQuantity;
  interpretation?: FhirCodeableConcept[];
  note?: { text: string }[];
  hasMember?: FhirReference[];
  derivedFrom: FhirReference[];
}

export type FhirResource = FhirPatient | FhirQuestionnaireResponse | FhirObservation;

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

export interface CompletedAssessment {
  id: string;
  instrumentId: InstrumentId;
  instrumentVersion: string;
  answers: Record<string, number>;
  score: AssessmentScore;
  /** ISO instant. */
  submittedAt: string;
}

export interface FhirExportOptions {
  /** The server's FHIR base, e.g. https://twofold.example.org/fhir: entries then get RESTful fullUrls. */
  baseUrl?: string;
  /** When the Bundle was assembled (ISO instant); now by default. */
  timestamp?: string;
}

/** The canonical URL of the Twofold Questionnaire for an instrument. */
export function questionnaireCanonical(instrumentId: InstrumentId, version: string): string {
  return `${twofoldFhirNamespace}/Questionnaire/${instrumentId}|${version}`;
}

/**
 * A 128-bit non-cryptographic hash (cyrb128) of a name, laid out as an RFC 9562 version 8 UUID
 * ("custom"), so the same name always gives the same resource id.
 */
export function nameBasedUuid(name: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < name.length; index += 1) {
    const k = name.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((part) => (part >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isYesNo(item: InstrumentItem): boolean {
  return (
    item.options.length === 2 &&
    item.options.every((option) => (option.value === 1 && option.label === 'Yes') || (option.value === 0 && option.label === 'No'))
  );
}

function answerFor(def: InstrumentDefinition, item: InstrumentItem, value: number, withText: boolean): FhirQuestionnaireResponseAnswer {
  if (isYesNo(item)) {
    return { valueBoolean: value === 1 };
  }
  const option = item.options.find((candidate) => candidate.value === value);
  const display = withText && option ? { display: option.label } : {};
  if (option?.loinc) {
    return { valueCoding: { system: loincSystem, code: option.loinc, ...display } };
  }
  return { valueCoding: { system: `${twofoldFhirNamespace}/CodeSystem/${def.id}-answers`, code: String(value), ...display } };
}

function coding(system: string, code: string): FhirCoding {
  return { system, code };
}

/**
 * Builds the FHIR R4 Bundle of one person's assessments. Pure: the caller decides what the person may
 * export (their own results) and passes the stored answers and scores as they are.
 */
export function assessmentsToFhirBundle(
  subject: { id: string; display?: string },
  assessments: CompletedAssessment[],
  options: FhirExportOptions = {},
): FhirBundle {
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');
  const entry: FhirBundle['entry'] = [];
  const add = (resource: FhirResource): FhirReference => {
    const fullUrl = baseUrl ? `${baseUrl}/${resource.resourceType}/${resource.id}` : `urn:uuid:${resource.id}`;
    entry.push({ fullUrl, resource });
    return { reference: baseUrl ? `${resource.resourceType}/${resource.id}` : fullUrl };
  };

  const patientId = nameBasedUuid(`twofold:person:${subject.id}`);
  const patient = add({
    resourceType: 'Patient',
    id: patientId,
    identifier: [{ system: `${twofoldFhirNamespace}/person`, value: subject.id }],
    ...(subject.display ? { name: [{ text: subject.display }] } : {}),
  });
  const subjectRef: FhirReference = subject.display ? { ...patient, display: subject.display } : patient;

  for (const assessment of assessments) {
    const def = instruments[assessment.instrumentId];
    const withText = def.licence.status === 'free';
    const idFor = (part: string): string => nameBasedUuid(`twofold:assessment:${subject.id}:${assessment.id}:${part}`);
    // Only answers that count: with PC-PTSD-5 gate = No, answers to items 1-5 are not exported.
    const answers = applicableAnswers(def, assessment.answers);
    const responseItems: FhirQuestionnaireResponseItem[] = [];
    for (const item of def.items) {
      const value = answers[item.id];
      if (value === undefined) {
        continue;
      }
      responseItems.push({ linkId: item.id, ...(withText ? { text: item.text } : {}), answer: [answerFor(def, item, value, withText)] });
    }

    const response = add({
      resourceType: 'QuestionnaireResponse',
      id: idFor('response'),
      identifier: { system: `${twofoldFhirNamespace}/assessment`, value: assessment.id },
      questionnaire: questionnaireCanonical(def.id, assessment.instrumentVersion),
      status: assessment.score.status === 'scored' ? 'completed' : 'in-progress',
      subject: subjectRef,
      authored: assessment.submittedAt,
      author: subjectRef,
      source: subjectRef,
      item: responseItems,
    });

    const score = assessment.score;
    if (score.status !== 'scored') {
      continue;
    }
    const base = {
      resourceType: 'Observation' as const,
      status: 'final' as const,
      category: [{ coding: [{ system: observationCategorySystem, code: 'survey', display: 'Survey' }] }],
      subject: subjectRef,
      effectiveDateTime: assessment.submittedAt,
      issued: assessment.submittedAt,
      performer: [subjectRef],
      derivedFrom: [response],
    };
    const note = { text: `${score.rule}. Twofold scorer ${score.scorerVersion}.${withText ? '' : ` ${def.licence.notice}`}` };
    const members: FhirReference[] = [];

    if (score.total !== null) {
      members.push(
        add({
          ...base,
          id: idFor('total'),
          code: {
            coding: [
              ...(def.loinc.total ? [coding(loincSystem, def.loinc.total)] : []),
              coding(twofoldInstrumentCodeSystem, `${def.id}-total`),
            ],
            text: `${def.shortName} total score`,
          },
          valueInteger: score.total,
          ...(score.band
            ? { interpretation: [{ text: score.band.label }], note: [note, { text: `Band source: ${score.band.source}.` }] }
            : { note: [note] }),
        }),
      );
    }
    for (const [name, mean] of Object.entries(score.subscales ?? {})) {
      members.push(
        add({
          ...base,
          id: idFor(`subscale-${name}`),
          code: { coding: [coding(twofoldInstrumentCodeSystem, `${def.id}-${name}`)], text: `${def.shortName} ${name} (mean, 1-7)` },
          valueQuantity: { value: mean, unit: '{score}', system: ucumSystem, code: '{score}' },
          note: [note],
        }),
      );
    }
    add({
      ...base,
      id: idFor('panel'),
      code: {
        coding: [...(def.loinc.panel ? [coding(loincSystem, def.loinc.panel)] : []), coding(twofoldInstrumentCodeSystem, def.id)],
        text: def.shortName,
      },
      note: [{ text: def.loinc.panel ? `${def.copyright} ${loincNotice}` : def.copyright }],
      hasMember: members,
    });
  }

  return {
    resourceType: 'Bundle',
    id: nameBasedUuid(`twofold:bundle:${subject.id}:${assessments.map((assessment) => assessment.id).join(',')}`),
    type: 'collection',
    timestamp: options.timestamp ?? new Date().toISOString(),
    entry,
  };
}
